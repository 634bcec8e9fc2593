// One worksheet's rows and merged ranges, in one streaming pass over its XML. Cell values follow
// readCellValue's rules (readCell.ts) as exceljs gave them before: shared and inline strings as
// text, numbers as numbers (so an ID typed into a number cell, digits already lost, is still seen
// as a number and refused), a number in a date style as its day (YYYY-MM-DD), booleans as
// TRUE/FALSE, errors as their text (#N/A), and a formula as its cached result, never evaluated.
//
// Merged ranges: <mergeCells> comes after <sheetData> in a sheet's XML, so they are collected in
// the same pass, after the rows, and applied in place to the rows kept (import/rows.ts) — no second
// inflate of the sheet, and no row waits on them before it is kept.
import type { CellValue } from './readCell'
import { formatDateSerial } from './readCell'
import { ReadFileError } from './readGuard'
import type { ZipEntry } from './readZip'
import { scanPart } from './scanPart'
import { attribute, decodeText, type TagHandler } from './xmlScan'

export interface MergeRange {
  top: number
  left: number
  bottom: number
  right: number
}

export interface SheetStyles {
  strings: readonly string[]
  dateStyles: readonly boolean[]
  date1904: boolean
}

export interface SheetReadOptions {
  maxColumns: number
  maxMerges: number
  /** Called for each row; returning false stops reading the sheet (its rows are not wanted). */
  onRow: (number: number, cells: CellValue[]) => boolean
}

const LETTER_A = 0x41
const DIGIT_0 = 0x30

/** Column number from the letters of a cell reference (B7 → 2), or 0 when there is none. */
function columnOfRef(buf: Buffer, start: number, end: number): number {
  const at = refAttribute(buf, start, end)
  if (at < 0) return 0
  let column = 0
  for (let index = at; index < end; index++) {
    const byte = (buf[index] as number) & 0xdf // upper-case
    if (byte < LETTER_A || byte > LETTER_A + 25) break
    column = column * 26 + (byte - LETTER_A + 1)
  }
  return column
}

/** Start of the value of the r="…" attribute (fast path for the common spelling), or -1. */
function refAttribute(buf: Buffer, start: number, end: number): number {
  for (let index = start; index + 3 < end; index++) {
    if (buf[index] === 0x72 && buf[index + 1] === 0x3d && (buf[index + 2] === 0x22 || buf[index + 2] === 0x27)) {
      const before = buf[index - 1] as number
      if (before === 0x20 || before === 0x0a || before === 0x0d || before === 0x09) return index + 3
    }
  }
  return -1
}

function digitsOf(text: string | null): number {
  if (text === null) return 0
  let value = 0
  for (let index = 0; index < text.length; index++) {
    const digit = text.charCodeAt(index) - DIGIT_0
    if (digit < 0 || digit > 9) break
    value = value * 10 + digit
  }
  return value
}

function columnNumber(letters: string): number {
  let value = 0
  for (const char of letters) value = value * 26 + (char.charCodeAt(0) - 64)
  return value
}

/** "B5:B40" (or one cell "B5") as a range; null for anything else. */
export function parseRange(ref: string): MergeRange | null {
  const match = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(ref.toUpperCase().replace(/\$/g, ''))
  if (!match) return null
  const left = columnNumber(match[1] as string)
  const top = Number(match[2])
  const range = {
    top,
    left,
    right: match[3] ? columnNumber(match[3]) : left,
    bottom: match[4] ? Number(match[4]) : top,
  }
  return range.right >= range.left && range.bottom >= range.top && top > 0 ? range : null
}

type CellType = 'n' | 's' | 'str' | 'inlineStr' | 'b' | 'e' | 'd'

class SheetHandler implements TagHandler {
  capturing = false
  stopped = false
  readonly merges: MergeRange[] = []
  rowCount = 0
  private rowNumber = 0
  private cells: CellValue[] = []
  private inRow = false
  private column = 0
  private type: CellType = 'n'
  private style = 0
  private hasFormula = false
  private value: string | null = null
  private inInline = false
  private phonetic = 0

  constructor(
    private readonly styles: SheetStyles,
    private readonly options: SheetReadOptions,
    private readonly sheetName: string,
  ) {}

