// The fast 表4 (an in-memory index of participations, kept between calls) against a straightforward
// recount in SQL after every kind of write: the index is warmed before each write, so a stale copy
// would show as a difference.
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { hoursRows, roundHours, type HoursRow } from '../../../src-main/core/reports/hours'
import { resolveFilters, activityConditions, type ReportFiltersInput } from '../../../src-main/core/reports/filters'
import { resolvePeriod, type PeriodInput } from '../../../src-main/core/reports/period'
import type { CoreContext } from '../../../src-main/core/context'
import { createContext } from '../../../src-main/core/index'
import {
  levelsReached,
  STAR_LABELS,
  standing,
  standingsOf,
  type LevelReached,
} from '../../../src-main/core/activities/stars'
import { HOURS_SORTS, type HoursSort } from '../../../src-main/core/reports/hoursScreen'
import {
  activitiesWithAnyOf,
  binaryOrder,
  participationIndex,
  warmParticipationIndex,
} from '../../../src-main/core/reports/participationIndex'
import { makeId } from '../../support/people'
import { REPORT_TODAY, seedReports, VOLUNTEERS, type ReportSeed } from './seedReports'

let seed: ReportSeed
let ctx: CoreContext
beforeEach(async () => {
  seed = await seedReports('ledger-hours-index-')
  ctx = seed.db.ctx
  await invoke(ctx, 'stars.levels.save', { thresholds: [1, 3, 5, 8, 10] })
})
afterEach(() => seed.db.close())

/** 表4 the plain way: join, group and sort in SQLite, nothing kept. */
function recount(db: CoreContext['db'], input: PeriodInput & { filters?: ReportFiltersInput }): HoursRow[] {
  const period = resolvePeriod(input, new Date('2026-07-01T00:00:00Z'))
  const filters = resolveFilters(db, input.filters)
  const ofActivities = activityConditions(filters, false)
  const where = ['v.deleted_at IS NULL']
  const params: Record<string, unknown> = { from: period.from, to: period.to, ...ofActivities.params }
  for (const [field, column] of [
    ['countyCode', 'county_code'],
    ['unit', 'unit'],
    ['category', 'category'],
  ] as const) {
    if (!filters[field]) continue
    where.push(`v.${column} = @${field}`)
    params[field] = filters[field]
  }
  const rows = db
    .prepare(
      `SELECT v.id AS volunteerId, v.name, v.gender, v.unit, c.name AS county, v.id_number AS idNumber,
              count(*) AS activities, sum(pa.hours) AS hours
       FROM participations pa JOIN activities a ON a.id = pa.activity_id JOIN volunteers v ON v.id = pa.volunteer_id
       LEFT JOIN counties c ON c.code = v.county_code
       WHERE ${['a.held_on BETWEEN @from AND @to', ...ofActivities.where, ...where].join(' AND ')}
       GROUP BY v.id ORDER BY round(sum(pa.hours), 2) DESC, v.name_pinyin, v.id`,
    )
    .all(params) as HoursRow[]
  return rows.map((row) => ({ ...row, hours: roundHours(row.hours) }))
}

/** 星级 the plain way (the SQL this index replaced), with the test's thresholds. */
function recountLevels(db: CoreContext['db'], period: { from: string; to: string }): LevelReached[] {
  const thresholds = [1, 3, 5, 8, 10]
  const lines = db
    .prepare(
      `SELECT p.volunteer_id AS volunteerId, v.name, v.unit, a.held_on AS heldOn, p.hours
       FROM participations p JOIN activities a ON a.id = p.activity_id JOIN volunteers v ON v.id = p.volunteer_id
       WHERE a.held_on <= @to AND p.volunteer_id IN (
         SELECT p2.volunteer_id FROM participations p2 JOIN activities a2 ON a2.id = p2.activity_id WHERE a2.held_on BETWEEN @from AND @to)
       ORDER BY p.volunteer_id, a.held_on, a.id`,
    )
    .all(period) as {
    volunteerId: number
    name: string
    unit: string | null
    heldOn: string
    hours: number
  }[]
  const reached: LevelReached[] = []
  let current = -1
  let total = 0
  for (const line of lines) {
    if (line.volunteerId !== current) [current, total] = [line.volunteerId, 0]
    const before = standing(total, thresholds).level
    total += line.hours
    const after = standing(total, thresholds)
    if (line.heldOn < period.from) continue
    for (let level = before + 1; level <= after.level; level++) {
      reached.push({
        volunteerId: line.volunteerId,
        name: line.name,
        unit: line.unit,
        level,
        label: STAR_LABELS[level - 1]!,
        reachedOn: line.heldOn,
        hours: after.hours,
      })
    }
  }
  return reached.sort(
    (a, b) => a.reachedOn.localeCompare(b.reachedOn) || b.level - a.level || a.volunteerId - b.volunteerId,
  )
}

