// Property: the 表1 export is a faithful exchange file. ~200 random valid volunteers are saved,
// exported, and imported into an empty database through the importer; the roster that comes out
// is the same, person by person and field by field.
import { describe, expect, it } from 'vitest'
import { api, invoke } from '../../../src-main/core/api'
import {
  COUNTIES,
  EDUCATION_LEVELS,
  ETHNIC_GROUPS,
  POLITICAL_STATUSES,
  TEAMS,
  VOLUNTEER_CATEGORIES,
  type Person,
} from '../../../src-main/core/domain'
import { personOf, VOLUNTEER_COLUMNS } from '../../../src-main/core/roster/rows'
import type { CoreContext } from '../../../src-main/core/index'
import { GIVEN, makeId, pick, seededRandom, SURNAMES, UNITS } from '../../support/people'
import { addVolunteer, openTestDb } from './helpers'

const hasImporter = Object.hasOwn(api, 'import.run')

const POSTS = ['校长', '副校长', '教导主任', '班主任', '一级教师', '高级教师', '二级教师', '']
const SPECIALITIES = ['书法', '声乐', '篮球', '花儿演唱', '剪纸', '编程', '舞蹈', '']
// Notes that look like formulas or carry awkward characters must survive as typed.
const NOTES = [
  '',
  '',
  '',
  '=1+1',
  '+86 备用电话',
  '-',
  '@某某',
  '擅长"双引号"与,逗号',
  '教龄 20 年；曾获省级表彰',
  'A&B <C>',
]

function optional<T>(random: () => number, list: readonly T[]): T | '' {
  return random() < 0.15 ? '' : pick(random, list)
}

function phoneOf(random: () => number): string {
  if (random() < 0.15) return ''
  if (random() < 0.2) return `0930-${String(2000000 + Math.floor(random() * 7999999))}`
  return `1${pick(random, ['38', '39', '51', '77', '80', '99'])}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`
}

/** Valid volunteers with every field varied; gender and birth come from the ID as the rules want. */
function randomVolunteers(count: number, seed: number): Record<string, string>[] {
  const random = seededRandom(seed)
  const used = new Set<string>()
  const people: Record<string, string>[] = []
  while (people.length < count) {
    const county = pick(random, COUNTIES)
    const birth = `${1960 + Math.floor(random() * 45)}${String(1 + Math.floor(random() * 12)).padStart(2, '0')}${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`
    const idNumber = makeId(county.code, birth, Math.floor(random() * 100), random() < 0.5)
    if (used.has(idNumber)) continue
    used.add(idNumber)
    people.push({
      name: pick(random, SURNAMES) + pick(random, GIVEN),
      idNumber,
      ethnic: optional(random, ETHNIC_GROUPS),
      political: optional(
        random,
        POLITICAL_STATUSES.map((entry) => entry.value),
      ),
      education: optional(
        random,
        EDUCATION_LEVELS.map((entry) => entry.value),
      ),
      unit: optional(random, UNITS),
      post: pick(random, POSTS),
      // Short and full names alike: the export always writes the full name.
      county: random() < 0.1 ? '' : random() < 0.5 ? county.name : (county.shortNames[0] ?? county.name),
      phone: phoneOf(random),
      category: optional(random, VOLUNTEER_CATEGORIES),
      speciality: pick(random, SPECIALITIES),
      team: optional(
        random,
        TEAMS.map((team) => team.name),
      ),
      note: pick(random, NOTES),
    })
  }
  return people
}

function rosterByIdNumber(ctx: CoreContext): Map<string, Person> {
  const rows = ctx.db
    .prepare(`SELECT ${VOLUNTEER_COLUMNS} FROM volunteers v WHERE v.deleted_at IS NULL`)
    .all() as Person[]
  return new Map(rows.map((row) => [row.idNumber, personOf(row)]))
}

describe('表1 export → import round trip', () => {
  it.skipIf(!hasImporter)('imports 200 exported random volunteers into an empty database unchanged', async () => {
    const source = openTestDb('ledger-roundtrip-a-')
    const target = openTestDb('ledger-roundtrip-b-')
    try {
      for (const fields of randomVolunteers(200, 20261129)) await addVolunteer(source.ctx, fields)
      const exported = await invoke(source.ctx, 'export.form', { form: 'roster', fullNumbers: true })
      if (!('data' in exported)) throw new Error('expected bytes')
      expect(exported.rows).toBe(200)

      const run = await invoke(target.ctx, 'import.run', {
        form: 'roster',
        files: [{ name: exported.fileName, data: exported.data }],
      })
      expect(run.issues).toEqual([])
      expect(run.totals).toMatchObject({ created: 200, rejected: 0, warnings: 0 })

      const before = rosterByIdNumber(source.ctx)
      const after = rosterByIdNumber(target.ctx)
      expect(after.size).toBe(before.size)
      for (const [idNumber, person] of before) expect(after.get(idNumber)).toEqual(person)
    } finally {
      source.close()
      target.close()
    }
  })

  it.skipIf(!hasImporter)('re-importing the export into the same database changes nothing', async () => {
    const db = openTestDb('ledger-roundtrip-c-')
    try {
      for (const fields of randomVolunteers(30, 7)) await addVolunteer(db.ctx, fields)
      const exported = await invoke(db.ctx, 'export.form', { form: 'roster', fullNumbers: true })
      if (!('data' in exported)) throw new Error('expected bytes')
      const run = await invoke(db.ctx, 'import.run', {
        form: 'roster',
        files: [{ name: exported.fileName, data: exported.data }],
      })
      expect(run.totals).toMatchObject({ created: 0, updated: 0, unchanged: 30 })
    } finally {
      db.close()
    }
  })
})
