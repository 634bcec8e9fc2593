// 表3 export: 活动登记 and 参与名单 of a year, both in the bureau's layout, read back with exceljs.
import type ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { ACTIVITIES_FORM } from '../../../src-main/core/forms'
import { dataRowsOf, headersOf, localStamp, mergesOf, partXml, readWorkbook, sheetOf } from './helpers'
import { PEOPLE, seedYear, TODAY, UNIT, type SeededYear } from './seedYear'

const HELD_COLUMNS = [
  '序号',
  '活动名称',
  '活动类别',
  '开展日期',
  '开展地点',
  '组织单位',
  '责任科室',
  '清单序号',
  '参与志愿者人数',
  '服务时长（小时）',
  '服务对象',
  '受益人数',
  '活动简介',
  '是否亮点',
  '备注',
  '结束日期',
  '活动负责人',
  '是否集中服务',
  '补录原因',
  '亮点做法',
]
const PARTICIPANT_COLUMNS = ['序号', '活动名称', '开展日期', '姓名', '身份证号码', '服务时长（小时）', '备注']
const held = (name: string) => HELD_COLUMNS.indexOf(name)

let seeded: SeededYear
let result: Awaited<ReturnType<typeof exportActivities>>
let data: Uint8Array
let workbook: ExcelJS.Workbook
let heldSheet: ExcelJS.Worksheet
let participantSheet: ExcelJS.Worksheet

const exportActivities = (input: Record<string, unknown>) =>
  invoke(seeded.db.ctx, 'export.form', { form: 'activities', ...input })

beforeAll(async () => {
  seeded = await seedYear('ledger-activities-export-')
  result = await exportActivities({ year: 2026, fullNumbers: true })
  if (!('data' in result)) throw new Error('expected bytes')
  data = result.data
  workbook = await readWorkbook(data)
  heldSheet = sheetOf(workbook, '活动登记')
  participantSheet = sheetOf(workbook, '参与名单')
})

afterAll(() => seeded.db.close())

describe('表3 export: 活动登记', () => {
  it('writes the two sheets, 活动登记 first, and names the file after the form and the year', () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['活动登记', '参与名单'])
    expect(result).toMatchObject({
      fileName: `志愿服务活动开展情况登记表（2026年度）-${localStamp(TODAY)}.xlsx`,
      rows: 3,
    })
  })

  it('has the title, unit line and the bureau’s 15 columns in order, the four of FORMS.md appended, then 亮点做法', () => {
    expect(heldSheet.getCell('A1').value).toBe('临夏州教育系统新时代文明实践志愿服务活动开展情况登记表')
    expect(mergesOf(heldSheet)).toContain('A1:T1')
    expect(heldSheet.getCell('A2').value).toBe(`填报单位（盖章）：${UNIT}`)
    expect(headersOf(heldSheet)).toEqual(HELD_COLUMNS)
    expect(ACTIVITIES_FORM.sheets[0]?.columns.map((c) => c.name)).toEqual(HELD_COLUMNS)
  })

  it('lists the year’s activities by date, leaving out the year before', () => {
    const rows = dataRowsOf(heldSheet)
    expect(rows.map((row) => [row[held('序号')], row[held('开展日期')], row[held('活动名称')]])).toEqual([
      [1, '2026-02-10', '名校长送教'],
      [2, '2026-03-05', '红色文化研学进校园'],
      [3, '2026-03-20', '红色场馆参观'],
    ])
  })

  it('writes a full activity row: real participant count, 清单序号 of the linked item, default hours, 是否亮点 and its write-up', () => {
    expect(dataRowsOf(heldSheet)[1]).toEqual([
      2,
      '红色文化研学进校园',
      '教育宣讲',
      '2026-03-05',
      '临夏州中学',
      '临夏州教育局',
      '基础教育科、教育党工委办公室',
      1,
      3,
      3,
      '初中学生',
      320,
      '宣讲团进校宣讲',
      '是',
      null,
      null,
      '张敏',
      '是',
      '年底集中补登',
      '以“行走的思政课”带学生走进红色场馆',
    ])
  })

  it('leaves 清单序号 and 服务时长 blank where there is none, and writes 否 for a plain activity', () => {
    const first = dataRowsOf(heldSheet)[0] ?? []
    expect(first[held('清单序号')]).toBeNull()
    expect(first[held('服务时长（小时）')]).toBeNull() // stored as 0; 0 hours would not re-import
    expect(first[held('参与志愿者人数')]).toBe(1)
    expect(first[held('受益人数')]).toBe(0)
    expect(first[held('是否亮点')]).toBe('否')
  })

  it('keeps numbers numeric and right-aligned, dates and a formula-like note as text', () => {
    const count = heldSheet.getCell(5, held('参与志愿者人数') + 1)
    expect(typeof count.value).toBe('number')
    expect(count.alignment).toMatchObject({ horizontal: 'right' })
    expect(heldSheet.getCell(5, held('开展日期') + 1).type).toBe(3)
    expect(heldSheet.getCell(6, held('备注') + 1).value).toBe('=SUM(A1)')
    expect(partXml(data, 'xl/worksheets/sheet1.xml')).not.toMatch(/<f[ >]/)
  })

  it('prints landscape with the signature footer after one blank row', () => {
    expect(heldSheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:3' })
    expect(heldSheet.getRow(7).values).toEqual([])
    expect(heldSheet.getCell('A8').value).toBe('单位负责人：')
  })
})

