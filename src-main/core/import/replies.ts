// The answers sent back to the schools of one batch (or of a preview not yet committed): every
// file with something to fix gets its own workbook with the bad cells marked and 问题汇总 first;
// a file that could not be read at all gets a short workbook saying why and what to do. So every
// school that has to act hears about it, and a school with nothing to fix gets nothing.
import { mkdirOwnerOnly, writeOwnerOnly } from '../fileModes'
import { join } from 'node:path'
import type { CoreContext } from '../context'
import { CoreError } from '../errors'
import { readSettings } from '../settings/settings'
import { buildErrorWorkbook, errorWorkbookName, ErrorWorkbookError, schoolIssues } from './errorWorkbook'
import { fileReplyWorkbook } from './errorSummary'
import { schoolFileError } from './schoolText'
import { previewSources } from './service'
import { failedFiles, filesWithIssues, findBatch } from './store'
import type { ImportIssue } from './types'

export interface ErrorWorkbook {
  file: string
  name: string
  /** marked: the school's file with the bad cells marked; reply: a file that could not be read. */
  kind: 'marked' | 'reply'
  /** Problems listed on 问题汇总. */
  problems: number
  path?: string
  data?: Uint8Array
  /** Why no workbook could be made for this file (the issues list still says what to fix). */
  error?: string
}

interface ReplySource {
  name: string
  position: number
  source: Buffer | null
  error?: string | null
  issues: ImportIssue[]
}

/** exceljs loads a whole workbook to edit it: beyond this a copy would cost too much memory. */
const ERROR_WORKBOOK_MAX_BYTES = 15 * 1024 * 1024

/**
 * 表3 reads two sheets from each file, so one school file stands in the batch twice (next to each
 * other): it goes back as one workbook with the issues of both sheets. A sheet of it that failed
 * (a column missing) is one more problem of that workbook.
 */
function oneEntryPerFile(sources: readonly ReplySource[]): ReplySource[] {
  const merged: ReplySource[] = []
  for (const source of [...sources].sort((a, b) => a.position - b.position)) {
    const last = merged.at(-1)
    const sameFile =
      last && last.name === source.name && (!last.source || !source.source || last.source.equals(source.source))
    if (!last || !sameFile) {
      merged.push({ ...source, issues: [...source.issues] })
      continue
    }
    last.issues.push(...source.issues)
    last.source ??= source.source
    if (source.error) last.error = last.error ? `${last.error}；${source.error}` : source.error
  }
  return merged
}

function fileIssue(source: ReplySource): ImportIssue[] {
  if (!source.error || !source.source) return []
  return [
    {
      file: source.name,
      fileIndex: source.position,
      sheet: null,
      row: null,
      column: null,
      cell: null,
      level: 'error',
      message: source.error,
    },
  ]
}

async function markedReply(
  source: ReplySource & { source: Buffer },
  context: { unitName: string; now: Date },
): Promise<Pick<ErrorWorkbook, 'data' | 'error' | 'problems' | 'kind'>> {
  const issues = [...fileIssue(source), ...source.issues]
  const problems = schoolIssues(issues).length
  if (source.source.length > ERROR_WORKBOOK_MAX_BYTES) {
    const data = await fileReplyWorkbook(
      {
        problem: '文件过大，无法在原文件上标注问题',
        fix: '请删除多余的工作表和图片后重新报送；问题清单请向教育局索取',
      },
      { file: source.name, ...context },
    )
    return { kind: 'reply', problems: 1, data }
  }
  try {
    return {
      kind: 'marked',
      problems,
      data: await buildErrorWorkbook(source.source, issues, { file: source.name, ...context }),
    }
  } catch (error) {
    const reason = error instanceof ErrorWorkbookError ? error.message : '表格结构特殊'
    return { kind: 'marked', problems, error: `此文件无法生成错误标注工作簿（${reason}）：请按问题清单逐条告知学校` }
  }
}

async function replyFor(
  source: ReplySource,
  context: { unitName: string; now: Date },
): Promise<Pick<ErrorWorkbook, 'data' | 'error' | 'problems' | 'kind'> | null> {
  if (source.source) {
    const issues = [...fileIssue(source), ...source.issues]
    return schoolIssues(issues).length > 0 ? markedReply({ ...source, source: source.source }, context) : null
  }
  const problem = source.error ? schoolFileError(source.error) : null
  return problem
    ? { kind: 'reply', problems: 1, data: await fileReplyWorkbook(problem, { file: source.name, ...context }) }
    : null
}

function batchSources(ctx: CoreContext, batch: number): ReplySource[] {
  if (!findBatch(ctx.db, batch)) throw new CoreError('NOT_FOUND', `找不到导入批次 ${batch}`)
  return [
    ...filesWithIssues(ctx.db, batch),
    ...failedFiles(ctx.db, batch).map((file) => ({ ...file, source: null, issues: [] })),
  ]
}

/** Error workbooks for a committed batch, or for a preview not yet committed. */
export async function errorWorkbooks(
  ctx: CoreContext,
  input: { batch?: number; previewId?: string; outDir?: string },
): Promise<{ workbooks: ErrorWorkbook[] }> {
  const sources =
    input.batch !== undefined
      ? batchSources(ctx, input.batch)
      : input.previewId
        ? previewSources(ctx, input.previewId)
        : null
  if (!sources) throw new CoreError('INVALID_INPUT', '请指定导入批次（--batch）或预览')
  if (input.outDir) mkdirOwnerOnly(input.outDir)
  const context = { unitName: readSettings(ctx.db).unitName, now: ctx.now() }
  const taken = new Set<string>()
  const workbooks: ErrorWorkbook[] = []
  for (const source of oneEntryPerFile(sources)) {
    const reply = await replyFor(source, context)
    if (!reply) continue
    const name = errorWorkbookName(source.name, taken, reply.kind === 'marked' ? '错误标注' : '问题说明')
    const { data, ...rest } = reply
    if (!data) workbooks.push({ file: source.name, name, ...rest })
    else if (input.outDir) {
      const path = join(input.outDir, name)
      writeOwnerOnly(path, data)
      workbooks.push({ file: source.name, name, ...rest, path })
    } else workbooks.push({ file: source.name, name, ...rest, data: new Uint8Array(data) })
  }
  return { workbooks }
}

/** One line per file for the terminal: what was written where, or why not. */
export function formatErrorWorkbooks(result: { workbooks: ErrorWorkbook[] }): string {
  if (result.workbooks.length === 0) return '没有需要退回学校的问题'
  const lines = result.workbooks.map((workbook) => {
    const what = workbook.kind === 'marked' ? `标注 ${workbook.problems} 个问题` : '文件未能读取，附说明'
    if (workbook.error) return `${workbook.file}\t未生成：${workbook.error}`
    return `${workbook.file}\t${what}\t${workbook.path ?? `${workbook.name}（未保存：请加 --out 文件夹）`}`
  })
  return [...lines, `共 ${result.workbooks.length} 个文件`].join('\n')
}
