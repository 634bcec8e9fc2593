// Formula safety (DESIGN.md, Security; issue 8): a string that begins with = + - @, a tab or a
// carriage return lands in every output as text — a shared-string cell with no formula element —
// whatever column it is in, so Excel and WPS show it and never evaluate it.
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { FormSheet } from '../../../src-main/core/forms/types'
import { writeFormSheet } from '../../../src-main/core/xlsx/writeForm'
import { partXml, readWorkbook } from './helpers'

export const DANGEROUS = ['=1+1', '+86 备用', '-2+3', '@SUM(A1)', '\t=HYPERLINK("x")', '\r=1']

const SHEET: FormSheet = {
  name: '测试',
  title: '公式安全',
  columns: [
    { name: '序号', kind: 'sequence', width: 6, help: '' },
    { name: '文字', kind: 'text', width: 20, help: '' },
    { name: '整数', kind: 'integer', width: 10, help: '' },
    { name: '小数', kind: 'decimal', width: 10, help: '' },
  ],
}

describe('formula-like strings in the form writer', () => {
  it('writes each as a shared-string cell, never a formula, in text and number columns alike', async () => {
    const workbook = new ExcelJS.Workbook()
    writeFormSheet(workbook, SHEET, {
      unitName: '=cmd',
      date: null,
      rows: DANGEROUS.map((value) => [null, value, value, value]),
    })
    const data = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
    const sheetXml = partXml(data, 'xl/worksheets/sheet1.xml')
    expect(sheetXml).not.toMatch(/<f[ >]/)
    // Every data cell of columns B–D is a string cell (t="s"), not a number or formula.
    for (let row = 4; row < 4 + DANGEROUS.length; row++) {
      for (const column of ['B', 'C', 'D']) expect(sheetXml).toMatch(new RegExp(`<c r="${column}${row}"[^>]*t="s"`))
    }
    const read = (await readWorkbook(data)).getWorksheet('测试')
    expect(read?.getCell(4, 2).value).toBe('=1+1')
    expect(read?.getCell(7, 3).value).toBe('@SUM(A1)')
    expect(read?.getCell(2, 1).value).toBe('填报单位（盖章）：=cmd')
  })
})
