// 表2 export: a year's checklist in the bureau's layout, with 完成情况 derived from the activities.
import type ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { PLAN_FORM } from '../../../src-main/core/forms'
import { dataRowsOf, headersOf, localStamp, mergesOf, readWorkbook, sheetOf } from './helpers'
import { seedYear, TODAY, UNIT, type SeededYear } from './seedYear'

const BUREAU_COLUMNS = [
  '序号',
  '活动类别',
  '活动名称',
  '活动内容',
  '服务对象',
  '计划时间',
  '活动地点',
  '责任科室',
  '联系人',
  '联系电话',
  '完成情况',
  '备注',
]
const column = (name: string) => BUREAU_COLUMNS.indexOf(name)

let seeded: SeededYear
let result: Awaited<ReturnType<typeof exportPlan>>
let sheet: ExcelJS.Worksheet
let rows: unknown[][]

const exportPlan = (input: Record<string, unknown>) => invoke(seeded.db.ctx, 'export.form', { form: 'plan', ...input })

beforeAll(async () => {
  seeded = await seedYear('ledger-plan-export-')
  result = await exportPlan({ year: 2026 })
  if (!('data' in result)) throw new Error('expected bytes')
  const workbook = await readWorkbook(result.data)
  expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['活动清单'])
  sheet = sheetOf(workbook, '活动清单')
  rows = dataRowsOf(sheet)
})

afterAll(() => seeded.db.close())

describe('表2 export', () => {
  it('names the file after the form, the year and the day, and counts the year’s items only', () => {
    expect(result).toMatchObject({ fileName: `志愿服务活动清单（2026年度）-${localStamp(TODAY)}.xlsx`, rows: 4 })
  })

  it('puts the year in the title, merged across the 12 columns, with the unit and date line below', () => {
    expect(sheet.getCell('A1').value).toBe('临夏州教育系统新时代文明实践志愿服务活动清单（2026年度）')
    expect(mergesOf(sheet)).toEqual(expect.arrayContaining(['A1:L1', 'A2:F2', 'G2:L2']))
    expect(sheet.getCell('A2').value).toBe(`填报单位（盖章）：${UNIT}`)
    expect(sheet.getCell('G2').value).toBe('填报日期：2026年6月15日')
  })

  it('writes the bureau’s 12 columns in order, 完成情况 included', () => {
    expect(headersOf(sheet)).toEqual(BUREAU_COLUMNS)
    expect(PLAN_FORM.sheets[0]?.columns.map((c) => c.name)).toEqual(BUREAU_COLUMNS)
  })

  it('lists the items in 序号 order whatever the order they were entered in', () => {
    expect(rows.map((row) => row[column('序号')])).toEqual([1, 2, 3, 4])
    expect(rows.map((row) => row[column('活动名称')])).toEqual([
      '红色文化研学',
      '名师送教下乡',
      '学雷锋纪念日公益劳动',
      '资助政策宣传',
    ])
  })

  it('derives 完成情况: held with the first activity’s date, pending, overdue, and never overdue without a time', () => {
    expect(rows.map((row) => row[column('完成情况')])).toEqual(['已开展 2026-03-05', '未开展', '逾期未开展', '未开展'])
  })

  it('writes every field of an item: task name, departments joined with 、, the planned time as written', () => {
    expect(rows[0]).toEqual([
      1,
      '教育宣讲',
      '红色文化研学',
      '组织学生参观八路军驻临夏办事处旧址',
      '中小学生',
      '2026年3月',
      '临夏市',
      '基础教育科、教育党工委办公室',
      '马老师',
      '13809301234',
      '已开展 2026-03-05',
      '寒假后开展',
    ])
    expect(rows[2]?.[column('计划时间')]).toBe('2026年4月—5月')
    expect(rows[3]?.[column('计划时间')]).toBe('常态化')
    expect(rows[1]?.[column('备注')]).toBeNull()
  })

  it('writes the phone as a text cell', () => {
    const cell = sheet.getCell(4, column('联系电话') + 1)
    expect(cell.type).toBe(3) // string
    expect(cell.numFmt).toBe('@')
  })

  it('prints on A4 landscape with rows 1–3 repeated and the signature footer after one blank row', () => {
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      printTitlesRow: '1:3',
    })
    expect(sheet.getRow(8).values).toEqual([])
    expect(sheet.getCell('A9').value).toBe('单位负责人：')
    expect(sheet.autoFilter).toBe('A3:L7')
  })

  it('exports another year on its own, and an empty year as headers and footer', async () => {
    const earlier = await exportPlan({ year: '2025' })
    expect(earlier.rows).toBe(1)
    const empty = await exportPlan({ year: 2030 })
    if (!('data' in empty)) throw new Error('expected bytes')
    const ws = sheetOf(await readWorkbook(empty.data), '活动清单')
    expect(ws.getCell('A1').value).toBe('临夏州教育系统新时代文明实践志愿服务活动清单（2030年度）')
    expect(ws.getCell('A5').value).toBe('单位负责人：')
  })

  it('asks for the year in Chinese when it is missing', async () => {
    await expect(exportPlan({})).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/year：导出活动清单须指定年度/),
    })
    await expect(exportPlan({ year: 1999 })).rejects.toThrow(/年度应在 2000—2100 之间/)
  })
})
