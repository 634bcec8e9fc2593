// Every export and every print is recorded in the audit history (PIPL): who, when, which output,
// with what filter, how many rows, and whether ID and phone numbers were full. Output operations
// are declared with outputHandler, which writes that one entry after the output is made, so no
// output can forget it (tests/unit/audit/outputs.test.ts walks the handler table).
import type { z } from 'zod'
import { recordAudit } from '../audit/audit'
import type { CoreContext } from '../context'
import { findCounty } from '../domain/vocabularies'
import type { CliSpec, Handler } from '../handler'
import { operatorOf } from '../settings/settings'
import type { OutputKind } from './personalNumbers'

/** What one call wrote: the output's name and its rows; null when it wrote nothing. */
export interface OutputFacts {
  output: string
  rows: number
}

export interface OutputRecord extends OutputFacts {
  kind: OutputKind
  /** The filter in Chinese (年份 2026、县市 临夏市), or 无. */
  filter: string
  fullNumbers: boolean
}

export function recordOutput(ctx: CoreContext, record: OutputRecord): void {
  const verb = record.kind === 'export' ? '导出' : '打印'
  const numbers = record.fullNumbers ? '含完整身份证号码和联系电话' : '号码打码'
  const filter = record.filter === '无' ? '' : `（${record.filter}）`
  recordAudit(ctx.db, ctx.now(), operatorOf(ctx.db), {
    action: record.fullNumbers ? `${record.kind}-full-numbers` : record.kind,
    entity: 'output',
    summary: `${verb}“${record.output}”${filter}${numbers}，共 ${record.rows} 行`,
    after: { ...record },
  })
}

type Values = Record<string, unknown>

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : null

/** The filter words of the output inputs, in the order a clerk reads them. */
const FILTER_WORDS: readonly [key: string, word: string][] = [
  ['countyCode', '县市'],
  ['unit', '单位'],
  ['team', '服务队'],
  ['category', '类别'],
  ['political', '政治面貌'],
  ['task', '活动类别'],
  ['department', '责任科室'],
]

/** An output's input as the clerk would say it: 年份 2026、县市 临夏市、查询“mjg”. */
export function describeOutputFilter(input: Values): string {
  const parts: string[] = []
  const year = text(input.year)
  if (year) parts.push(`年份 ${year}`)
  const from = text(input.from)
  const to = text(input.to)
  if (from || to) parts.push(`期间 ${from ?? '…'} 至 ${to ?? '…'}`)
  const filters = (input.filters ?? {}) as Values
  for (const [key, word] of FILTER_WORDS) {
    const value = text(filters[key])
    if (!value) continue
    parts.push(`${word} ${key === 'countyCode' ? (findCounty(value)?.name ?? value) : value}`)
  }
  const q = text(filters.q)
  if (q) parts.push(`查询“${q}”`)
  if (typeof input.activity === 'number') parts.push(`活动编号 ${input.activity}`)
  if (Array.isArray(input.certificates)) parts.push(`证明 ${input.certificates.length} 份`)
  if (Array.isArray(input.volunteers)) parts.push(`志愿者 ${input.volunteers.length} 人`)
  if (typeof input.batch === 'number') parts.push(`导入批次 ${input.batch}`)
  else if (text(input.previewId)) parts.push('导入预览')
  if (input.roundHalf === true) parts.push('时长取整到 0.5 小时')
  return parts.length > 0 ? parts.join('、') : '无'
}

export interface OutputHandler<Schema extends z.ZodType, Result> extends Handler<Schema, Promise<Result>> {
  /** Marks the operation as an output, for the table test. */
  output: OutputKind
}

/**
 * Declares an export or print. `produce` makes the output and says what it wrote; the handler
 * records it (one audit entry per call) and returns the result.
 */
export function outputHandler<Schema extends z.ZodType, Result>(definition: {
  input: Schema
  output: OutputKind
  produce: (ctx: CoreContext, input: z.output<Schema>) => Promise<{ result: Result; facts: OutputFacts | null }>
  cli?: CliSpec
}): OutputHandler<Schema, Result> {
  const { produce, output, ...rest } = definition
  return {
    ...rest,
    output,
    run: async (ctx, input) => {
      const { result, facts } = await produce(ctx, input)
      if (facts) {
        const values = input as Values
        recordOutput(ctx, {
          kind: output,
          ...facts,
          filter: describeOutputFilter(values),
          fullNumbers: values.fullNumbers === true,
        })
      }
      return result
    },
  }
}
