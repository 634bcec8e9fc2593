// The roster list and its 表1 export read the filters in one place: for the same filters they hold
// the same people (the export unpaged and in the bureau's order, the list paged in pinyin order).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { selectRosterForExport, type RosterExportFilters } from '../../../src-main/core/export/roster'
import { searchRoster } from '../../../src-main/core/roster/repository'
import { addVolunteer, openTestDb, type TestDb } from '../export/helpers'
import { makeId } from '../../support/people'

let db: TestDb

beforeAll(async () => {
  db = openTestDb('ledger-roster-filters-')
  const people: Record<string, string>[] = [
    {
      name: '马建国',
      unit: '临夏州中学',
      county: '临夏市',
      category: '名校长',
      team: '临夏州新时代助学支教志愿服务队',
    },
    { name: '马丽', unit: '临夏州中学', county: '临夏市', category: '教师', political: '党员' },
    { name: '王丽', unit: '东乡县锁南中学', county: '东乡县', category: '教师' },
    { name: '张明', unit: '临夏县土桥中学', county: '临夏县', category: '教师', political: '党员' },
    { name: '李伟', unit: '临夏州中学', county: '临夏市', category: '名班主任' },
    { name: '马军刚', unit: '东乡县锁南中学', county: '东乡县', category: '名校长' },
  ]
  for (const [index, person] of people.entries())
    await addVolunteer(db.ctx, { ...person, idNumber: makeId('622901', '19850312', index + 1, index % 2 === 0) })
  const gone = await addVolunteer(db.ctx, {
    name: '马建民',
    unit: '临夏州中学',
    county: '临夏市',
    category: '名校长',
    idNumber: makeId('622922', '19800101', 9, true),
  })
  await invoke(db.ctx, 'roster.delete', { ids: [gone.id] })
})

afterAll(() => db.close())

const listed = (filters: RosterExportFilters) =>
  searchRoster(db.ctx.db, { ...filters, offset: 0, limit: 500 })
    .rows.map((row) => row.name)
    .sort()
const exported = (filters: RosterExportFilters) =>
  selectRosterForExport(db.ctx.db, filters)
    .map((row) => row.name)
    .sort()

describe('roster export and list share their filters', () => {
  const cases: [string, RosterExportFilters, string[]][] = [
    ['no filter (the recycle bin left out)', {}, ['李伟', '马建国', '马军刚', '马丽', '王丽', '张明']],
    ['county', { countyCode: '622901' }, ['李伟', '马建国', '马丽']],
    ['unit', { unit: '东乡县锁南中学' }, ['马军刚', '王丽']],
    ['category', { category: '名校长' }, ['马建国', '马军刚']],
    ['political', { political: '中共党员' }, ['马丽', '张明']],
    ['team', { team: '临夏州新时代助学支教志愿服务队' }, ['马建国']],
    ['name text', { q: '马' }, ['马建国', '马军刚', '马丽']],
    ['pinyin initials', { q: 'mjg' }, ['马建国', '马军刚']],
    ['full pinyin with a space', { q: 'ma jian' }, ['马建国']],
    ['full-width letters, as an input method types them', { q: 'ＭＪＧ' }, ['马建国', '马军刚']],
    ['unit text', { q: '锁南' }, ['马军刚', '王丽']],
    ['text and county together', { q: 'mjg', countyCode: '622926' }, ['马军刚']],
    ['a filter nobody matches', { q: '不存在的人' }, []],
  ]
  for (const [what, filters, names] of cases)
    it(`finds the same people by ${what}`, () => {
      expect(listed(filters)).toEqual([...names].sort())
      expect(exported(filters)).toEqual(listed(filters))
    })
})
