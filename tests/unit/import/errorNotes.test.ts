// Comment boxes sized to their text, across the sheet's real column widths and row heights.
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { noteBox } from '../../../src-main/core/import/errorNotes'

function sheet(width: number): ExcelJS.Worksheet {
  const worksheet = new ExcelJS.Workbook().addWorksheet('名单')
  worksheet.columns = Array.from({ length: 30 }, () => ({ width }))
  return worksheet
}

/** Pixels an anchor spans from its left edge to its right edge, for columns all `width` wide. */
function spannedWidth(anchor: readonly number[], width: number): number {
  const column = Math.trunc(width * 7 + 5)
  const [left = 0, leftOffset = 0, , , right = 0, rightOffset = 0] = anchor
  return (right - left) * column + rightOffset - leftOffset
}

describe('noteBox', () => {
  it('is wide enough for a short line and no wider than 28 Chinese characters for a long one', () => {
    const short = noteBox(sheet(8.43), 5, 3, ['错误：姓名必填。请按问题改正。'])
    const long = noteBox(sheet(8.43), 5, 3, ['错误：' + '身份证号码'.repeat(20)])
    expect(spannedWidth(short.anchor, 8.43)).toBeGreaterThanOrEqual(15 * 12)
    expect(spannedWidth(long.anchor, 8.43)).toBeLessThanOrEqual(28 * 12 + 12 + 15 + 1)
    expect(long.heightPt).toBeGreaterThan(short.heightPt)
  })

  it('spans fewer columns where the columns are wide, and starts beside the cell', () => {
    const narrow = noteBox(sheet(8.43), 10, 2, ['提醒：联系电话“12345”格式不正确。请核对。'])
    const wide = noteBox(sheet(30), 10, 2, ['提醒：联系电话“12345”格式不正确。请核对。'])
    expect(narrow.anchor[0]).toBe(2) // the column to the right of B, counted from 0
    expect((wide.anchor[4] ?? 0) - (wide.anchor[0] ?? 0)).toBeLessThan(
      (narrow.anchor[4] ?? 0) - (narrow.anchor[0] ?? 0),
    )
    expect([narrow.row, narrow.column]).toEqual([9, 1])
  })
})