describe('表3 export: 参与名单', () => {
  it('has the same heading and the bureau’s 7 columns', () => {
    expect(participantSheet.getCell('A1').value).toBe(ACTIVITIES_FORM.sheets[1]?.title)
    expect(participantSheet.getCell('A2').value).toBe(`填报单位（盖章）：${UNIT}`)
    expect(headersOf(participantSheet)).toEqual(PARTICIPANT_COLUMNS)
    expect(participantSheet.pageSetup).toMatchObject({ orientation: 'portrait', fitToWidth: 1 })
  })

  it('lists every participant of the year’s activities, in the order of 活动登记, with own or default hours', () => {
    expect(dataRowsOf(participantSheet)).toEqual([
      [1, '名校长送教', '2026-02-10', PEOPLE.he.name, PEOPLE.he.idNumber, 4, null],
      [2, '红色文化研学进校园', '2026-03-05', PEOPLE.he.name, PEOPLE.he.idNumber, 3, null],
      [3, '红色文化研学进校园', '2026-03-05', PEOPLE.ma.name, PEOPLE.ma.idNumber, 3, null],
      [4, '红色文化研学进校园', '2026-03-05', PEOPLE.wang.name, PEOPLE.wang.idNumber, 2.5, null],
      [5, '红色场馆参观', '2026-03-20', PEOPLE.ma.name, PEOPLE.ma.idNumber, 2, null],
      [6, '红色场馆参观', '2026-03-20', PEOPLE.wang.name, PEOPLE.wang.idNumber, 2, null],
    ])
  })

  it('agrees with 活动登记: each activity’s 参与志愿者人数 is the number of its rows here', () => {
    const counts = new Map<unknown, number>()
    for (const row of dataRowsOf(participantSheet)) counts.set(row[1], (counts.get(row[1]) ?? 0) + 1)
    for (const row of dataRowsOf(heldSheet)) expect(row[held('参与志愿者人数')]).toBe(counts.get(row[held('活动名称')]))
  })

  it('writes full ID numbers as text cells with the text format, keeping a final X', () => {
    expect(PEOPLE.ma.idNumber.endsWith('X')).toBe(true)
    for (let row = 4; row <= 9; row++) {
      const cell = participantSheet.getCell(row, 5)
      expect(typeof cell.value).toBe('string')
      expect(cell.numFmt).toBe('@')
    }
  })

  it('masks ID numbers by default, and then no full number is in the file', async () => {
    const masked = await exportActivities({ year: 2026 })
    if (!('data' in masked)) throw new Error('expected bytes')
    const ws = sheetOf(await readWorkbook(masked.data), '参与名单')
    expect(ws.getCell(6, 5).value).toBe(`622901********${PEOPLE.ma.idNumber.slice(-4)}`)
    expect(partXml(masked.data, 'xl/sharedStrings.xml')).not.toContain(PEOPLE.ma.idNumber)
  })

  it('exports an empty year as two sheets of headers and footer', async () => {
    const empty = await exportActivities({ year: 2024 })
    if (!('data' in empty)) throw new Error('expected bytes')
    const book = await readWorkbook(empty.data)
    expect(empty.rows).toBe(0)
    expect(sheetOf(book, '活动登记').getCell('A5').value).toBe('单位负责人：')
    expect(sheetOf(book, '参与名单').getCell('A5').value).toBe('单位负责人：')
  })

  it('asks for the year in Chinese when it is missing', async () => {
    await expect(exportActivities({})).rejects.toThrow(/year：导出活动开展情况登记表须指定年度/)
  })
})