/** The 统计 screen's star filter and sort the plain way: standings in SQL, a comparator sort of row objects. */
function recountScreen(
  db: CoreContext['db'],
  rows: HoursRow[],
  starLevel: number | undefined,
  sort: HoursSort,
  order: 'asc' | 'desc',
): HoursRow[] {
  const standings = standingsOf(
    db,
    rows.map((row) => row.volunteerId),
  )
  const kept = starLevel ? rows.filter((row) => standings[row.volunteerId]?.level === starLevel) : rows
  const pinyin = new Intl.Collator('zh-Hans-CN-u-co-pinyin')
  const column = (a: HoursRow, b: HoursRow): number => {
    if (sort === 'hours') return a.hours - b.hours
    if (sort === 'activities') return a.activities - b.activities
    if (sort === 'name') return pinyin.compare(a.name, b.name)
    return pinyin.compare(a[sort] ?? '', b[sort] ?? '')
  }
  const sign = order === 'asc' ? 1 : -1
  return kept
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * column(a.row, b.row) || a.index - b.index)
    .map(({ row }) => row)
}

const QUERIES: (PeriodInput & { filters?: ReportFiltersInput })[] = [
  { year: 2025 },
  { year: 2026 },
  { from: '2026-01-01', to: '2026-03-15' },
  { from: '2025-12-31', to: '2026-01-01' },
  { year: 2026, filters: { department: '基础教育科' } },
  { year: 2026, filters: { task: '送教下乡' } },
  { year: 2026, filters: { team: '教育宣讲团' } },
  { year: 2026, filters: { countyCode: '临夏市' } },
  { year: 2026, filters: { category: '名师' } },
]

/** The index's roster part against the table: every entry, and the order name_pinyin, id. */
function expectRosterAgreement(): void {
  const index = participationIndex(ctx.db)
  const rows = ctx.db
    .prepare(
      `SELECT id, name, gender, unit, county_code AS countyCode, category, id_number AS idNumber,
              deleted_at IS NOT NULL AS deleted
       FROM volunteers ORDER BY name_pinyin, id`,
    )
    .all() as (Record<string, unknown> & { id: number; deleted: number })[]
  expect(Array.from(index.idByRank)).toEqual(rows.map((row) => row.id))
  expect(index.volunteers.filter((entry) => entry !== undefined)).toHaveLength(rows.length)
  rows.forEach((row, rank) => expect(index.volunteers[row.id]).toEqual({ ...row, deleted: row.deleted === 1, rank }))
}

