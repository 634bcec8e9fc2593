// One file, start to finish before any database write: bytes → found sheet → column mapping →
// data rows → checked records and issues. Any file-level problem becomes a failed FileResult; the
// rest of the batch is unaffected.
import { cellText, type CellValue } from '../xlsx/readCell'
import { ReadFileError, MESSAGES, type ReadLimits } from '../xlsx/readGuard'
import { headerKey } from '../xlsx/readHeader'
import { readWorkbook, type FoundSheet } from '../xlsx/readWorkbook'
import type { FormImporter, RowCheck } from './forms'
import { takeDataRows, type SheetRow } from './rows'
import { columnLetters, sourceBytes } from './source'
import { NO_OUTCOMES, type FileResult, type ImportIssue, type ImportSource } from './types'

export interface ParsedRow<Item> {
  fileIndex: number
  row: number
  item: Item | null
  /** The row as read, by form column, kept for rows with issues only (memory on 100,000-row files). */
  values: Record<string, CellValue> | null
}

export interface ParsedFile<Item> {
  index: number
  name: string
  /** The school's bytes until the batch is written: a file with issues keeps them for its error workbook. */
  bytes: Buffer | null
  result: FileResult
  rows: ParsedRow<Item>[]
  issues: ImportIssue[]
}

export interface ParseContext<Item> {
  importer: FormImporter<Item>
  check: (row: SheetRow) => RowCheck<Item>
  limits: ReadLimits
  /** A mapping given now for this file (form column → column number, null to unmap). */
  manual?: Record<string, number | null>
  /** A mapping remembered for a header set. */
  remembered: (key: string) => Record<string, number> | undefined
  onRows?: (rows: number) => void
  /** Called every thousand rows checked (validation of a big file takes seconds). */
  onChecked?: (rows: number, total: number) => void
}

/** Lets the host answer other requests between chunks of a long synchronous loop. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

export function emptyResult(name: string, index: number): FileResult {
  return {
    file: name,
    fileIndex: index,
    status: 'failed',
    sheet: null,
    headerRow: null,
    headers: [],
    mapping: {},
    missing: [],
    extraColumns: [],
    mappingSource: 'detected',
    headerKey: null,
    rows: 0,
    ...NO_OUTCOMES,
  }
}

function failed<Item>(source: ImportSource, index: number, error: string): ParsedFile<Item> {
  return {
    index,
    name: source.name,
    bytes: null,
    result: { ...emptyResult(source.name, index), error },
    rows: [],
    issues: [],
  }
}

export async function parseFile<Item>(
  source: ImportSource,
  index: number,
  context: ParseContext<Item>,
): Promise<ParsedFile<Item>> {
  let bytes: Buffer
  let found: FoundSheet | undefined
  try {
    bytes = sourceBytes(source, context.limits)
    const sheets = await readWorkbook(source.name, bytes, [context.importer.sheet], {
      limits: context.limits,
      onRows: context.onRows,
    })
    found = sheets.get(context.importer.sheet.name)
    if (!found) throw new ReadFileError(MESSAGES.noHeader)
    return await checkRows(source, index, bytes, found, context)
  } catch (error) {
    if (error instanceof ReadFileError) return failed(source, index, error.message)
    throw error
  }
}

function resolveMapping<Item>(
  found: FoundSheet,
  context: ParseContext<Item>,
  key: string,
): Pick<FileResult, 'mapping' | 'mappingSource'> {
  const remembered = context.remembered(key)
  let mapping = { ...found.header.mapping, ...(remembered ?? {}) }
  let mappingSource: FileResult['mappingSource'] = remembered ? 'remembered' : 'detected'
  if (context.manual) {
    mapping = { ...mapping }
    for (const [column, number] of Object.entries(context.manual)) {
      if (number === null) delete mapping[column]
      else mapping[column] = number
    }
    mappingSource = 'manual'
  }
  return { mapping, mappingSource }
}

async function checkRows<Item>(
  source: ImportSource,
  index: number,
  bytes: Buffer,
  found: FoundSheet,
  context: ParseContext<Item>,
): Promise<ParsedFile<Item>> {
  const headerCells = found.rows[found.header.index]?.cells ?? []
  const key = headerKey(headerCells)
  const { mapping, mappingSource } = resolveMapping(found, context, key)
  const sheet = context.importer.sheet
  const missing = sheet.columns
    .filter((column) => column.required && mapping[column.name] === undefined)
    .map((column) => column.name)
  const mappedColumns = new Set(Object.values(mapping))
  const result: FileResult = {
    ...emptyResult(source.name, index),
    sheet: found.name,
    headerRow: found.rows[found.header.index]?.number ?? null,
    headers: Array.from(headerCells, (cell) => cellText(cell ?? null).trim()),
    mapping,
    mappingSource,
    missing,
    headerKey: key,
    extraColumns: Array.from(headerCells, (cell, position) =>
      mappedColumns.has(position + 1) ? '' : cellText(cell ?? null).trim(),
    ).filter(Boolean),
  }
  if (missing.length > 0) {
    const error = `找不到必填列${missing.map((name) => `“${name}”`).join('、')}：请在导入预览中手动指定它对应表格的哪一列（指定一次后，同样表头的文件会自动沿用）`
    return {
      index,
      name: source.name,
      bytes: null,
      result: { ...result, error, needsMapping: true },
      rows: [],
      issues: [],
    }
  }
  const parsed: ParsedFile<Item> = { index, name: source.name, bytes, result, rows: [], issues: [] }
  for (const other of found.others) {
    parsed.issues.push({
      file: source.name,
      fileIndex: index,
      sheet: other,
      row: null,
      column: null,
      cell: null,
      level: 'warning',
      message: `工作表“${other}”也有本表的表头，但每个文件只导入一个工作表（已导入“${found.name}”）：请把名单合并到一个工作表，或把它另存为单独的文件再导入`,
    })
  }
  const { rows, count: total } = takeDataRows(found, sheet, mapping)
  let count = 0
  for (const row of rows) {
    parsed.rows.push(checkOne(parsed, found.name, row, mapping, context))
    if ((++count & 1023) === 0) {
      context.onChecked?.(count, total)
      await yieldToEventLoop()
    }
  }
  result.status = 'imported'
  result.rows = parsed.rows.length
  return parsed
}

function checkOne<Item>(
  parsed: ParsedFile<Item>,
  sheetName: string,
  row: SheetRow,
  mapping: Record<string, number>,
  context: ParseContext<Item>,
): ParsedRow<Item> {
  const { item, issues } = context.check(row)
  const rejected = item === null || issues.some((issue) => issue.level === 'error')
  for (const issue of issues) {
    const column = issue.column !== null ? mapping[issue.column] : undefined
    parsed.issues.push({
      file: parsed.name,
      fileIndex: parsed.index,
      sheet: sheetName,
      row: row.number,
      column: issue.column,
      cell: column !== undefined ? `${columnLetters(column)}${row.number}` : null,
      level: issue.level,
      message: `第 ${row.number} 行${issue.column ? `“${issue.column}”` : ''}：${issue.message}`,
    })
  }
  return {
    fileIndex: parsed.index,
    row: row.number,
    item: rejected ? null : item,
    values: issues.length > 0 ? row.values : null,
  }
}
