// 报送情况: the returns inbox for a period and the units directory (returns/inbox.ts), and its
// 未报送提醒名单 as a workbook; the same list prints as `print.document` report 'returns-reminder'.
import { z } from 'zod'
import type { CoreContext } from '../context'
import { CoreError } from '../errors'
import { handler } from '../handler'
import { hostPath } from '../hostPath'
import { localDay } from '../plan/plannedTime'
import { countyFilter } from '../reference/countyFilter'
import { resolvePeriod, type Period } from '../reports/period'
import { deliver, exportFileName, type SavedExport } from '../export/workbook'
import { RETURN_FORMS, returnsInbox, type Inbox, type ReturnSent } from './inbox'
import { exportReminder } from './reminder'
import { yearInput } from '../yearInput'

const MONTH = /^\d{4}-\d{2}$/

/** A day, or a month (2026-03) meaning its first day (from) or its last (to). */
const dayOrMonth = (end: 'from' | 'to') =>
  z
    .string()
    .trim()
    .max(10)
    .optional()
    .transform((value) => {
      if (!value || !MONTH.test(value)) return value || undefined
      if (end === 'from') return `${value}-01`
      const [year, month] = value.split('-').map(Number) as [number, number]
      return `${value}-${String(new Date(year, month, 0).getDate()).padStart(2, '0')}`
    })

export const returnsFilterFields = {
  year: yearInput().optional(),
  from: dayOrMonth('from'),
  to: dayOrMonth('to'),
  countyCode: countyFilter,
  kind: z.string().trim().max(50).optional(),
}

const inboxInput = z.object(returnsFilterFields)
type InboxInput = z.output<typeof inboxInput>

export function inboxPeriod(ctx: CoreContext, input: { year?: number; from?: string; to?: string }): Period {
  return resolvePeriod(input, ctx.now())
}

function inboxOf(ctx: CoreContext, input: InboxInput): Inbox {
  const inbox = returnsInbox(ctx.db, inboxPeriod(ctx, input), { countyCode: input.countyCode, kind: input.kind })
  if (input.kind && !inbox.kinds.includes(input.kind))
    throw new CoreError(
      'INVALID_INPUT',
      `单位名录中没有类型为“${input.kind}”的单位，可选：${inbox.kinds.join('、') || '（名录中尚未填写单位类型）'}`,
    )
  return inbox
}

function sentText(sent: ReturnSent | null): string {
  if (!sent) return '未报送'
  const problems = [
    sent.failedFiles ? `${sent.failedFiles} 个文件无法读取` : '',
    sent.rejected ? `退回 ${sent.rejected} 行` : '',
    sent.warnings ? `警告 ${sent.warnings} 条` : '',
  ].filter(Boolean)
  return `${localDay(new Date(sent.at))} ${sent.rows} 行${problems.length ? `（${problems.join('，')}）` : ''}`
}

function formatInbox(inbox: Inbox): string {
  const { totals } = inbox
  if (totals.units === 0)
    return `单位名录中没有符合条件的单位：请先在“基础数据 → 单位名录”中登记学校，或放宽县市、类型条件。`
  const lines = inbox.rows.map((row) =>
    [
      row.status,
      row.countyName ?? '（县市未填）',
      row.unit,
      ...RETURN_FORMS.map((entry) => `${entry.label}：${sentText(row[entry.form])}`),
    ].join('  '),
  )
  lines.push(
    `${inbox.period.label}：共 ${totals.units} 个单位，已报送 ${totals.complete}，部分报送 ${totals.partial}，未报送 ${totals.none}，有问题 ${totals.withProblems}`,
  )
  return lines.join('\n')
}

export const returnsHandlers = {
  'returns.inbox': handler({
    input: inboxInput,
    run: inboxOf,
    cli: {
      command: 'returns inbox',
      flags: { year: 'year', from: 'from', to: 'to', county: 'countyCode', kind: 'kind' },
      summary:
        '报送情况：单位名录中各单位在期间内是否报送了表1 花名册和表3 活动登记、最近一次的时间和问题数：--year 年度 | --from 2026-03 --to 2026-06 [--county 县市] [--kind 单位类型]',
      format: ((inbox: Inbox) => formatInbox(inbox)) as (result: never) => string,
    },
  }),
  'returns.reminder.export': handler({
    input: inboxInput.extend({ out: hostPath(z.string().trim().min(1).max(1000).optional()) }),
    run: async (ctx, input): Promise<SavedExport> => {
      const period = inboxPeriod(ctx, input)
      inboxOf(ctx, input)
      const exported = await exportReminder(ctx, period, { countyCode: input.countyCode, kind: input.kind })
      return deliver(exported, exportFileName('未报送提醒名单', ctx.now(), `（${period.label}）`), input.out)
    },
    cli: {
      command: 'returns reminder',
      flags: { year: 'year', from: 'from', to: 'to', county: 'countyCode', kind: 'kind', out: 'out' },
      summary:
        '导出未报送提醒名单（单位、县市、缺报内容、名录备注中的联系人）：--year 年度 [--county] [--kind] --out 文件.xlsx',
      exitCode: (result: SavedExport) => ('data' in result ? 2 : 0),
    },
  }),
}