async function expectAgreement(): Promise<void> {
  expectRosterAgreement()
  for (const period of [
    { from: '2025-01-01', to: '2025-12-31' },
    { from: '2026-01-01', to: '2026-12-31' },
    { from: '2026-01-01', to: '2026-03-15' },
  ]) {
    expect(levelsReached(ctx.db, period), JSON.stringify(period)).toEqual(recountLevels(ctx.db, period))
  }
  for (const query of QUERIES) {
    const expected = recount(ctx.db, query)
    const period = resolvePeriod(query, new Date('2026-07-01T00:00:00Z'))
    expect(hoursRows(ctx.db, period, resolveFilters(ctx.db, query.filters)), JSON.stringify(query)).toEqual(expected)
    const page = await invoke(ctx, 'reports.hours', { ...query, offset: 1, limit: 2 })
    expect(page.total).toBe(expected.length)
    expect(page.rows.map((row) => row.volunteerId)).toEqual(expected.slice(1, 3).map((row) => row.volunteerId))
    expect(page.totals).toEqual({
      volunteers: expected.length,
      activities: expected.reduce((sum, row) => sum + row.activities, 0),
      hours: roundHours(expected.reduce((sum, row) => sum + row.hours, 0)),
    })
  }
  // The activity list's participant search: the activities of some volunteers, from the index.
  const everyone = ctx.db.prepare('SELECT id FROM volunteers ORDER BY id').pluck().all() as number[]
  for (const some of [everyone.slice(0, 1), everyone.filter((_, at) => at % 2 === 0), everyone, [-1]]) {
    const expected = ctx.db
      .prepare(
        'SELECT DISTINCT activity_id FROM participations WHERE volunteer_id IN (SELECT value FROM json_each(?)) ORDER BY 1',
      )
      .pluck()
      .all(JSON.stringify(some)) as number[]
    expect(
      activitiesWithAnyOf(ctx.db, some).sort((a, b) => a - b),
      JSON.stringify(some),
    ).toEqual(expected)
  }
  // The screen's star levels and every sort, both ways, over the whole year.
  const year = recount(ctx.db, { year: 2026 })
  for (const starLevel of [undefined, 1, 2, 3, 4, 5]) {
    for (const sort of HOURS_SORTS) {
      for (const order of ['asc', 'desc'] as const) {
        const expected = recountScreen(ctx.db, year, starLevel, sort, order)
        const served = await invoke(ctx, 'reports.hours', { year: 2026, filters: { starLevel }, sort, order })
        const label = JSON.stringify({ starLevel, sort, order })
        expect(served.total, label).toBe(expected.length)
        expect(
          served.rows.map((row) => row.volunteerId),
          label,
        ).toEqual(expected.map((row) => row.volunteerId))
      }
    }
  }
}

const activityId = (name: string) =>
  ctx.db.prepare('SELECT id FROM activities WHERE name = ?').pluck().get(name) as number

const saveActivity = (
  fields: Record<string, unknown>,
  participants: { volunteerId: number; hours: number }[],
  id?: number,
) =>
  invoke(ctx, 'activities.save', {
    id,
    fields: { leader: '张敏', lateReason: '年底集中补登', ...fields },
    participants,
    changeReason: id ? '核对后更正' : undefined,
  })

