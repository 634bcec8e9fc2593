// 报送情况 from a hand-made import history: a school that sent both returns (one re-sent), one whose
// returns had problems, one that sent only 表1, one whose file could not be read, one that sent
// nothing; a return of the year before and an undone batch do not count.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { createContext, type CoreContext } from '../../../src-main/core/index'
import { makeId } from '../../support/people'

let dir: string
let ctx: CoreContext
let now = new Date('2026-03-05T10:00:00+08:00')

const ROSTER_HEADER = ['序号', '姓名', '身份证号码', '工作单位', '所在县市']
const ACTIVITY_HEADER = ['序号', '活动名称', '活动类别', '开展日期', '组织单位', '服务时长（小时）']
const PARTICIPANT_HEADER = ['序号', '活动名称', '开展日期', '姓名', '身份证号码', '服务时长（小时）']

const MA = makeId('622901', '19850312', 1, true)
const WANG = makeId('622926', '19900701', 2, false)
const LI = makeId('622925', '19770203', 3, true)

async function workbook(name: string, sheets: Record<string, (string | number | null)[][]>): Promise<string> {
  const book = new ExcelJS.Workbook()
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(sheetName)
    for (const row of rows) sheet.addRow(row)
  }
  const path = join(dir, name)
  await book.xlsx.writeFile(path)
  return path
}

async function importOn(at: string, form: 'roster' | 'activities', files: string[]): Promise<number> {
  now = new Date(at)
  const result = await invoke(ctx, 'import.run', { form, files })
  if (result.batch === null) throw new Error('nothing imported')
  return result.batch
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-returns-'))
  ctx = createContext(join(dir, 'ledger.db'), { now: () => now })
  for (const [name, countyCode, kind] of [
    ['临夏州中学', '622901', '高中'],
    ['东乡县第一中学', '622926', '初中'],
    ['和政县城关小学', '622925', '小学'],
    ['永靖县刘家峡小学', '622923', '小学'],
    ['康乐县附城小学', '622922', '小学'],
  ] as const) {
    await invoke(ctx, 'reference.unit.save', {
      name,
      countyCode,
      kind,
      note: name === '康乐县附城小学' ? '联系人 张老师 0930-5512345' : null,
    })
  }
  // The year before: 康乐县附城小学 sent in 2025, which does not count for 2026.
  await importOn('2025-12-20T10:00:00+08:00', 'roster', [
    await workbook('康乐县附城小学.xlsx', {
      花名册: [ROSTER_HEADER, [1, '李明', LI, '康乐县附城小学', '康乐县']],
    }),
  ])
  await importOn('2026-03-05T10:00:00+08:00', 'roster', [
    await workbook('学校1.xlsx', { 花名册: [ROSTER_HEADER, [1, '马建国', MA, '临夏州中学', '临夏市']] }),
    // One good row and one with a broken ID: sent, with one row refused.
    await workbook('学校2.xlsx', {
      花名册: [
        ROSTER_HEADER,
        [1, '王芳', WANG, '东乡县第一中学', '东乡县'],
        [2, '马丽', '62292619900701123', '东乡县第一中学', '东乡县'],
      ],
    }),
    await workbook('和政县城关小学花名册.xlsx', {
      花名册: [ROSTER_HEADER, [1, '李明', LI, '和政县城关小学', '和政县']],
    }),
  ])
  // Re-sent later: the latest counts, and the inbox says it came twice.
  await importOn('2026-04-10T10:00:00+08:00', 'roster', [
    await workbook('临夏州中学-更正.xlsx', { 花名册: [ROSTER_HEADER, [1, '马建国', MA, '临夏州中学', '临夏市']] }),
  ])
  // A damaged file: only its name says who sent it.
  writeFileSync(join(dir, '永靖县刘家峡小学花名册.xlsx'), 'not a workbook')
  await invoke(ctx, 'import.run', { form: 'roster', files: [join(dir, '永靖县刘家峡小学花名册.xlsx')] })
  await importOn('2026-05-20T10:00:00+08:00', 'activities', [
    await workbook('活动1.xlsx', {
      活动登记: [ACTIVITY_HEADER, [1, '名师送教', '送教下乡', '2026-05-15', '临夏州中学', 3]],
      参与名单: [PARTICIPANT_HEADER, [1, '名师送教', '2026-05-15', '马建国', MA, 3]],
    }),
    await workbook('活动2.xlsx', {
      活动登记: [ACTIVITY_HEADER, [1, '法治进校园', '送法下乡', '2026-05-16', '东乡县第一中学', 2]],
      参与名单: [
        PARTICIPANT_HEADER,
        [1, '法治进校园', '2026-05-16', '王芳', WANG, 2],
        [2, '法治进校园', '2026-05-16', '李明', LI, 30],
      ],
    }),
  ])
  // Undone: 和政县城关小学's 表3 does not count.
  const undone = await importOn('2026-06-01T10:00:00+08:00', 'activities', [
    await workbook('活动3.xlsx', {
      活动登记: [ACTIVITY_HEADER, [1, '送艺下乡', '送艺下乡', '2026-05-28', '和政县城关小学', 2]],
      参与名单: [PARTICIPANT_HEADER, [1, '送艺下乡', '2026-05-28', '李明', LI, 2]],
    }),
  ])
  await invoke(ctx, 'import.undo', { batch: undone })
  now = new Date('2026-11-29T10:00:00+08:00')
})

