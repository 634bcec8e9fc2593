// Comment boxes sized to their text. Excel places a comment box by a cell anchor (columns and rows
// plus pixel offsets), so the wanted size in pixels is walked across the sheet's real column widths
// and row heights from the cell to the right of the commented one.
import type { Worksheet } from 'exceljs'
import type { NoteBox } from '../xlsx/writePatch'

/** 9 pt 宋体, the comment font: a Chinese character is about 12 px wide, a Latin one 6 px. */
const WIDE_CHAR_PX = 12
const NARROW_CHAR_PX = 6
const LINE_PX = 16
const PADDING_PX = 12
const MAX_TEXT_PX = 336 // 28 Chinese characters a line, then the text wraps
const MIN_TEXT_PX = 144

export const NOTE_FONT = { name: '宋体', size: 9, charset: 134 }

function textWidth(line: string): number {
  let width = 0
  for (const char of line) width += char.charCodeAt(0) > 0x2e7f ? WIDE_CHAR_PX : NARROW_CHAR_PX
  return width
}

/** Excel's column width (characters of the default font) in pixels, as Excel rounds it. */
function columnPixels(sheet: Worksheet, column: number): number {
  const width = sheet.getColumn(column).width ?? sheet.properties.defaultColWidth ?? 8.43
  return Math.trunc(width * 7 + 5)
}

function rowPixels(sheet: Worksheet, row: number): number {
  const height = sheet.getRow(row).height ?? sheet.properties.defaultRowHeight ?? 15
  return Math.round((height * 4) / 3)
}

/** From `start` (1-based), how many whole columns (or rows) `pixels` spans, and the remainder. */
function walk(start: number, pixels: number, sizeOf: (index: number) => number): [number, number] {
  let index = start
  let left = pixels
  for (let size = sizeOf(index); left > size && index < start + 200; size = sizeOf(index)) {
    left -= size
    index++
  }
  return [index, Math.max(0, Math.round(left))]
}

/** The box for a comment of `lines` on the cell at (row, column), 1-based. */
export function noteBox(sheet: Worksheet, row: number, column: number, lines: readonly string[]): NoteBox {
  const widest = Math.max(...lines.map(textWidth))
  const textPx = Math.min(MAX_TEXT_PX, Math.max(MIN_TEXT_PX, widest))
  const wrapped = lines.reduce((total, line) => total + Math.max(1, Math.ceil(textWidth(line) / textPx)), 0)
  const width = textPx + PADDING_PX
  const height = wrapped * LINE_PX + PADDING_PX
  // Excel's default: one column to the right of the cell, starting a row above it.
  const leftColumn = column + 1
  const topRow = Math.max(1, row - 1)
  const [rightColumn, rightOffset] = walk(leftColumn, width + 15, (index) => columnPixels(sheet, index))
  const [bottomRow, bottomOffset] = walk(topRow, height + 2, (index) => rowPixels(sheet, index))
  return {
    row: row - 1,
    column: column - 1,
    // VML counts from 0.
    anchor: [leftColumn - 1, 15, topRow - 1, 2, rightColumn - 1, rightOffset, bottomRow - 1, bottomOffset],
    widthPt: Math.round(width * 0.75 * 10) / 10,
    heightPt: Math.round(height * 0.75 * 10) / 10,
  }
}
