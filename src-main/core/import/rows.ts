// From a found sheet to data rows: skip what is not data (blank, numbered-but-empty, footers,
// a repeated header), then give merged ranges' values to every data row they cover. Form-agnostic.
import type { FormSheet } from '../forms/types'
import { cellText, type CellValue } from '../xlsx/readCell'
import { normaliseHeader, type ColumnMapping } from '../xlsx/readHeader'
import type { MergeRange } from '../xlsx/readSheet'
import { ReadFileError } from '../xlsx/readGuard'
import type { FoundSheet, RawRow } from '../xlsx/readWorkbook'

/** A footer or a form's own fill-in line begins with one of these. */
const FOOTER_PREFIXES = [
  '单位负责人',
  '负责人',
  '审核人',
  '填表人',
  '填报人',
  '联系电话',
  '制表',
  '填报单位',
  '填报日期',
  '注:',
  '说明:',
]

export interface SheetRow {
  /** The Excel row number. */
  number: number
  /** By form column name; only mapped columns. */
  values: Record<string, CellValue>
}

function isFooter(cells: readonly CellValue[]): boolean {
  const first = cells.find((cell) => cell !== null && cellText(cell).trim() !== '')
  if (first === undefined || typeof first !== 'string') return false
  // Cheap first look: a name or a school never starts like a footer line does.
  if (!/^[\s\u3000\u200b*＊]*[单负审填联制注说]/.test(first)) return false
  const text = normaliseHeader(first)
  return FOOTER_PREFIXES.some((prefix) => text.startsWith(prefix))
}

/** True when no form field has a value: blank rows and rows pre-numbered in 序号 but never filled. */
function hasNoData(cells: readonly CellValue[], dataColumns: readonly number[]): boolean {
  return dataColumns.every((column) => {
    const cell = cells[column - 1]
    return (
      cell === null ||
      cell === undefined ||
      cellText(cell)
        .trim()
        .replace(/[\u200b-\u200d\ufeff\u3000]/g, '') === ''
    )
  })
}

/** Legitimate merges never overlap, so their areas sum to at most the sheet; more is hostile. */
const MERGE_CELL_BUDGET = 20_000_000

function applyMerges(
  rows: Map<number, CellValue[]>,
  merges: readonly MergeRange[],
  sourceRows: Map<number, CellValue[]>,
  maxColumn: number,
): void {
  const numbers = [...rows.keys()]
  const first = numbers[0] ?? 0
  const last = numbers.at(-1) ?? 0
  let visited = 0
  for (const merge of merges) {
    const value = sourceRows.get(merge.top)?.[merge.left - 1] ?? null
    if (value === null) continue
    const right = Math.min(merge.right, maxColumn)
    // Only rows that exist are visited, so a hostile A1:XFD1048576 costs no more than the sheet itself.
    for (let number = Math.max(merge.top, first); number <= Math.min(merge.bottom, last); number++) {
      const cells = rows.get(number)
      if (!cells) continue
      for (let column = merge.left; column <= right; column++) {
        if (number !== merge.top || column !== merge.left) cells[column - 1] = value
      }
      visited += right - merge.left + 1
      if (visited > MERGE_CELL_BUDGET)
        throw new ReadFileError('合并单元格相互重叠或数量异常：请取消合并单元格后另存再导入')
    }
  }
}

export interface ExtractedRows {
  rows: SheetRow[]
  /** Rows skipped as blank, numbered-only or footer; not reported as issues. */
  skipped: number
}

/** A header repeated lower down (a second printed page pasted in): most mapped cells equal the header's. */
function repeatsHeader(cells: readonly CellValue[], header: readonly CellValue[], columns: readonly number[]): boolean {
  let same = 0
  for (const column of columns)
    if (typeof cells[column - 1] === 'string' && cells[column - 1] === header[column - 1]) same++
  return same >= Math.min(3, columns.length)
}

/** Data rows one at a time: a row's values object lives only while it is checked (memory on 100,000-row files). */
export interface DataRows {
  count: number
  skipped: number
  rows: Iterable<SheetRow>
}

/**
 * The data rows of a found sheet. Takes the rows out of `found` (its `rows` is left empty): each
 * row's cells are let go as soon as that row has been given out.
 */
export function takeDataRows(found: FoundSheet, formSheet: FormSheet, mapping: ColumnMapping): DataRows {
  const header = found.rows[found.header.index]?.cells ?? []
  const dataColumns = formSheet.columns
    .filter((column) => column.kind !== 'sequence' && mapping[column.name] !== undefined)
    .map((column) => mapping[column.name] as number)
  const maxColumn = Math.max(0, ...Object.values(mapping))
  const kept = new Map<number, CellValue[]>()
  let skipped = 0
  for (let index = found.header.index + 1; index < found.rows.length; index++) {
    const row = found.rows[index] as RawRow
    if (hasNoData(row.cells, dataColumns) || isFooter(row.cells) || repeatsHeader(row.cells, header, dataColumns)) {
      skipped++
      continue
    }
    kept.set(row.number, row.cells)
  }
  if (found.merges.length > 0) applyMerges(kept, found.merges, mergeTops(found.rows, found.merges), maxColumn)
  found.rows = []
  const columns = Object.entries(mapping)
  function* rows(): Generator<SheetRow> {
    for (const [number, cells] of kept) {
      kept.delete(number)
      const values: Record<string, CellValue> = {}
      for (const [name, column] of columns) values[name] = cells[column - 1] ?? null
      yield { number, values }
    }
  }
  return { count: kept.size, skipped, rows: rows() }
}

export function extractRows(found: FoundSheet, formSheet: FormSheet, mapping: ColumnMapping): ExtractedRows {
  const copy: FoundSheet = { ...found, rows: [...found.rows] }
  const { rows, skipped } = takeDataRows(copy, formSheet, mapping)
  return { rows: [...rows], skipped }
}

/** The rows merged ranges take their values from, by number (only those: a 100,000-row sheet has one title merge). */
function mergeTops(rows: readonly RawRow[], merges: readonly MergeRange[]): Map<number, CellValue[]> {
  const tops = new Set(merges.map((merge) => merge.top))
  const found = new Map<number, CellValue[]>()
  for (const row of rows) if (tops.has(row.number)) found.set(row.number, row.cells)
  return found
}
