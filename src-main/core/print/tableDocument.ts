// A form as a printed table: the same sheets the Excel writer takes (export/workbook.ts
// SheetToWrite: declaration + rows), so the paper and the file cannot disagree. Title, the
// 填报单位/填报日期 line, the header row repeated on every page, the data, the signature line.
import type { SheetToWrite } from '../export/workbook'
import type { FormColumn } from '../forms/types'
import { FOOTER_LABELS, formatFillDate, formTitle, type WriteValue } from '../xlsx/writeForm'
import { escapeHtml, htmlDocument, type HtmlDocument } from './html'

/** More columns than this print on a landscape page, as the Excel page setup does. */
const LANDSCAPE_ABOVE_COLUMNS = 8

/**
 * Excel fits a wide form to one page width by shrinking it; the printed table does the same with
 * its font size. A column width unit is about 1.85 mm at 10.5 pt, and the page has 180 mm (portrait)
 * or 267 mm (landscape) inside its margins.
 */
const BODY_POINTS = 10.5
const MIN_POINTS = 7
const MM_PER_UNIT = 1.85

function fittedPoints(totalWidth: number, wide: boolean): number {
  const available = (wide ? 267 : 180) / MM_PER_UNIT
  return Math.max(MIN_POINTS, Math.min(BODY_POINTS, (BODY_POINTS * available) / totalWidth))
}

function cellText(column: FormColumn, value: WriteValue, sequence: number): string {
  if (column.kind === 'sequence' && (value === null || value === undefined)) return String(sequence)
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') {
    if (column.kind === 'percent') return `${(value * 100).toFixed(1)}%`
    return String(Math.round(value * 100) / 100)
  }
  return value
}

function cellClass(column: FormColumn, value: WriteValue): string {
  if (column.kind === 'sequence' || value === '—') return ' class="sequence"'
  if (typeof value === 'number') return ' class="number"'
  // An ID or phone number is never broken across lines.
  return column.kind === 'id' || column.kind === 'phone' || column.kind === 'date' ? ' class="code"' : ''
}

function tableRows(part: SheetToWrite): string {
  const { columns } = part.sheet
  const lines: string[] = []
  let sequence = 0
  for (const values of part.content.rows) {
    sequence++
    // The 合计 row of 表4/表5 names itself in its first text cell.
    const total = values.some((value) => value === '合计')
    const cells = columns.map((column, index) => {
      const value = values[index]
      return `<td${cellClass(column, value)}>${escapeHtml(cellText(column, value, sequence))}</td>`
    })
    lines.push(`<tr${total ? ' class="total"' : ''}>${cells.join('')}</tr>`)
  }
  return lines.join('\n')
}

export function sheetSection(part: SheetToWrite, notice?: string): string {
  const { sheet, content } = part
  const totalWidth = sheet.columns.reduce((sum, column) => sum + column.width, 0)
  const cols = sheet.columns
    .map((column) => `<col style="width:${((column.width / totalWidth) * 100).toFixed(2)}%">`)
    .join('')
  const headers = sheet.columns.map((column) => `<th>${escapeHtml(column.name)}</th>`).join('')
  const date = content.date ? formatFillDate(content.date) : '______年____月____日'
  const wide = sheet.columns.length > LANDSCAPE_ABOVE_COLUMNS
  const points = fittedPoints(totalWidth, wide).toFixed(1)
  return `<section class="sheet${wide ? ' wide' : ''}" style="--table-size:${points}pt">
<h1>${escapeHtml(formTitle(sheet.title, content.year, content.period))}</h1>
<div class="unit-line"><span>填报单位（盖章）：${escapeHtml(content.unitName ?? '____________________')}</span><span>填报日期：${date}</span></div>
<table class="form" style="font-size:var(--table-size)"><colgroup>${cols}</colgroup>
<thead><tr>${headers}</tr></thead>
<tbody>
${tableRows(part)}
</tbody></table>
${notice ? `<p class="notice">${escapeHtml(notice)}</p>` : ''}
<div class="signatures">${FOOTER_LABELS.map((label) => `<span>${label}</span>`).join('')}</div>
</section>`
}

/** One document of one or more tables, each starting on a new page. */
export function tablesDocument(title: string, parts: readonly SheetToWrite[], notice?: string): HtmlDocument {
  const first = parts[0]?.content
  const rows = first ? (first.rowCount ?? (Array.isArray(first.rows) ? first.rows.length : 0)) : 0
  return { ...htmlDocument(title, parts.map((part) => sheetSection(part, notice)).join('\n')), rows }
}
