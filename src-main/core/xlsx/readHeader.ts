// Finding the header row and mapping columns by name. Schools retype headers freely (full-width
// brackets, stars marking required columns, "（18位）" notes, line breaks), so both the header texts
// and the form's names and aliases are reduced to one normal form before comparing.
import { createHash } from 'node:crypto'
import type { FormColumn, FormSheet } from '../forms/types'
import { cellText, type CellValue } from './readCell'

/** How many rows from the top of a sheet may hold the header. */
export const HEADER_SCAN_ROWS = 20

export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, '')
    .replace(/\*/g, '')
    .replace(/[:：]+$/, '')
}

/** Without trailing notes in brackets: 身份证号码(18位) → 身份证号码. */
function withoutNotes(text: string): string {
  let result = text
  while (/\([^()]*\)$/.test(result) && result.replace(/\([^()]*\)$/, '') !== '')
    result = result.replace(/\([^()]*\)$/, '')
  return result
}

/** Normal form → the form column it names. */
export function headerLookup(sheet: FormSheet): Map<string, FormColumn> {
  const lookup = new Map<string, FormColumn>()
  for (const column of sheet.columns) {
    if (column.exportOnly) continue
    for (const name of [column.name, ...(column.aliases ?? [])]) {
      const key = normaliseHeader(name)
      if (!lookup.has(key)) lookup.set(key, column)
    }
  }
  return lookup
}

export function matchHeader(text: string, lookup: Map<string, FormColumn>): FormColumn | undefined {
  const key = normaliseHeader(text)
  if (!key) return undefined
  return lookup.get(key) ?? lookup.get(withoutNotes(key))
}

/** Form column name → 1-based column number in the sheet. */
export type ColumnMapping = Record<string, number>

export interface HeaderMatch {
  /** Index into the rows given (not the Excel row number). */
  index: number
  mapping: ColumnMapping
  /** Header texts that name no form column, reported once per file. */
  extra: string[]
  matched: number
  requiredFound: number
}

export function mapHeaderRow(
  cells: readonly CellValue[],
  sheet: FormSheet,
  lookup = headerLookup(sheet),
): Omit<HeaderMatch, 'index'> {
  const mapping: ColumnMapping = {}
  const extra: string[] = []
  cells.forEach((cell, position) => {
    const text = cellText(cell).trim()
    if (!text) return
    const column = matchHeader(text, lookup)
    if (column && mapping[column.name] === undefined) mapping[column.name] = position + 1
    else extra.push(text)
  })
  const names = Object.keys(mapping)
  const requiredFound = sheet.columns.filter((column) => column.required && names.includes(column.name)).length
  return { mapping, extra, matched: names.length, requiredFound }
}

/** Better header: more required columns found, then more columns matched, then the higher row. */
export function betterHeader(a: HeaderMatch | null, b: HeaderMatch | null): HeaderMatch | null {
  if (!a) return b
  if (!b) return a
  if (a.requiredFound !== b.requiredFound) return a.requiredFound > b.requiredFound ? a : b
  if (a.matched !== b.matched) return a.matched > b.matched ? a : b
  return a.index <= b.index ? a : b
}

/** Scans the first rows; a header must name at least two form columns. */
export function findHeader(rows: readonly (readonly CellValue[])[], sheet: FormSheet): HeaderMatch | null {
  const lookup = headerLookup(sheet)
  let best: HeaderMatch | null = null
  rows.slice(0, HEADER_SCAN_ROWS).forEach((cells, index) => {
    const match = { index, ...mapHeaderRow(cells, sheet, lookup) }
    if (match.matched >= 2) best = betterHeader(best, match)
  })
  return best
}

/** Identifies a header set, so a mapping made by hand is offered again for the same layout. */
export function headerKey(cells: readonly CellValue[]): string {
  const texts = cells.map((cell) => normaliseHeader(cellText(cell)))
  while (texts.length && texts.at(-1) === '') texts.pop()
  return createHash('sha256').update(texts.join('\u0001')).digest('hex').slice(0, 32)
}
