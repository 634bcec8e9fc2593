// Every printable report by name, so the handler, the CLI and the UI's list agree.
import { certificatesOf } from '../certificates/print'
import { publicitySheet, registerSheet } from '../certificates/register'
import { listCertificates } from '../certificates/repository'
import { resolvePeriod } from '../reports/period'
import { reminderSheet } from '../returns/reminder'
import type { CoreContext } from '../context'
import { findCounty } from '../domain/vocabularies'
import { CoreError } from '../errors'
import { tableReportDocument, TABLE_REPORTS, type PrintRequest, type TableReport } from './documents'
import type { HtmlDocument } from './html'
import { highlightPageDocument } from './highlightPage'
import { tablesDocument } from './tableDocument'

export const PRINTABLE_REPORTS = [
  ...TABLE_REPORTS,
  'register',
  'publicity',
  'certificate',
  'highlight-page',
  'returns-reminder',
] as const

export type PrintableReport = (typeof PRINTABLE_REPORTS)[number]

export interface PrintableRequest extends PrintRequest {
  report: PrintableReport
  /** certificate: the register ids to reprint. */
  certificates?: readonly number[]
  /** highlight-page: the activity. */
  activity?: number
  /** returns-reminder: the directory's unit type (the county comes in filters.countyCode). */
  unitKind?: string
}

const PUBLICITY_NOTICE = '以上志愿服务证明现予公示，公示期不少于 7 天。如有异议，请在公示期内向出具单位反映。'

/** The county as typed on the command line (东乡) or chosen from a list (622926). */
function countyCodeOf(value: string | undefined): string | undefined {
  if (!value) return undefined
  const county = findCounty(value)
  if (!county)
    throw new CoreError('INVALID_INPUT', `所在县市“${value}”无法识别，请写县市名称或代码（如 临夏市、622901）。`)
  return county.code
}

export function documentFor(ctx: CoreContext, input: PrintableRequest): HtmlDocument {
  switch (input.report) {
    case 'register':
      return tablesDocument('志愿服务证明登记簿', [registerSheet(ctx, input)])
    case 'publicity':
      return tablesDocument('志愿服务证明公示', [publicitySheet(ctx, input)], PUBLICITY_NOTICE)
    case 'certificate': {
      if (!input.certificates?.length) throw new CoreError('INVALID_INPUT', '请选择要打印的证明（certificates）。')
      return certificatesOf(ctx, listCertificates(ctx.db, { ids: input.certificates }), input.fullNumbers ?? false)
    }
    case 'highlight-page':
      return highlightPageDocument(ctx, input.activity)
    case 'returns-reminder': {
      const period = resolvePeriod(input, ctx.now())
      const filter = { countyCode: countyCodeOf(input.filters?.countyCode), kind: input.unitKind }
      return tablesDocument(`未报送提醒名单（${period.label}）`, [reminderSheet(ctx, period, filter)])
    }
    default:
      return tableReportDocument(ctx, input.report as TableReport, input)
  }
}
