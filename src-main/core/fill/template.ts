// The clerk's own template: any .xlsx in which one row holds placeholders such as {{姓名}}. That
// row is repeated once per record in its own style; everything else — titles, logos, merged
// cells, print setup, other sheets — stays as the clerk made it. Rows below the template row move
// down with their merges.
import type { Cell, Row, Workbook, Worksheet } from 'exceljs'
import { CoreError } from '../errors'

const PLACEHOLDER = /\{\{\s*([^{}]+?)\s*\}\}/g

export interface TemplateRow {
  worksheet: Worksheet
  rowNumber: number
  /** Column → the cell's text with placeholders, for the cells that hold any. */
  cells: Map<number, string>
  names: Set<string>
}

function textOf(cell: Cell): string | null {
  const value = cell.value
  if (typeof value === 'string') return value
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('')
  return null
}

/** The one row with placeholders, on whichever sheet holds it. */
export function findTemplateRow(workbook: Workbook, fileName: string): TemplateRow {
  const found: TemplateRow[] = []
  for (const worksheet of workbook.worksheets) {
    worksheet.eachRow((row: Row, rowNumber: number) => {
      const cells = new Map<number, string>()
      const names = new Set<string>()
      row.eachCell((cell, column) => {
        const text = textOf(cell)
        if (!text) return
        const matches = [...text.matchAll(PLACEHOLDER)]
        if (matches.length === 0) return
        cells.set(column, text)
        for (const match of matches) names.add(match[1] ?? '')
      })
      if (cells.size > 0) found.push({ worksheet, rowNumber, cells, names })
    })
  }
  if (found.length === 0) {
    throw new CoreError(
      'VALIDATION',
      `模板“${fileName}”中没有找到占位符。请在要逐条填写的那一行写上如 {{姓名}}、{{身份证号码}} 的占位符。`,
    )
  }
  if (found.length > 1) {
    const places = found.map((entry) => `“${entry.worksheet.name}”第 ${entry.rowNumber} 行`).join('、')
    throw new CoreError(
      'VALIDATION',
      `模板“${fileName}”有多行占位符（${places}），只能有一行：程序按这一行的样式逐条填写。`,
    )
  }
  return found[0] as TemplateRow
}

export function checkPlaceholders(template: TemplateRow, known: readonly string[], fileName: string): void {
  const unknown = [...template.names].filter((name) => !known.includes(name))
  if (unknown.length > 0) {
    throw new CoreError(
      'VALIDATION',
      `模板“${fileName}”（工作表“${template.worksheet.name}”第 ${template.rowNumber} 行）有不认识的占位符：${unknown.map((name) => `{{${name}}}`).join('、')}。可用的占位符：${known.map((name) => `{{${name}}}`).join('、')}`,
    )
  }
}

export type FillValue = string | number | null

/** A whole-cell placeholder takes the value as is (a number stays a number); mixed text is joined. */
function filled(text: string, record: Record<string, FillValue>): FillValue {
  const whole = /^\{\{\s*([^{}]+?)\s*\}\}$/.exec(text)
  if (whole) return record[whole[1] ?? ''] ?? null
  return text.replace(PLACEHOLDER, (_match, name: string) => String(record[name] ?? ''))
}

/** Merges that lie wholly below the template row, as [top, left, bottom, right]. */
function mergesBelow(worksheet: Worksheet, rowNumber: number): [number, number, number, number][] {
  const merges = (worksheet.model as unknown as { merges?: string[] }).merges ?? []
  const below: [number, number, number, number][] = []
  for (const range of merges) {
    const [top, left, bottom, right] = rangeNumbers(range)
    if (top > rowNumber) below.push([top, left, bottom, right])
  }
  return below
}

function rangeNumbers(range: string): [number, number, number, number] {
  const [from, to] = range.split(':')
  const parse = (ref: string) => {
    const match = /^([A-Z]+)(\d+)$/.exec(ref) ?? []
    const letters = match[1] ?? 'A'
    let column = 0
    for (const char of letters) column = column * 26 + (char.charCodeAt(0) - 64)
    return [Number(match[2]), column] as const
  }
  const [top, left] = parse(from ?? 'A1')
  const [bottom, right] = parse(to ?? from ?? 'A1')
  return [top, left, bottom, right]
}

/** Writes one row per record in the template row's style, moving what lies below down. */
export function fillTemplateRow(template: TemplateRow, records: readonly Record<string, FillValue>[]): void {
  const { worksheet, rowNumber, cells } = template
  const source = worksheet.getRow(rowNumber)
  const styles = new Map<number, Cell['style']>()
  source.eachCell({ includeEmpty: true }, (cell, column) => styles.set(column, { ...cell.style }))
  const height = source.height
  const extra = Math.max(0, records.length - 1)
  if (extra > 0) {
    const merges = mergesBelow(worksheet, rowNumber)
    for (const [top, left, bottom, right] of merges) worksheet.unMergeCells(top, left, bottom, right)
    worksheet.spliceRows(rowNumber + 1, 0, ...Array.from({ length: extra }, () => []))
    for (const [top, left, bottom, right] of merges) worksheet.mergeCells(top + extra, left, bottom + extra, right)
  }
  records.forEach((record, index) => {
    const row = worksheet.getRow(rowNumber + index)
    if (height) row.height = height
    for (const [column, style] of styles) row.getCell(column).style = style
    for (const [column, text] of cells) row.getCell(column).value = filled(text, record)
  })
  if (records.length === 0) for (const column of cells.keys()) source.getCell(column).value = null
}
