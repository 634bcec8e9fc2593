// The form writer on its own, with a small declaration of the kind 表4 and 表5 will use:
// portrait below nine columns, numbers right-aligned, a footer spread by printed width.
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { FormSheet } from '../../../src-main/core/forms/types'
import { footerSpans, writeFormSheet } from '../../../src-main/core/xlsx/writeForm'
import { mergesOf, readWorkbook } from './helpers'

const HOURS: FormSheet = {
  name: '时长统计',
  title: '临夏州教育系统新时代文明实践志愿服务时长统计表',
  columns: [
    { name: '序号', kind: 'sequence', width: 6, help: '' },
    { name: '姓名', field: 'name', kind: 'text', width: 10, help: '' },
    { name: '工作单位', field: 'unit', kind: 'text', width: 22, help: '' },
    { name: '身份证号码', field: 'idNumber', kind: 'id', width: 21, help: '' },
    { name: '参加活动次数', field: 'count', kind: 'integer', width: 10, help: '' },
    { name: '累计服务时长（小时）', field: 'hours', kind: 'decimal', width: 12, help: '' },
    { name: '备注', field: 'note', kind: 'text', width: 14, help: '' },
  ],
}

async function written(rows: (string | number | null)[][]) {
  const workbook = new ExcelJS.Workbook()
  writeFormSheet(workbook, HOURS, { unitName: '临夏市教育局', date: new Date(2026, 0, 5), rows })
  const data = new Uint8Array(await workbook.xlsx.writeBuffer())
  const sheet = (await readWorkbook(data)).getWorksheet('时长统计')
  if (!sheet) throw new Error('sheet missing')
  return sheet
}

describe('writeFormSheet', () => {
  it('prints a form of 8 columns or fewer in portrait, still one page wide', async () => {
    const sheet = await written([])
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1, fitToHeight: 0 })
  })

  it('writes the date without leading zeros and merges the title across the declared width', async () => {
    const sheet = await written([])
    expect(sheet.getCell('E2').value).toBe('填报日期：2026年1月5日')
    expect(mergesOf(sheet)).toEqual(expect.arrayContaining(['A1:G1', 'A2:C2', 'D2:G2']))
  })

  it('right-aligns numbers, keeps them numeric, and numbers 序号 itself', async () => {
    const sheet = await written([[null, '马丽', '临夏市枹罕小学', '622901198503120000', 12, 36.5, null]])
    expect(sheet.getCell('A4').value).toBe(1)
    expect(sheet.getCell('E4').value).toBe(12)
    expect(sheet.getCell('E4').alignment).toMatchObject({ horizontal: 'right' })
    expect(sheet.getCell('F4').value).toBe(36.5)
    expect(sheet.getCell('F4').numFmt).toBe('0.0#')
    expect(sheet.getCell('B4').alignment).toMatchObject({ horizontal: 'left' })
  })

  it('keeps a numeric-looking ID typed as text a string, and drops characters XML cannot carry', async () => {
    const sheet = await written([[null, '马丽', null, '622901198503120000', null, null, 'a\u0001b\u000bc']])
    expect(sheet.getCell('D4').value).toBe('622901198503120000')
    expect(sheet.getCell('G4').value).toBe('abc')
  })

  it('spreads the four signature labels over runs of about equal printed width, not equal column counts', async () => {
    const sheet = await written([[null, '马丽', null, null, 1, 2, null]])
    // 单位负责人： alone in the 6-wide 序号 column would be clipped by the label beside it.
    expect(sheet.getCell('A6').value).toBe('单位负责人：')
    expect(sheet.getCell('C6').value).toBe('审核人：')
    expect(sheet.getCell('D6').value).toBe('填表人：')
    expect(sheet.getCell('F6').value).toBe('联系电话：')
    expect(mergesOf(sheet)).toEqual(expect.arrayContaining(['A6:B6', 'D6:E6', 'F6:G6']))
  })

  it('gives every footer label at least one column, however the widths fall', () => {
    expect(footerSpans([5, 5, 5, 5], 4)).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
    ])
    expect(footerSpans([50, 1, 1, 1, 1], 4)).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 5],
    ])
    expect(footerSpans([6, 22, 12, 10, 21, 10, 14], 4)).toEqual([
      [1, 2],
      [3, 4],
      [5, 5],
      [6, 7],
    ])
  })
})