describe('表4 from the participation index agrees with a recount', () => {
  it('on the seeded programme', async () => {
    expect(recount(ctx.db, { year: 2026 }).map((row) => [row.name, row.hours])).toEqual([
      ['何志强', 6.5],
      ['马建国', 3],
      ['王丽', 1.5],
    ])
    expect(
      recountLevels(ctx.db, { from: '2026-01-01', to: '2026-12-31' }).map((row) => [
        row.name,
        row.label,
        row.reachedOn,
      ]),
    ).toEqual([
      ['马建国', '三星', '2026-01-01'],
      ['何志强', '二星', '2026-01-01'],
      ['何志强', '一星', '2026-01-01'],
      ['何志强', '三星', '2026-03-15'],
      ['王丽', '二星', '2026-03-15'],
    ])
    await expectAgreement()
  })

  it('after an activity is added, moved to another day, given other departments, and deleted', async () => {
    await expectAgreement()
    const fields = {
      name: '宣讲进校园',
      heldOn: '2026-05-20',
      task: '教育宣讲',
      departments: '基础教育科',
      team: '教育宣讲团',
    }
    const { ma, wang } = seed.ids
    await saveActivity(fields, [
      { volunteerId: ma, hours: 1.25 },
      { volunteerId: wang, hours: 6 },
    ])
    await expectAgreement()
    const id = activityId('宣讲进校园')
    await saveActivity(
      { ...fields, heldOn: '2025-06-01', departments: '教师发展科' },
      [{ volunteerId: ma, hours: 1.25 }],
      id,
    )
    await expectAgreement()
    await saveActivity({ ...fields, task: '送教下乡' }, [{ volunteerId: ma, hours: 1.25 }], id)
    await expectAgreement()
    await invoke(ctx, 'activities.delete', { id, reason: '重复登记' })
    await expectAgreement()
  })

  it("after a participant's hours change and a participant is removed", async () => {
    await expectAgreement()
    const id = activityId('新年宣讲')
    const fields = {
      name: '新年宣讲',
      heldOn: '2026-01-01',
      task: '教育宣讲',
      departments: '基础教育科、教育党工委办公室',
      county: '临夏市',
      beneficiaries: 200,
    }
    await saveActivity(fields, [{ volunteerId: seed.ids.ma, hours: 7.5 }], id)
    await expectAgreement()
    expect(recount(ctx.db, { year: 2026 })[0]).toMatchObject({ name: '马建国', hours: 8.5 })
  })

  it('after roster edits: a unit or county changed, a volunteer to the recycle bin and back', async () => {
    await expectAgreement()
    const { he, wang } = seed.ids
    await invoke(ctx, 'roster.save', {
      id: he,
      fields: { ...VOLUNTEERS.he, unit: '临夏市第一中学', county: '临夏市' },
      mode: 'keep',
    })
    await expectAgreement()
    await invoke(ctx, 'roster.delete', { ids: [wang] })
    await expectAgreement()
    expect(recount(ctx.db, { year: 2026 }).map((row) => row.volunteerId)).not.toContain(wang)
    await invoke(ctx, 'roster.restore', { ids: [wang] })
    await expectAgreement()
  })

  it('after roster edits that move volunteers in the order: patched in place of the touched ones only', async () => {
    await expectAgreement()
    const { he, wang } = seed.ids
    const add = async (name: string, birth: string, serial: number) =>
      (
        await invoke(ctx, 'roster.save', {
          fields: { name, idNumber: makeId('622923', birth, serial, false), unit: '临夏州中学' },
          mode: 'keep',
        })
      ).id
    const before = participationIndex(ctx.db)
    // 阿 (a…) comes first: every other volunteer moves down one place.
    const ah = await add('阿依古丽', '19920202', 5)
    await expectAgreement()
    // 张 (zhang…) comes last: nobody else moves, so the kept entries are the very same objects.
    const moved = participationIndex(ctx.db)
    const zhang = await add('张三', '19930303', 6)
    const after = participationIndex(ctx.db)
    expect(after.parts[1]).not.toBe(moved.parts[1])
    for (const id of [seed.ids.ma, wang, he, ah]) expect(after.volunteers[id]).toBe(moved.volunteers[id])
    expect(moved.volunteers[wang]).not.toBe(before.volunteers[wang])
    await expectAgreement()
    // Renamed from 何 (he…) to 白 (bai…), then to the recycle bin and purged; a batch of new people.
    await invoke(ctx, 'roster.save', { id: he, fields: { ...VOLUNTEERS.he, name: '白志强' }, mode: 'keep' })
    await expectAgreement()
    for (let serial = 0; serial < 12; serial++)
      await add(['马', '王', '丁', '周'][serial % 4]! + '老师', '19800101', serial)
    await expectAgreement()
    await invoke(ctx, 'roster.delete', { ids: [zhang, ah] })
    await invoke(ctx, 'roster.purge', { ids: [zhang] })
    await expectAgreement()
    await invoke(ctx, 'roster.restore', { ids: [ah] })
    await expectAgreement()
  })

  it('orders texts as SQLite does (their UTF-8 bytes), beyond U+FFFF too', () => {
    const texts = [
      'ma',
      'maa',
      'm',
      'Ma',
      'ü',
      'lü',
      'lv',
      '\u{20000}',
      '\uffff',
      '\ue000',
      'a\u{1f600}',
      'a\ud7ff',
      'a',
      '',
    ]
    const sqlite = ctx.db
      .prepare('SELECT value FROM json_each(?) ORDER BY value')
      .pluck()
      .all(JSON.stringify(texts)) as string[]
    expect([...texts].sort(binaryOrder)).toEqual(sqlite)
  })

  it('warmed in the background at start: the same index, or nothing when a write came meanwhile', async () => {
    // A connection of its own each time, as at the app's start: nothing read yet.
    const opened: CoreContext[] = []
    const fresh = () => {
      ctx = createContext(join(seed.db.dir, 'ledger.db'), { now: () => REPORT_TODAY })
      opened.push(ctx)
    }
    try {
      fresh()
      expect(await warmParticipationIndex(ctx.db, 1)).toBe(true)
      const warmed = participationIndex(ctx.db)
      expect(participationIndex(ctx.db)).toEqual(warmed)
      expect(warmed.parts[0]).toBe(participationIndex(ctx.db).parts[0])
      await expectAgreement()

      fresh()
      // One activity per step: the write lands between two of them.
      const warming = warmParticipationIndex(ctx.db, 1)
      ctx.db.prepare('UPDATE participations SET hours = 9 WHERE volunteer_id = ?').run(seed.ids.wang)
      expect(await warming).toBe(false)
      await expectAgreement()
      expect(recount(ctx.db, { year: 2026 }).find((row) => row.volunteerId === seed.ids.wang)?.hours).toBe(9)
    } finally {
      for (const each of opened) each.db.close()
      ctx = seed.db.ctx
    }
  })

  it('after an import of 表3 and its undo, and a purge from the recycle bin', async () => {
    await expectAgreement()
    const path = join(seed.db.dir, '活动登记.xlsx')
    const book = new ExcelJS.Workbook()
    const activities = book.addWorksheet('活动登记')
    activities.addRow(['临夏州教育系统新时代文明实践志愿服务活动开展情况登记表'])
    activities.addRow(['填报单位（盖章）：临夏州中学'])
    activities.addRow(['序号', '活动名称', '活动类别', '开展日期', '开展地点', '组织单位', '责任科室', '清单序号'])
    activities.addRow([1, '导入的送教', '送教下乡', '2026-10-15', '和政县', '教师发展科', '教师发展科', null])
    const participants = book.addWorksheet('参与名单')
    participants.addRow(['临夏州教育系统新时代文明实践志愿服务活动开展情况登记表'])
    participants.addRow(['填报单位（盖章）：临夏州中学'])
    participants.addRow(['序号', '活动名称', '开展日期', '姓名', '身份证号码', '服务时长（小时）', '备注'])
    const ma = ctx.db.prepare('SELECT id_number FROM volunteers WHERE id = ?').pluck().get(seed.ids.ma) as string
    participants.addRow([1, '导入的送教', '2026-10-15', '马建国', ma, 9, null])
    await book.xlsx.writeFile(path)
    const result = await invoke(ctx, 'import.run', { form: 'activities', files: [path] })
    expect(recount(ctx.db, { year: 2026 })[0]).toMatchObject({ name: '马建国', hours: 12 })
    await expectAgreement()
    await invoke(ctx, 'import.undo', { batch: result.batch as number })
    await expectAgreement()

    const stranger = await invoke(ctx, 'roster.save', {
      fields: { name: '赵丽', idNumber: makeId('622923', '19880808', 4, false) },
      mode: 'keep',
    })
    await invoke(ctx, 'roster.delete', { ids: [stranger.id] })
    await expectAgreement()
    await invoke(ctx, 'roster.purge', { ids: [stranger.id] })
    await expectAgreement()
  })

  it('after a write by another connection (the CLI), seen through data_version', async () => {
    await expectAgreement()
    const other = new Database(join(seed.db.dir, 'ledger.db'))
    try {
      other.prepare('UPDATE participations SET hours = 11 WHERE volunteer_id = ?').run(seed.ids.wang)
      other.prepare("UPDATE activities SET held_on = '2025-03-15' WHERE name = '名师送教东乡'").run()
    } finally {
      other.close()
    }
    await expectAgreement()
    expect(recount(ctx.db, { year: 2025 }).map((row) => [row.name, row.hours])).toEqual([
      ['王丽', 22],
      ['马建国', 3],
      ['何志强', 2.5],
    ])
  })

  it('inside a transaction that is rolled back: seen while it lasts, forgotten after', async () => {
    await expectAgreement()
    const before = recount(ctx.db, { year: 2026 })
    const period = resolvePeriod({ year: 2026 }, new Date('2026-07-01T00:00:00Z'))
    expect(() =>
      ctx.db.transaction(() => {
        ctx.db.prepare('UPDATE participations SET hours = 20 WHERE volunteer_id = ?').run(seed.ids.wang)
        expect(hoursRows(ctx.db, period, {})).toEqual(recount(ctx.db, { year: 2026 }))
        expect(hoursRows(ctx.db, period, {})[0]).toMatchObject({ name: '王丽', hours: 20 })
        throw new Error('rolled back')
      })(),
    ).toThrow('rolled back')
    expect(hoursRows(ctx.db, period, {})).toEqual(before)
    await expectAgreement()
  })
})
