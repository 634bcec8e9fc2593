// Reads a school's workbook for import, straight from the zip: workbook.xml and its relations
// first (so every sheet has its real name and part, whatever order the writing tool zipped them
// in), then the shared strings and the date styles, then each worksheet streamed in workbook order
// through a byte-level tokenizer (xmlScan.ts). Only the rows of the sheet that best matches each
// form sheet are kept, as bare value arrays; a sheet whose first rows show it cannot win is left
// after those rows, not inflated further. Why not exceljs: its streaming reader names sheets from
// workbook.xml only if that part comes first in the zip (openpyxl and pandas write it last, so
// sheets came out as Sheet1, Sheet2), skips merged cells, and spends most of an import's reading
// time in its general SAX parser and object model; exceljs still writes every workbook we produce.
import type { FormSheet } from '../forms/types'
import type { CellValue } from './readCell'
import { DEFAULT_READ_LIMITS, MESSAGES, ReadFileError, checkWorkbookBytes, type ReadLimits } from './readGuard'
import { betterHeader, findHeader, HEADER_SCAN_ROWS, type HeaderMatch } from './readHeader'
import { readDateStyles, readWorkbookParts, type SheetPart } from './readParts'
import { readSharedStrings } from './readSharedStrings'
import { readSheetRows, type MergeRange, type SheetStyles } from './readSheet'

export type { MergeRange } from './readSheet'

export interface RawRow {
  /** The Excel row number. */
  number: number
  /** cells[0] is column A. */
  cells: CellValue[]
}

export interface FoundSheet {
  name: string
  header: HeaderMatch
  /** Every row of the sheet as read, header and rows above it included, in row order. */
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

interface Budget {
  limits: ReadLimits
  deadline: number
  onRows?: (rows: number) => void
  rowsSoFar: number
  /** Form sheet → sheets whose header has every required column. */
  complete: Map<string, string[]>
}

interface Candidate {
  formSheet: string
  header: HeaderMatch
}

function timedOut(limits: ReadLimits): ReadFileError {
  return new ReadFileError(
    `读取超时（超过 ${limits.maxMillis / 1000} 秒）：文件过大或结构异常，请另存为 .xlsx 后拆分导入`,
  )
}

/** Which form sheets this sheet would beat the best so far for, judged on its first rows. */
function candidates(
  sheetName: string,
  rows: readonly RawRow[],
  formSheets: readonly FormSheet[],
  best: Map<string, FoundSheet>,
  complete: Map<string, string[]>,
): Candidate[] {
  const top = rows.slice(0, HEADER_SCAN_ROWS).map((row) => row.cells)
  return formSheets.flatMap((formSheet) => {
    const header = findHeader(top, formSheet)
    if (!header) return []
    if (header.requiredFound === formSheet.columns.filter((column) => column.required).length) {
      complete.set(formSheet.name, [...(complete.get(formSheet.name) ?? []), sheetName])
    }
    const current = best.get(formSheet.name)?.header ?? null
    return current && betterHeader(current, header) === current ? [] : [{ formSheet: formSheet.name, header }]
  })
}

/** Rows arrive in document order; a writer may put them out of order, and the importer wants them by number. */
function inRowOrder(rows: RawRow[]): RawRow[] {
  for (let index = 1; index < rows.length; index++) {
    if ((rows[index] as RawRow).number < (rows[index - 1] as RawRow).number)
      return rows.sort((a, b) => a.number - b.number)
  }
  return rows
}

/** Streams one sheet; after its first rows it knows whether it is wanted, and stops if not. */
async function readOneSheet(
  bytes: Buffer,
  sheet: SheetPart,
  styles: SheetStyles,
  formSheets: readonly FormSheet[],
  best: Map<string, FoundSheet>,
  budget: Budget,
): Promise<void> {
  const { limits } = budget
  const kept: RawRow[] = []
  let wanted: Candidate[] | null = null
  let count = 0
  const result = await readSheetRows(bytes, sheet.entry, sheet.name, styles, {
    maxColumns: limits.maxColumns,
    maxMerges: limits.maxMerges,
    onRow(number, cells) {
      if (++count > limits.maxRows) {
        throw new ReadFileError(
          `工作表“${sheet.name}”超过 ${limits.maxRows} 行：请删除多余的空行，或把名单拆成几个文件分别导入`,
        )
      }
      if ((count & 255) === 0) {
        if (Date.now() > budget.deadline) throw timedOut(limits)
        budget.onRows?.(budget.rowsSoFar + count)
      }
      kept.push({ number, cells })
      if (wanted === null && kept.length >= HEADER_SCAN_ROWS)
        wanted = candidates(sheet.name, kept, formSheets, best, budget.complete)
      return wanted === null || wanted.length > 0
    },
  })
  budget.rowsSoFar += count
  if (Date.now() > budget.deadline) throw timedOut(limits)
  const chosen = wanted ?? candidates(sheet.name, kept, formSheets, best, budget.complete)
  if (chosen.length === 0) return
  const rows = inRowOrder(kept)
  for (const found of chosen)
    best.set(found.formSheet, { name: sheet.name, header: found.header, rows, merges: result.merges, others: [] })
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
  const budget: Budget = {
    limits,
    deadline: Date.now() + limits.maxMillis,
    onRows: options.onRows,
    rowsSoFar: 0,
    complete: new Map(),
  }
  try {
    const book = readWorkbookParts(bytes, entries)
    const styles: SheetStyles = {
      strings: await readSharedStrings(bytes, book.sharedStrings, limits.maxRows * limits.maxColumns),
      dateStyles: readDateStyles(bytes, book.styles),
      date1904: book.date1904,
    }
    for (const sheet of book.sheets) await readOneSheet(bytes, sheet, styles, formSheets, best, budget)
  } catch (error) {
    // Anything else a part can throw (bad XML, a bad deflate stream, sizes that lie) means the file is damaged.
    if (error instanceof ReadFileError) throw error
    throw new ReadFileError(MESSAGES.damaged)
  }
  for (const [formSheet, found] of best)
    found.others = (budget.complete.get(formSheet) ?? []).filter((sheet) => sheet !== found.name)
  return best
}
