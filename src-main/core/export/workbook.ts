// Turns written sheets into the bytes of an .xlsx file, and those bytes into what a handler
// returns: a file on disk (CLI, `out` given) or the bytes for the UI to save where the clerk chooses.
import { randomBytes } from 'node:crypto'
import { existsSync, renameSync, rmSync } from 'node:fs'
import { writeOwnerOnly } from '../fileModes'
import { basename, dirname, resolve } from 'node:path'
import { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { CoreContext } from '../context'
import { CoreError } from '../errors'
import type { FormSheet } from '../forms/types'
import { readSettings } from '../settings/settings'
import { writeFormSheet, type FormSheetContent } from '../xlsx/writeForm'
import { recordRows, type FieldValues } from './rows'

export interface ExportedWorkbook {
  data: Uint8Array
  rows: number
}

export type SavedExport = { file: string; rows: number } | { fileName: string; data: Uint8Array; rows: number }

const CREATOR = '志愿服务台账'

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}

/** A sink for the streaming writer: the zip arrives in chunks and is joined at the end. */
function collectingStream(): { stream: Writable; bytes: () => Uint8Array } {
  const chunks: Buffer[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk)
      done()
    },
  })
  return { stream, bytes: () => new Uint8Array(Buffer.concat(chunks)) }
}

export interface SheetToWrite {
  sheet: FormSheet
  content: Omit<FormSheetContent, 'onProgress'>
}

/** 填报单位 (the unit named in the settings) and 填报日期 (today by the core's clock), as every export heads its form. */
export function sheetHeading(ctx: CoreContext): Pick<FormSheetContent, 'unitName' | 'date'> {
  return { unitName: readSettings(ctx.db).unitName, date: ctx.now() }
}

/** A declared sheet of records under the usual heading; `title` fills the title's {year} or {period}. */
export function recordSheet(
  ctx: CoreContext,
  sheet: FormSheet,
  records: Iterable<FieldValues>,
  title: Pick<FormSheetContent, 'year' | 'period'> = {},
): SheetToWrite {
  return { sheet, content: { ...sheetHeading(ctx), ...title, rows: recordRows(sheet, records) } }
}

/**
 * Form sheets through exceljs's streaming writer: rows are flushed as they are written, so
 * 100,000 volunteers take tens of megabytes instead of gigabytes (the in-memory workbook keeps an
 * object per cell). Shared strings keep the file small: units, counties and teams repeat. Sheets
 * are written one after the other (表3 has two); `rows` counts the first sheet's data rows.
 */
export async function writeFormSheets(ctx: CoreContext, sheets: readonly SheetToWrite[]): Promise<ExportedWorkbook> {
  const sink = collectingStream()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink.stream,
    useStyles: true,
    useSharedStrings: true,
  })
  workbook.creator = CREATOR
  workbook.created = ctx.now()
  const job = `export:${sheets.map((part) => part.sheet.name).join('+')}`
  const counts: number[] = []
  for (const { sheet, content } of sheets) {
    const written = writeFormSheet(workbook, sheet, {
      ...content,
      onProgress: (done, total) => ctx.progress({ job, phase: '写入数据', message: sheet.name, done, total }),
    })
    written.worksheet.commit()
    counts.push(written.rowsWritten)
  }
  ctx.progress({ job, phase: '生成文件', done: 0, total: 1 })
  await workbook.commit()
  ctx.progress({ job, phase: '生成文件', done: 1, total: 1 })
  return { data: sink.bytes(), rows: counts[0] ?? 0 }
}

/** 志愿者花名册-20261129.xlsx: the form's label and the local date of the export. */
export function exportFileName(label: string, date: Date, suffix = ''): string {
  const stamp = `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, '0')}${String(date.getDate()).padStart(2, '0')}`
  return `${label}${suffix}-${stamp}.xlsx`
}

/**
 * Writes next to the target and renames, so a failed export never leaves half a workbook under
 * the name the clerk asked for. On Windows the rename fails while Excel has the file open.
 */
export function saveFile(out: string, data: Uint8Array | string, extension = '.xlsx'): string {
  const target = resolve(out.toLowerCase().endsWith(extension) ? out : `${out}${extension}`)
  if (!existsSync(dirname(target))) {
    throw new CoreError('FILE', `保存位置“${dirname(target)}”不存在，请先建立该文件夹或另选位置。`)
  }
  const temporary = `${target}.${randomBytes(4).toString('hex')}.tmp`
  try {
    writeOwnerOnly(temporary, data)
    renameSync(temporary, target)
  } catch (error) {
    rmSync(temporary, { force: true })
    const code = (error as NodeJS.ErrnoException).code
    const busy = code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
    throw new CoreError(
      'FILE',
      busy
        ? `无法写入“${basename(target)}”：文件可能正在 Excel 或 WPS 中打开，或没有写入权限。请关闭该文件后重试，或另选位置。`
        : `无法写入“${basename(target)}”：${(error as Error).message}`,
    )
  }
  return target
}

/** The handler's answer: saved to `out` when given, else the bytes and a suggested file name. */
export function deliver(exported: ExportedWorkbook, fileName: string, out: string | undefined): SavedExport {
  if (out) return { file: saveFile(out, exported.data), rows: exported.rows }
  return { fileName, data: exported.data, rows: exported.rows }
}
