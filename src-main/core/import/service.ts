// Import use cases. A preview parses and checks every file once and keeps the result in memory
// (the expensive part), so that committing it later does not read the files again.
import { randomUUID } from 'node:crypto'
import type { CoreContext } from '../context'
import { createBackup } from '../db/backup'
import { CoreError } from '../errors'
import { operatorOf } from '../settings/settings'
import { DEFAULT_READ_LIMITS } from '../xlsx/readGuard'
import { parseBatch } from './parseBatch'
import type { ParsedFile } from './parseFile'
import type { CommitHooks, PipelineOptions, PipelinePlan } from './pipeline'
import { pipelineFor } from './pipelines'
import { summarise, type Summary } from './summary'
import type { ImportSource, PlannedRow, RowAction } from './types'
import { maskIdNumber, maskPhone } from '../domain'
import { cellText, type CellValue } from '../xlsx/readCell'

export interface MappingOverride {
  fileIndex: number
  /** Form column name → 1-based column number; null removes a mapping. */
  columns: Record<string, number | null>
}

export interface PreviewInput extends PipelineOptions {
  form: string
  files: ImportSource[]
  mappings?: MappingOverride[]
}

export interface PreviewResult extends Summary {
  previewId: string
  form: string
  expiresAt: string
}

interface Pending {
  id: string
  dbPath: string
  form: string
  options: PipelineOptions
  expires: number
  files: ParsedFile<unknown>[]
  plan: PipelinePlan
}

/** Previews wait this long for a commit; a few at most, since each holds its parsed rows. */
const PREVIEW_TTL_MS = 60 * 60_000
const MAX_PENDING = 3
const pending = new Map<string, Pending>()

function expirePending(now: number): void {
  for (const [id, entry] of pending) if (entry.expires < now) pending.delete(id)
  while (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value as string)
}

export async function previewImport(
  ctx: CoreContext,
  input: PreviewInput,
  limits = DEFAULT_READ_LIMITS,
): Promise<PreviewResult> {
  const options: PipelineOptions = { year: input.year }
  const pipeline = pipelineFor(input.form, options)
  if (input.form === 'plan' && !input.year)
    throw new CoreError('INVALID_INPUT', '导入活动清单（表2）须指定年度，如 year: 2026（命令行 --year 2026）')
  const files = await parseBatch(ctx, input, pipeline, limits)
  ctx.progress({ job: 'import', phase: '校验', done: 0, total: files.length })
  const plan = pipeline.plan(ctx.db, files, options)
  const summary = summarise(files, plan.rows, plan.issues, plan.counts)
  expirePending(Date.now())
  const id = randomUUID()
  const expires = Date.now() + PREVIEW_TTL_MS
  pending.set(id, { id, dbPath: ctx.dbPath, form: input.form, options, expires, files, plan })
  ctx.progress({ job: 'import', phase: '校验', done: files.length, total: files.length })
  return { previewId: id, form: input.form, expiresAt: new Date(expires).toISOString(), ...summary }
}

function takePending(ctx: CoreContext, previewId: string, remove: boolean): Pending {
  const entry = pending.get(previewId)
  if (!entry || entry.expires < Date.now() || entry.dbPath !== ctx.dbPath) {
    throw new CoreError('NOT_FOUND', '导入预览已过期或不存在：请重新选择文件预览后再导入')
  }
  if (remove) pending.delete(previewId)
  return entry
}

export function cancelPreview(previewId: string): { cancelled: boolean } {
  return { cancelled: pending.delete(previewId) }
}

export interface RowsQuery {
  previewId: string
  fileIndex?: number
  action?: RowAction
  /** Only rows with an issue: the issues table shows their original values. */
  withIssues?: boolean
  offset: number
  limit: number
}

/** The preview's per-row plan, a page at a time (a big batch has far too many rows for one message). */
export function previewRows(ctx: CoreContext, query: RowsQuery): { total: number; rows: PlannedRow[] } {
  const entry = takePending(ctx, query.previewId, false)
  const rows: PlannedRow[] = []
  let total = 0
  const withIssue = new Set(
    [...entry.files.flatMap((file) => file.issues), ...entry.plan.issues].map(
      (issue) => `${issue.fileIndex}:${issue.row}`,
    ),
  )
  for (const file of entry.files) {
    if (query.fileIndex !== undefined && file.index !== query.fileIndex) continue
    for (const row of file.rows) {
      const planned = entry.plan.rows.get(row) ?? { action: 'rejected' as const, changes: [] }
      if (query.action && planned.action !== query.action) continue
      if (query.withIssues && !withIssue.has(`${file.index}:${row.row}`)) continue
      total++
      if (total <= query.offset || rows.length >= query.limit) continue
      rows.push({
        fileIndex: file.index,
        file: file.name,
        sheet: file.result.sheet ?? '',
        row: row.row,
        action: planned.action,
        name: itemName(row.item) ?? cellText(row.values?.['姓名'] ?? row.values?.['活动名称'] ?? null),
        idMasked: maskIdNumber(itemIdNumber(row.item)),
        changes: planned.changes,
        values: row.values ? maskedValues(row.values) : {},
      })
    }
  }
  return { total, rows }
}

function itemName(item: unknown): string | undefined {
  return (item as { name?: string } | null)?.name
}

function itemIdNumber(item: unknown): string | undefined {
  return (item as { idNumber?: string } | null)?.idNumber
}

/** A rejected row's ID may be wrong but is still a person's number: show it masked too. */
function maskedValues(values: Record<string, CellValue>): Record<string, string> {
  const copy = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, cellText(value)]))
  if (copy['身份证号码']) copy['身份证号码'] = maskIdNumber(copy['身份证号码'])
  if (copy['联系电话']) copy['联系电话'] = maskPhone(copy['联系电话'])
  return copy
}

export interface CommitResult extends Summary {
  batch: number
}

export async function commitPreview(
  ctx: CoreContext,
  previewId: string,
  hooks: CommitHooks = {},
): Promise<CommitResult> {
  // Only the parsed files go on: the preview's plan is made again inside the transaction and the
  // old one is left for the garbage collector (two plans of 100,000 rows would double the memory).
  const { files, form, options } = takePending(ctx, previewId, true)
  ctx.progress({ job: 'import', phase: '写入', done: 0, total: 1 })
  await createBackup(ctx, 'import')
  const { batch, summary } = pipelineFor(form, options).write(ctx, files, operatorOf(ctx.db), hooks, options)
  ctx.progress({ job: 'import', phase: '写入', done: 1, total: 1 })
  return { batch, ...summary }
}

/** A preview's files with their bytes and every issue (reading and deduplication), for error workbooks. */
export function previewSources(ctx: CoreContext, previewId: string) {
  const entry = takePending(ctx, previewId, false)
  return entry.files.map((file) => ({
    name: file.name,
    position: file.index,
    source: file.bytes,
    error: file.result.status === 'failed' ? (file.result.error ?? null) : null,
    issues: [...file.issues, ...entry.plan.issues.filter((issue) => issue.fileIndex === file.index)],
  }))
}
