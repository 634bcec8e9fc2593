// Shared set-up for the export tests: a real database in a temp folder, volunteers saved through
// the API, and the written workbook read back with exceljs.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { invoke } from '../../../src-main/core/api'
import { createContext, type CoreContext } from '../../../src-main/core/index'
import { listZipEntries, readZipText } from '../../../src-main/core/xlsx/readZip'

export const NOW = new Date('2026-11-29T08:00:00Z')

export interface TestDb {
  dir: string
  ctx: CoreContext
  close: () => void
}

export function openTestDb(prefix = 'ledger-export-', now: Date = NOW): TestDb {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const ctx = createContext(join(dir, 'ledger.db'), { now: () => now })
  return {
    dir,
    ctx,
    close: () => {
      ctx.db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export async function addVolunteer(ctx: CoreContext, fields: Record<string, string>) {
  return invoke(ctx, 'roster.save', { fields, mode: 'keep' })
}

export async function readWorkbook(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer)
  return workbook
}

/** The raw XML of one part of the package, to check what exceljs's reader would smooth over. */
export function partXml(data: Uint8Array, name: string): string {
  const bytes = Buffer.from(data)
  const entry = listZipEntries(bytes).find((candidate) => candidate.name === name)
  if (!entry) throw new Error(`no part ${name} in the workbook`)
  return readZipText(bytes, entry)
}

export function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name)
  if (!sheet) throw new Error(`no sheet ${name}`)
  return sheet
}

/** The merged ranges of a sheet as A1:P1 strings. */
export function mergesOf(sheet: ExcelJS.Worksheet): string[] {
  return (sheet.model as unknown as { merges: string[] }).merges
}

export function localStamp(date: Date): string {
  return `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, '0')}${String(date.getDate()).padStart(2, '0')}`
}

/** The header row (row 3) of a written form sheet, as text. */
export function headersOf(sheet: ExcelJS.Worksheet): unknown[] {
  const headers: unknown[] = []
  for (let column = 1; column <= sheet.columnCount; column++) headers.push(sheet.getCell(3, column).value)
  return headers
}

/** The data rows (from row 4 up to the blank row before the footer) as arrays of cell values. */
export function dataRowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = []
  for (let row = 4; sheet.getCell(row, 1).value !== null; row++) {
    const values: unknown[] = []
    for (let column = 1; column <= sheet.columnCount; column++) values.push(sheet.getCell(row, column).value)
    rows.push(values)
  }
  return rows
}
