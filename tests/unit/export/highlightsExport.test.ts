// The 工作亮点 list: the year's highlight activities in the official layout.
import type ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, invoke } from '../../../src-main/core/api'
import { HIGHLIGHTS_SHEET } from '../../../src-main/core/export/highlights'
import { dataRowsOf, headersOf, localStamp, mergesOf, readWorkbook, sheetOf } from './helpers'
import { seedYear, TODAY, UNIT, type SeededYear } from './seedYear'

const COLUMNS = [
  '序号',
  '开展日期',
  '活动名称',
  '活动类别',
  '组织单位',
  '责任科室',
  '参与志愿者人数',
  '受益人数',
  '亮点做法',
]

let seeded: SeededYear
let result: Awaited<ReturnType<typeof exportHighlights>>
let sheet: ExcelJS.Worksheet

const exportHighlights = (input: Record<string, unknown>) => invoke(seeded.db.ctx, 'export.highlights', input)

beforeAll(async () => {
  seeded = await seedYear('ledger-highlights-export-')
  result = await exportHighlights({ year: 2026 })
  if (!('data' in result)) throw new Error('expected bytes')
  const workbook = await readWorkbook(result.data)
  expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['工作亮点'])
  sheet = sheetOf(workbook, '工作亮点')
})

afterAll(() => seeded.db.close())

describe('工作亮点 export', () => {
  it('names the file after the list and the year', () => {
    expect(result).toMatchObject({ fileName: `志愿服务工作亮点（2026年度）-${localStamp(TODAY)}.xlsx`, rows: 2 })
  })

  it('titles the sheet with the year, merged over its 9 columns, above the unit line and the headers', () => {
    expect(sheet.getCell('A1').value).toBe('临夏州教育系统新时代文明实践志愿服务工作亮点（2026年度）')
    expect(mergesOf(sheet)).toContain('A1:I1')
    expect(sheet.getCell('A2').value).toBe(`填报单位（盖章）：${UNIT}`)
    expect(headersOf(sheet)).toEqual(COLUMNS)
    expect(HIGHLIGHTS_SHEET.columns.map((column) => column.name)).toEqual(COLUMNS)
  })

  it('lists only the year’s highlights by date, with the write-up or else the summary as 亮点做法', () => {
    expect(dataRowsOf(sheet)).toEqual([
      [
        1,
        '2026-03-05',
        '红色文化研学进校园',
        '教育宣讲',
        '临夏州教育局',
        '基础教育科、教育党工委办公室',
        3,
        320,
        '以“行走的思政课”带学生走进红色场馆',
      ],
      [2, '2026-03-20', '红色场馆参观', '教育宣讲', null, null, 2, 150, '组织学生参观红色场馆并撰写心得'],
    ])
  })

  it('prints in the shared layout: landscape (9 columns), rows 1–3 repeated, signature footer', () => {
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      printTitlesRow: '1:3',
    })
    expect(sheet.getCell(3, 1).font).toMatchObject({ name: '黑体', bold: true })
    expect(sheet.getCell('A7').value).toBe('单位负责人：')
    expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页')
  })

  it('asks for the year in Chinese, and is offered on the command line', async () => {
    await expect(exportHighlights({})).rejects.toThrow(/year：导出工作亮点须指定年度/)
    expect(api['export.highlights'].cli).toMatchObject({
      command: 'export highlights',
      flags: { year: 'year', out: 'out' },
    })
  })
})
