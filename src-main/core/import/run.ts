// Preview and commit in one call, with the result in the shape the CLI prints (`import --json`).
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CoreContext } from '../context'
import { CoreError } from '../errors'
import { buildErrorWorkbook, errorWorkbookName } from './errorWorkbook'
import { commitPreview, cancelPreview, previewImport, previewSources, type PreviewInput } from './service'
import { filesWithIssues, findBatch } from './store'
import type { Summary } from './summary'
import type { FileResult, ImportIssue } from './types'

export interface RunInput extends PreviewInput {
  dryRun?: boolean
}

export interface RunOutput {
  batch: number | null
  files: Pick<FileResult, 'file' | 'status' | 'error' | 'sheet' | 'headerRow' | 'rows' | 'accepted' | 'rejected' | 'warnings'>[]
  issues: Pick<ImportIssue, 'file' | 'sheet' | 'row' | 'column' | 'level' | 'message'>[]
  totals: { accepted: number; rejected: number; warnings: number; created: number; updated: number; unchanged: number }
}

function toRunOutput(batch: number | null, summary: Summary): RunOutput {
  return {
    batch,
    files: summary.files.map((file) => ({
      file: file.file, status: file.status, ...(file.error ? { error: file.error } : {}),
      sheet: file.sheet, headerRow: file.headerRow, rows: file.rows, accepted: file.accepted, rejected: file.rejected, warnings: file.warnings,
    })),
    issues: summary.issues.map((issue) => ({ file: issue.file, sheet: issue.sheet, row: issue.row, column: issue.column, level: issue.level, message: issue.message })),
    totals: {
      accepted: summary.totals.accepted, rejected: summary.totals.rejected, warnings: summary.totals.warnings,
      created: summary.totals.created, updated: summary.totals.updated, unchanged: summary.totals.unchanged,
    },
  }
}

export async function runImport(ctx: CoreContext, input: RunInput): Promise<RunOutput> {
  const preview = await previewImport(ctx, input)
  if (input.dryRun) {
    cancelPreview(preview.previewId)
    return toRunOutput(null, preview)
  }
  const committed = await commitPreview(ctx, preview.previewId)
  return toRunOutput(committed.batch, committed)
}

/** 0 when every file imported and every row was accepted; 1 otherwise. */
export function runExitCode(output: RunOutput): number {
  return output.files.some((file) => file.status === 'failed') || output.totals.rejected > 0 ? 1 : 0
}

export interface ErrorWorkbook {
  file: string
  name: string
  path?: string
  data?: Uint8Array
  /** Why no workbook could be made for this file (the issues list still says what to fix). */
  error?: string
}

/** exceljs loads a whole workbook to edit it: beyond this a copy would cost too much memory. */
const ERROR_WORKBOOK_MAX_BYTES = 15 * 1024 * 1024

async function markedCopy(source: Buffer, issues: ImportIssue[]): Promise<{ data?: Buffer; error?: string }> {
  if (source.length > ERROR_WORKBOOK_MAX_BYTES) return { error: '文件过大，未生成错误标注工作簿：请按问题清单逐条修改' }
  try {
    return { data: await buildErrorWorkbook(source, issues) }
  } catch {
    return { error: '此文件无法生成错误标注工作簿（表格结构特殊）：请按问题清单逐条修改' }
  }
}

/**
 * 表3 reads two sheets from each file, so one school file stands in the batch twice: it goes back to
 * the school as one copy with the issues of both sheets marked.
 */
function oneCopyPerFile<Source extends { name: string; source: Buffer | null; issues: ImportIssue[] }>(sources: readonly Source[]): Source[] {
  const merged: Source[] = []
  for (const source of sources) {
    const twin = merged.find((kept) => kept.name === source.name && kept.source && source.source && kept.source.equals(source.source))
    if (twin) twin.issues = [...twin.issues, ...source.issues]
    else merged.push({ ...source, issues: [...source.issues] })
  }
  return merged
}

/** Error workbooks for a committed batch, or for a preview not yet committed. */
export async function errorWorkbooks(ctx: CoreContext, input: { batch?: number; previewId?: string; outDir?: string }): Promise<{ workbooks: ErrorWorkbook[] }> {
  const sources = input.batch !== undefined ? filesWithIssues(ctx.db, input.batch) : input.previewId ? previewSources(ctx, input.previewId) : null
  if (!sources) throw new CoreError('INVALID_INPUT', '请指定导入批次（--batch）或预览')
  if (input.batch !== undefined && !findBatch(ctx.db, input.batch)) throw new CoreError('NOT_FOUND', `找不到导入批次 ${input.batch}`)
  if (input.outDir) mkdirSync(input.outDir, { recursive: true })
  const taken = new Set<string>()
  const workbooks: ErrorWorkbook[] = []
  for (const source of oneCopyPerFile(sources)) {
    if (!source.source || source.issues.length === 0) continue
    const name = errorWorkbookName(source.name, taken)
    const { data, error } = await markedCopy(source.source, source.issues)
    if (!data) workbooks.push({ file: source.name, name, error })
    else if (input.outDir) {
      const path = join(input.outDir, name)
      writeFileSync(path, data)
      workbooks.push({ file: source.name, name, path })
    } else workbooks.push({ file: source.name, name, data: new Uint8Array(data) })
  }
  return { workbooks }
}
