// The one writer of the bureau's forms: a FormSheet declaration plus rows become a worksheet in the
// official layout of FORMS.md (title, 填报单位/填报日期 line, grey header, bordered data, signature
// footer, A4 page setup). Exports and blank templates both go through here, so they cannot drift.
//
// The same code drives exceljs's in-memory workbook (templates, small sheets) and its streaming
// writer (exports of up to 100,000 volunteers, which in memory would need gigabytes): page setup
// and views are given when the sheet is created, because the streaming writer writes them first,
// and every row is committed once written (a no-op in memory, a flush when streaming).
//
// Formula safety: every value is written as a plain string or number, never as an exceljs formula
// object, so a note such as "=1+1" or "@SUM(A1)" lands in the file as a shared string, which Excel
// shows and never evaluates (DESIGN.md, Security). Text columns also carry the text format, so
// editing such a cell later keeps it text.
import type { AddWorksheetOptions, Workbook, Worksheet } from 'exceljs'
import type { FormColumn, FormSheet } from '../forms/types'
import {
  dataStyle,
  footerStyle,
  headerStyle,
  isNumericKind,
  PAGE_FOOTER,
  PAGE_MARGINS,
  ROW_HEIGHTS,
  TEXT_FORMAT,
  titleStyle,
  unitLineStyle,
} from './writeStyles'

export type WriteValue = string | number | null | undefined

export interface FormSheetContent {
  /** 填报单位; null leaves a line to fill in by hand (templates). */
  unitName: string | null
  /** 填报日期; null leaves blanks to fill in by hand (templates). */
  date: Date | null
  /** Fills a `{year}` in the title (表2's 「…（2026年度）」); blanks to fill in when absent. */
  year?: number
  /** Fills a `{period}` in the title (表4/表5: 2026年度, or 2026年3月1日至2026年6月30日). */
  period?: string
  /**
   * One array per row in the declaration's column order; a null 序号 is numbered 1..n. Any iterable
   * will do, so a large export can stream rows straight from a SQLite cursor instead of holding
   * a million of them in memory.
   */
  rows: Iterable<readonly WriteValue[]>
  /** How many rows `rows` will yield, for progress; arrays report their own length. */
  rowCount?: number
  /** Empty bordered rows after the data, for a template to be filled in. */
  blankRows?: number
  /** Called now and then while rows are written, for the progress of long exports. */
  onProgress?: (done: number, total: number) => void
  /** The labels of row 2 when the sheet comes from the bureau (反馈单位, 反馈日期), not from a school. */
  unitLabel?: string
  dateLabel?: string
  /** One line after the data instead of the signature footer (a note to the reader). */
  footerText?: string
}

/** Where things landed, for callers that add to the sheet (validations on the blank rows). */
export interface WrittenSheet {
  worksheet: Worksheet
  firstDataRow: number
  /** The last row of data or blank rows; equals firstDataRow - 1 when there are none. */
  lastDataRow: number
  footerRow: number
  /** Data rows written (blank template rows not counted). */
  rowsWritten: number
}

export const HEADER_ROW = 3
const FIRST_DATA_ROW = HEADER_ROW + 1
const PROGRESS_EVERY = 2000
const LANDSCAPE_ABOVE_COLUMNS = 8

export const FOOTER_LABELS = ['单位负责人：', '审核人：', '填表人：', '联系电话：'] as const

/** Characters XML 1.0 cannot carry: one of them in a note would make Excel "repair" the file. */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what must be removed
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

/** The title with its `{year}` placeholder filled, or left as a blank to write the year in. */
export function formTitle(title: string, year: number | undefined, period?: string): string {
  return title.replace('{year}', year === undefined ? '______' : String(year)).replace('{period}', period ?? '______')
}

