// Reading an error workbook back for the tests: every cell's look, the comments, the validation
// ranges of the sheet XML, and the 问题汇总 rows.
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { sheetParts } from '../../../src-main/core/xlsx/writePatch'

export async function loadBook(data: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer)
  return book
}

/** JSON with keys sorted: a rewritten file may list a font's attributes in another order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  )
}

/** fill, font and border of every cell that exists in either sheet, by address. */
export function cellLooks(sheet: ExcelJS.Worksheet, rows: number, columns: number): Map<string, string> {
  const looks = new Map<string, string>()
  for (let row = 1; row <= rows; row++) {
    for (let column = 1; column <= columns; column++) {
      const cell = sheet.getCell(row, column)
      looks.set(
        cell.address,
        canonical({ fill: cell.fill ?? null, font: cell.font ?? null, border: cell.border ?? null }),
      )
    }
  }
  return looks
}

/** Addresses whose look differs between two sheets. */
export function changedCells(before: ExcelJS.Worksheet, after: ExcelJS.Worksheet): string[] {
  const rows = Math.max(before.rowCount, after.rowCount)
  const columns = Math.max(before.columnCount, after.columnCount)
  const old = cellLooks(before, rows, columns)
  const changed: string[] = []
  for (const [address, look] of cellLooks(after, rows, columns)) if (old.get(address) !== look) changed.push(address)
  return changed.sort()
}

export function fillOf(cell: ExcelJS.Cell): string | undefined {
  return (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb
}

export function noteText(cell: ExcelJS.Cell): string {
  const note = cell.note as string | ExcelJS.Comment | undefined
  if (!note) return ''
  return typeof note === 'string' ? note : (note.texts ?? []).map((text) => text.text).join('')
}

/** Address → comment text of every commented cell. */
export function notes(sheet: ExcelJS.Worksheet): Map<string, string> {
  const found = new Map<string, string>()
  sheet.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const text = noteText(cell)
      if (text) found.set(cell.address, text)
    }),
  )
  return found
}

/** The XML of the sheet of that name. */
export async function sheetXml(data: Uint8Array | Buffer, sheetName: string): Promise<string> {
  const zip = await JSZip.loadAsync(data)
  const part = (await sheetParts(zip)).get(sheetName)
  if (!part) throw new Error(`no sheet ${sheetName}`)
  return (await zip.file(part)?.async('string')) ?? ''
}

/** Every <dataValidation>'s sqref and type/formula of a sheet, as written in its XML. */
export async function validations(data: Uint8Array | Buffer, sheetName: string): Promise<string[]> {
  const xml = await sheetXml(data, sheetName)
  return (xml.match(/<dataValidation\b[\s\S]*?(?:\/>|<\/dataValidation>)/g) ?? [])
    .map((item) => {
      const sqref = item.match(/sqref="([^"]*)"/)?.[1] ?? ''
      const formula = item.match(/<formula1>([\s\S]*?)<\/formula1>/)?.[1] ?? ''
      return `${sqref}|${formula}`
    })
    .sort()
}

export async function partText(data: Uint8Array | Buffer, pattern: RegExp): Promise<string[]> {
  const zip = await JSZip.loadAsync(data)
  const names = Object.keys(zip.files).filter((name) => pattern.test(name))
  return Promise.all(names.map(async (name) => (await zip.file(name)?.async('string')) ?? ''))
}

/** The rows of 问题汇总 below its header: 工作表, 行, 列, 类别, 问题, 如何修改. */
export function summaryRows(book: ExcelJS.Workbook): string[][] {
  const sheet = book.getWorksheet('问题汇总')
  if (!sheet) throw new Error('no 问题汇总')
  const rows: string[][] = []
  for (let row = 4; row <= sheet.rowCount; row++) {
    // Numbered rows only: the note below them is not a problem.
    if (typeof sheet.getCell(row, 1).value !== 'number') break
    rows.push([2, 3, 4, 5, 6, 7].map((column) => String(sheet.getCell(row, column).value ?? '')))
  }
  return rows
}

/**
 * Types values into existing cells of a workbook without any library rewriting the file, as a
 * school filling the bureau's template in Excel would: each `<c r="B4" s="5"/>` of the template's
 * blank rows becomes an inline-string cell with the same style; nothing else of the file changes.
 */
export async function typeIntoCells(
  data: Uint8Array | Buffer,
  sheetName: string,
  values: Record<string, string>,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data)
  const part = (await sheetParts(zip)).get(sheetName)
  if (!part) throw new Error(`no sheet ${sheetName}`)
  let xml = (await zip.file(part)?.async('string')) ?? ''
  for (const [address, value] of Object.entries(values)) {
    const pattern = new RegExp(`<c r="${address}"( s="\\d+")?\\s*/>`)
    if (!pattern.test(xml)) throw new Error(`no empty cell ${address} in ${sheetName}`)
    const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;')
    xml = xml.replace(
      pattern,
      (_all, style: string | undefined) =>
        `<c r="${address}"${style ?? ''} t="inlineStr"><is><t>${escaped}</t></is></c>`,
    )
  }
  zip.file(part, xml)
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

/** Cells covered by more than one validation range (Excel calls such a file damaged). */
export function overlappingValidations(items: readonly string[]): string[] {
  const seen = new Map<string, string>()
  const overlaps: string[] = []
  for (const item of items) {
    for (const range of (item.split('|')[0] ?? '').split(' ')) {
      const [from, to = from] = range.split(':') as [string, string?]
      const start = from.match(/^([A-Z]+)(\d+)$/)
      const end = to.match(/^([A-Z]+)(\d+)$/)
      if (!start || !end || start[1] !== end[1]) continue
      for (let row = Number(start[2]); row <= Number(end[2]); row++) {
        const cell = `${start[1]}${row}`
        if (seen.has(cell) && seen.get(cell) !== item) overlaps.push(cell)
        seen.set(cell, item)
      }
    }
  }
  return overlaps
}
