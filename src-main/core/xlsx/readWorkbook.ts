// Reads a school's workbook with exceljs's streaming reader: one pass, rows arrive as the XML is
// inflated, so a 100,000-row file never exists as a full exceljs object model. Only the rows of the
// sheet that best matches each form sheet are kept, as bare value arrays; merged ranges are read in
// a second cheap pass (readMerges) and given to the caller to apply.
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { FormSheet } from '../forms/types'
import { readCellValue, type CellValue } from './readCell'
import { DEFAULT_READ_LIMITS, MESSAGES, ReadFileError, checkWorkbookBytes, type ReadLimits } from './readGuard'
import { betterHeader, findHeader, HEADER_SCAN_ROWS, type HeaderMatch } from './readHeader'
import { readMerges, sheetPaths, type MergeRange } from './readMerges'
import type { ZipEntry } from './readZip'

export interface RawRow {
  /** The Excel row number. */
  number: number
  /** cells[0] is column A. */
  cells: CellValue[]
}

export interface FoundSheet {
  name: string
  header: HeaderMatch
  /** Every row of the sheet as read, header and rows above it included. */
  rows: RawRow[]
  merges: MergeRange[]
  /** Other sheets whose header also has every required column: not imported, so the clerk is told. */
  others: string[]
}

export interface ReadOptions {
  limits?: ReadLimits
  /** Called every few hundred rows with the rows read so far in this file. */
  onRows?: (rows: number) => void
}

/** exceljs needs styles to tell dates from numbers; hyperlinks and the rest are not needed. */
export const STREAM_OPTIONS = { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' } as const

export function bytesStream(bytes: Buffer): Readable {
  return Readable.from(
    (function* chunks() {
      for (let offset = 0; offset < bytes.length; offset += 1 << 16) yield bytes.subarray(offset, offset + (1 << 16))
    })(),
  )
}

function rowCells(values: readonly unknown[], maxColumns: number): CellValue[] {
  const length = Math.min(values.length - 1, maxColumns)
  const cells: CellValue[] = new Array<CellValue>(Math.max(length, 0))
  for (let column = 1; column <= length; column++) cells[column - 1] = readCellValue(values[column])
  return cells
}

interface Candidate {
  formSheet: string
  sheetName: string
  rows: RawRow[]
  header: HeaderMatch
}

/**
 * Streams one worksheet. After the first rows it knows whether this sheet can beat the best so far
 * for any form sheet; if not it stops keeping rows but still consumes them (the zip is one stream).
 */
async function readSheet(
  worksheet: AsyncIterable<ExcelJS.Row> & { name: string },
  formSheets: readonly FormSheet[],
  best: Map<string, FoundSheet>,
  budget: { limits: ReadLimits; deadline: number; onRows?: (rows: number) => void; rowsSoFar: number; complete: Map<string, string[]> },
): Promise<Candidate[]> {
  const kept: RawRow[] = []
  let wanted: Candidate[] | null = null
  let count = 0
  for await (const row of worksheet) {
    count++
    if (count > budget.limits.maxRows) {
      throw new ReadFileError(`工作表“${worksheet.name}”超过 ${budget.limits.maxRows} 行：请删除多余的空行，或把名单拆成几个文件分别导入`)
    }
    if ((count & 255) === 0) {
      if (Date.now() > budget.deadline) throw new ReadFileError(`读取超时（超过 ${budget.limits.maxMillis / 1000} 秒）：文件过大或结构异常，请另存为 .xlsx 后拆分导入`)
      budget.onRows?.(budget.rowsSoFar + count)
    }
    if (wanted === null || wanted.length > 0) kept.push({ number: row.number, cells: rowCells(row.values as unknown[], budget.limits.maxColumns) })
    if (wanted === null && kept.length >= HEADER_SCAN_ROWS) wanted = candidates(worksheet.name, kept, formSheets, best, budget.complete)
  }
  budget.rowsSoFar += count
  return wanted ?? candidates(worksheet.name, kept, formSheets, best, budget.complete)
}

function candidates(sheetName: string, rows: RawRow[], formSheets: readonly FormSheet[], best: Map<string, FoundSheet>, complete: Map<string, string[]>): Candidate[] {
  const top = rows.slice(0, HEADER_SCAN_ROWS).map((row) => row.cells)
  return formSheets.flatMap((formSheet) => {
    const header = findHeader(top, formSheet)
    if (!header) return []
    if (header.requiredFound === formSheet.columns.filter((column) => column.required).length) {
      complete.set(formSheet.name, [...(complete.get(formSheet.name) ?? []), sheetName])
    }
    const current = best.get(formSheet.name)?.header ?? null
    return current && betterHeader(current, header) === current ? [] : [{ formSheet: formSheet.name, sheetName, rows, header }]
  })
}

/**
 * Reads the workbook and returns, for each form sheet, the worksheet whose header matches it best.
 * Throws ReadFileError for anything the clerk must fix in the file itself.
 */
export async function readWorkbook(
  name: string,
  bytes: Buffer,
  formSheets: readonly FormSheet[],
  options: ReadOptions = {},
): Promise<Map<string, FoundSheet>> {
  const limits = options.limits ?? DEFAULT_READ_LIMITS
  const entries = checkWorkbookBytes(name, bytes, limits)
  const best = new Map<string, FoundSheet>()
  const complete = new Map<string, string[]>()
  const budget = { limits, deadline: Date.now() + limits.maxMillis, onRows: options.onRows, rowsSoFar: 0, complete }
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(bytesStream(bytes), STREAM_OPTIONS)
    for await (const worksheet of reader) {
      const sheet = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name: string }
      for (const found of await readSheet(sheet, formSheets, best, budget)) {
        best.set(found.formSheet, { name: found.sheetName, header: found.header, rows: found.rows, merges: [], others: [] })
      }
    }
  } catch (error) {
    if (error instanceof ReadFileError) throw error
    throw new ReadFileError(MESSAGES.damaged)
  }
  await attachMerges(bytes, entries, best, limits)
  for (const [formSheet, found] of best) found.others = (complete.get(formSheet) ?? []).filter((sheet) => sheet !== found.name)
  return best
}

async function attachMerges(bytes: Buffer, entries: ZipEntry[], found: Map<string, FoundSheet>, limits: ReadLimits): Promise<void> {
  const paths = sheetPaths(bytes, entries)
  for (const sheet of found.values()) {
    const entry = entries.find((candidate) => candidate.name === paths.get(sheet.name))
    if (!entry) continue
    try {
      sheet.merges = await readMerges(bytes, entry, limits.maxMerges)
    } catch {
      throw new ReadFileError(`工作表“${sheet.name}”的合并单元格过多或已损坏：请取消合并后另存再导入`)
    }
  }
}