export function formatFillDate(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`
}

function mergeRow(worksheet: Worksheet, row: number, from: number, to: number): void {
  if (to > from) worksheet.mergeCells(row, from, row, to)
}

function writeHeading(worksheet: Worksheet, sheet: FormSheet, content: FormSheetContent): void {
  const width = sheet.columns.length
  worksheet.getCell(1, 1).value = formTitle(sheet.title, content.year, content.period)
  worksheet.getCell(1, 1).style = titleStyle
  mergeRow(worksheet, 1, 1, width)
  worksheet.getRow(1).height = ROW_HEIGHTS.title

  // The unit line takes the left half and the date the right half, as on the paper form.
  const half = Math.max(1, Math.floor(width / 2))
  const unit = content.unitName ?? '____________________'
  const date = content.date ? formatFillDate(content.date) : '______年____月____日'
  worksheet.getCell(2, 1).value = `${content.unitLabel ?? '填报单位（盖章）'}：${unit}`
  worksheet.getCell(2, 1).style = unitLineStyle('left')
  mergeRow(worksheet, 2, 1, half)
  if (width > half) {
    worksheet.getCell(2, half + 1).value = `${content.dateLabel ?? '填报日期'}：${date}`
    worksheet.getCell(2, half + 1).style = unitLineStyle('right')
    mergeRow(worksheet, 2, half + 1, width)
  }
  worksheet.getRow(2).height = ROW_HEIGHTS.unitLine

  sheet.columns.forEach((column, index) => {
    const cell = worksheet.getCell(HEADER_ROW, index + 1)
    cell.value = column.name
    cell.style = headerStyle
  })
  worksheet.getRow(HEADER_ROW).height = ROW_HEIGHTS.header
  for (let row = 1; row <= HEADER_ROW; row++) worksheet.getRow(row).commit()
}

function cellValue(column: FormColumn, value: WriteValue, sequence: number): string | number | null {
  if (column.kind === 'sequence' && (value === null || value === undefined)) return sequence
  if (value === null || value === undefined || value === '') return null
  if (isNumericKind(column.kind) && typeof value === 'number') return value
  // IDs, phones, months and everything else: a string, so Excel keeps every character as typed.
  return String(value).replace(XML_INVALID, '')
}

/** Printed width in Excel's character units: a Chinese character takes two. */
function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += char.charCodeAt(0) > 0x2e7f ? 2 : 1
  return width
}

/** 11 pt text needs about 15 pt a line. */
const LINE_HEIGHT = 15

/**
 * Wrapped text needs a taller row, and neither a streamed sheet nor LibreOffice sizes rows by
 * itself: estimate the lines each cell wraps to and set the height, so nothing overlaps in print.
 */
export function rowHeight(widths: readonly number[], values: readonly (string | number | null)[]): number | undefined {
  let lines = 1
  values.forEach((value, index) => {
    if (typeof value !== 'string' || value === '') return
    const usable = Math.max(1, (widths[index] ?? 10) - 1)
    const wrapped = value
      .split('\n')
      .reduce((total, part) => total + Math.max(1, Math.ceil(displayWidth(part) / usable)), 0)
    lines = Math.max(lines, wrapped)
  })
  return lines > 1 ? lines * LINE_HEIGHT + 4 : undefined
}

function writeRows(worksheet: Worksheet, sheet: FormSheet, content: FormSheetContent): number {
  const styles = sheet.columns.map((column) => dataStyle(column.kind))
  const widths = sheet.columns.map((column) => column.width)
  const total = content.rowCount ?? (Array.isArray(content.rows) ? content.rows.length : 0)
  let written = 0
  for (const values of content.rows) {
    const row = worksheet.getRow(FIRST_DATA_ROW + written)
    const cells = sheet.columns.map((column, index) => cellValue(column, values[index], written + 1))
    sheet.columns.forEach((_, index) => {
      const cell = row.getCell(index + 1)
      cell.value = cells[index] ?? null
      cell.style = styles[index] ?? {}
    })
    const height = rowHeight(widths, cells)
    if (height !== undefined) row.height = height
    row.commit()
    written++
    if (written % PROGRESS_EVERY === 0) content.onProgress?.(written, Math.max(total, written))
  }
  content.onProgress?.(written, written)
  const blank = content.blankRows ?? 0
  for (let offset = 0; offset < blank; offset++) {
    const row = worksheet.getRow(FIRST_DATA_ROW + written + offset)
    sheet.columns.forEach((_, index) => {
      row.getCell(index + 1).style = styles[index] ?? {}
    })
    row.commit()
  }
  return written
}

/**
 * Splits the columns into runs of about equal printed width, one per footer label. Splitting by
 * column count would give 单位负责人： the 6-character 序号 column alone on a narrow form, and
 * Excel clips text that cannot overflow into a filled neighbour.
 */
export function footerSpans(widths: readonly number[], groups: number): [number, number][] {
  const total = widths.reduce((sum, width) => sum + width, 0)
  let sum = 0
  const reach = widths.map((width) => (sum += width)) // reach[i]: printed width up to column i + 1
  const spans: [number, number][] = []
  let start = 1
  for (let group = 1; group < groups; group++) {
    const target = (total * group) / groups
    // The last column this group may end on still leaves one column for each group after it.
    const latest = widths.length - (groups - group)
    let end = start
    for (let column = start + 1; column <= latest; column++) {
      const here = Math.abs((reach[column - 1] ?? 0) - target)
      if (here < Math.abs((reach[end - 1] ?? 0) - target)) end = column
    }
    spans.push([start, end])
    start = end + 1
  }
  spans.push([start, widths.length])
  return spans
}

/** 单位负责人 / 审核人 / 填表人 / 联系电话, each over about a quarter of the width, after one blank row. */
function writeSignatureFooter(worksheet: Worksheet, row: number, sheet: FormSheet): void {
  const widths = sheet.columns.map((column) => column.width)
  if (widths.length < FOOTER_LABELS.length) {
    worksheet.getCell(row, 1).value = FOOTER_LABELS.join('        ')
    worksheet.getCell(row, 1).style = footerStyle
  } else {
    footerSpans(widths, FOOTER_LABELS.length).forEach(([from, to], index) => {
      worksheet.getCell(row, from).value = FOOTER_LABELS[index] ?? null
      worksheet.getCell(row, from).style = footerStyle
      mergeRow(worksheet, row, from, to)
    })
  }
  worksheet.getRow(row).height = ROW_HEIGHTS.footer
}

/** A note in place of the signature footer, over the whole width, tall enough for its lines. */
function writeFooterText(worksheet: Worksheet, row: number, sheet: FormSheet, text: string): void {
  worksheet.getCell(row, 1).value = text
  worksheet.getCell(row, 1).style = { ...footerStyle, alignment: { ...footerStyle.alignment, wrapText: true } }
  mergeRow(worksheet, row, 1, sheet.columns.length)
  const width = sheet.columns.reduce((sum, column) => sum + column.width, 0)
  worksheet.getRow(row).height = rowHeight([width], [text]) ?? ROW_HEIGHTS.footer
}

function sheetOptions(sheet: FormSheet): Partial<AddWorksheetOptions> {
  return {
    pageSetup: {
      paperSize: 9, // A4
      orientation: sheet.columns.length > LANDSCAPE_ABOVE_COLUMNS ? 'landscape' : 'portrait',
      // All columns on one page width, as many pages tall as the rows need.
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: PAGE_MARGINS,
      printTitlesRow: `1:${HEADER_ROW}`,
    },
    headerFooter: { oddFooter: PAGE_FOOTER },
    views: [
      {
        state: 'frozen',
        xSplit: 0,
        ySplit: HEADER_ROW,
        topLeftCell: `A${FIRST_DATA_ROW}`,
        activeCell: `A${FIRST_DATA_ROW}`,
      },
    ],
  }
}

/** Adds one sheet of a form to the workbook, named by the form's short name. */
export function writeFormSheet(workbook: Workbook, sheet: FormSheet, content: FormSheetContent): WrittenSheet {
  const worksheet = workbook.addWorksheet(sheet.name, sheetOptions(sheet))
  // Column widths from the declaration; text columns default to the text format so rows a clerk
  // adds below the written ones behave like them.
  worksheet.columns = sheet.columns.map((column) => ({
    width: column.width,
    style: isNumericKind(column.kind) ? {} : { numFmt: TEXT_FORMAT },
  }))
  writeHeading(worksheet, sheet, content)
  const rowsWritten = writeRows(worksheet, sheet, content)
  const lastDataRow = FIRST_DATA_ROW + rowsWritten + (content.blankRows ?? 0) - 1
  const footerRow = lastDataRow + 2
  if (content.footerText !== undefined) writeFooterText(worksheet, footerRow, sheet, content.footerText)
  else writeSignatureFooter(worksheet, footerRow, sheet)
  // The filter covers the data only, so sorting or filtering never moves the signature footer.
  worksheet.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: Math.max(HEADER_ROW, lastDataRow), column: sheet.columns.length },
  }
  return { worksheet, firstDataRow: FIRST_DATA_ROW, lastDataRow, footerRow, rowsWritten }
}