  open(name: string, buf: Buffer, start: number, end: number, selfClosing: boolean): void {
    switch (name) {
      case 'row': {
        const number = digitsOf(attribute(buf, start, end, 'r'))
        this.rowNumber = number > 0 ? number : this.rowNumber + 1
        this.cells = []
        this.column = 0
        this.inRow = true
        break
      }
      case 'c': {
        const column = columnOfRef(buf, start, end)
        this.column = column > 0 ? column : this.column + 1
        this.type = (attribute(buf, start, end, 't') as CellType | null) ?? 'n'
        this.style = digitsOf(attribute(buf, start, end, 's'))
        this.hasFormula = false
        this.value = null
        break
      }
      case 'v':
        if (!selfClosing) this.startText()
        break
      case 'f':
        this.hasFormula = true
        break
      case 'is':
        this.inInline = true
        this.value = ''
        break
      case 'rPh':
        this.phonetic++
        break
      case 't':
        if (this.inInline && this.phonetic === 0 && !selfClosing) this.capturing = true
        break
      case 'mergeCell':
        this.addMerge(attribute(buf, start, end, 'ref'))
        break
    }
  }

  private startText(): void {
    this.value = ''
    this.capturing = true
  }

  close(name: string): void {
    switch (name) {
      case 'v':
      case 't':
        this.capturing = false
        break
      case 'is':
        this.inInline = false
        break
      case 'rPh':
        this.phonetic--
        break
      case 'c':
        if (this.inRow && this.column <= this.options.maxColumns) {
          const value = this.cellValue()
          if (value !== null) this.cells[this.column - 1] = value
        }
        break
      case 'row':
        this.endRow()
        break
    }
  }

  text(buf: Buffer, start: number, end: number, cdata: boolean): void {
    const piece =
      this.type === 'n' || this.type === 's' ? buf.toString('latin1', start, end) : decodeText(buf, start, end, cdata)
    this.value = this.value ? this.value + piece : piece
  }

  private cellValue(): CellValue {
    const text = this.value
    if (text === null) return null
    switch (this.type) {
      case 's':
        return text === '' ? null : this.styles.strings[digitsOf(text)] || null
      case 'str':
      case 'inlineStr':
      case 'e':
        return text === '' ? null : text
      case 'b':
        return text.trim() === '' ? null : Number(text) !== 0 ? 'TRUE' : 'FALSE'
      case 'd':
        return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : text || null
      default: {
        const number = parseFloat(text)
        if (!Number.isFinite(number)) return null
        return this.styles.dateStyles[this.style] ? formatDateSerial(number, this.styles.date1904) || null : number
      }
    }
  }

  private endRow(): void {
    this.inRow = false
    this.rowCount++
    const cells = this.cells
    // Holes (cells not written) read as null, as every cell before the last one with a value.
    for (let index = 0; index < cells.length; index++) if (cells[index] === undefined) cells[index] = null
    if (!this.options.onRow(this.rowNumber, cells)) this.stopped = true
  }

  private addMerge(ref: string | null): void {
    const range = ref === null ? null : parseRange(ref)
    if (!range)
      throw new ReadFileError(
        `工作表“${this.sheetName}”的合并单元格已损坏（${ref ?? '无范围'}）：请取消合并后另存再导入`,
      )
    this.merges.push(range)
    if (this.merges.length > this.options.maxMerges) {
      throw new ReadFileError(
        `工作表“${this.sheetName}”的合并单元格过多（超过 ${this.options.maxMerges} 处）：请取消合并后另存再导入`,
      )
    }
  }
}

/** Streams the sheet; returns its merged ranges (empty when reading stopped early) and how many rows it read. */
export async function readSheetRows(
  bytes: Buffer,
  entry: ZipEntry,
  sheetName: string,
  styles: SheetStyles,
  options: SheetReadOptions,
): Promise<{ merges: MergeRange[]; rows: number; complete: boolean }> {
  const handler = new SheetHandler(styles, options, sheetName)
  await scanPart(bytes, entry, handler)
  return { merges: handler.merges, rows: handler.rowCount, complete: !handler.stopped }
}