afterEach(() => {
  ctx.db.close()
  rmSync(dir, { recursive: true, force: true })
})

type Inbox = Awaited<ReturnType<typeof inbox>>
const inbox = (input: Record<string, unknown> = {}) => invoke(ctx, 'returns.inbox', { year: 2026, ...input })
const rowOf = (result: Inbox, unit: string) => {
  const row = result.rows.find((entry) => entry.unit === unit)
  if (!row) throw new Error(`no row for ${unit}`)
  return row
}

describe('returns inbox (报送情况)', () => {
  it('tells sent, sent with problems, sent only 表1, unreadable and not sent apart', async () => {
    const result = await inbox()
    const summary = result.rows.map((row) => [row.unit, row.status, row.missing.join('、')])
    expect(summary).toEqual([
      ['临夏州中学', '已报送', ''],
      ['康乐县附城小学', '未报送', '表1 花名册、表3 活动登记'],
      ['永靖县刘家峡小学', '部分报送', '表3 活动登记'],
      ['和政县城关小学', '部分报送', '表3 活动登记'],
      ['东乡县第一中学', '已报送', ''],
    ])
    expect(result.totals).toEqual({ units: 5, complete: 2, partial: 2, none: 1, withProblems: 2 })

    const school = rowOf(result, '临夏州中学')
    expect(school.roster).toMatchObject({ files: ['临夏州中学-更正.xlsx'], times: 2, rows: 1, rejected: 0 })
    expect(school.roster?.at).toBe(new Date('2026-04-10T10:00:00+08:00').toISOString())
    expect(school.activities).toMatchObject({ files: ['活动1.xlsx'], rows: 2, rejected: 0, times: 1 })

    const dongxiang = rowOf(result, '东乡县第一中学')
    expect(dongxiang.roster).toMatchObject({ files: ['学校2.xlsx'], rows: 2, rejected: 1 })
    // 李明's 30 h on a one-day activity is refused: one row of the return's problems.
    expect(dongxiang.activities).toMatchObject({ files: ['活动2.xlsx'], rejected: 1 })

    expect(rowOf(result, '永靖县刘家峡小学').roster).toMatchObject({ failedFiles: 1, rows: 0 })
    expect(rowOf(result, '和政县城关小学').activities).toBeNull()
  })

  it('filters by county and unit type, and refuses a type the directory does not have', async () => {
    expect((await inbox({ countyCode: '东乡' })).rows.map((row) => row.unit)).toEqual(['东乡县第一中学'])
    const primary = await inbox({ kind: '小学' })
    expect(primary.rows.map((row) => row.unit)).toEqual(['康乐县附城小学', '永靖县刘家峡小学', '和政县城关小学'])
    expect(primary.kinds).toEqual(['初中', '小学', '高中'])
    await expect(inbox({ kind: '大学' })).rejects.toThrow('单位名录中没有类型为“大学”的单位，可选：初中、小学、高中')
  })

  it('takes a month range: before April only the first 表1 of 临夏州中学 counts', async () => {
    const march = await inbox({ year: undefined, from: '2026-03', to: '2026-03' })
    expect(march.period).toMatchObject({ from: '2026-03-01', to: '2026-03-31' })
    expect(rowOf(march, '临夏州中学').roster).toMatchObject({ files: ['学校1.xlsx'], times: 1 })
    expect(rowOf(march, '临夏州中学').activities).toBeNull()
    const lastYear = await inbox({ year: 2025 })
    expect(rowOf(lastYear, '康乐县附城小学').status).toBe('部分报送')
  })

  it('exports and prints the 未报送提醒名单 with what is missing and the contact from the directory', async () => {
    const exported = await invoke(ctx, 'returns.reminder.export', { year: 2026, kind: '小学' })
    if (!('data' in exported)) throw new Error('expected bytes')
    expect(exported.fileName).toBe('未报送提醒名单（2026年度）-20261129.xlsx')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(exported.data) as unknown as ArrayBuffer)
    const sheet = book.getWorksheet('未报送提醒名单')!
    expect(sheet.getCell('A1').value).toBe('临夏州教育系统志愿服务报表未报送提醒名单（2026年度）')
    const rows = [4, 5, 6].map((row) => [2, 3, 5, 7].map((column) => sheet.getRow(row).getCell(column).text))
    expect(rows).toEqual([
      ['康乐县', '康乐县附城小学', '表1 花名册、表3 活动登记', '联系人 张老师 0930-5512345'],
      ['永靖县', '永靖县刘家峡小学', '表3 活动登记', ''],
      ['和政县', '和政县城关小学', '表3 活动登记', ''],
    ])
    const printed = await invoke(ctx, 'print.document', { report: 'returns-reminder', year: 2026, unitKind: '小学' })
    if (!('html' in printed)) throw new Error('expected html')
    expect(printed.html).toContain('康乐县附城小学')
    expect(printed.html).not.toContain('临夏州中学')
  })
})
