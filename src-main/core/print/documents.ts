// Which document each printable report is: the same sheets as the Excel exports (表1–表5, the
// highlights list), or a document of its own (certificates and their register, added by their
// feature). Every personal number goes through personalNumbers(): masked unless chosen.
import type { CoreContext } from '../context'
import { CoreError } from '../errors'
import { activitiesSheets } from '../export/activities'
import { highlightsSheet } from '../export/highlights'
import { planSheet } from '../export/plan'
import { rosterSheet, type RosterExportFilters } from '../export/roster'
import type { ReportFiltersInput } from '../reports/filters'
import { resolvePeriod } from '../reports/period'
import { reportTables } from '../reports/tables'
import type { HtmlDocument } from './html'
import { tablesDocument } from './tableDocument'

export const TABLE_REPORTS = ['roster', 'plan', 'activities', 'hours', 'monthly', 'yearly', 'highlights'] as const
export type TableReport = (typeof TABLE_REPORTS)[number]

export interface PrintRequest {
  year?: number
  from?: string
  to?: string
  filters?: ReportFiltersInput & RosterExportFilters
  fullNumbers?: boolean
}

function yearOf(ctx: CoreContext, request: PrintRequest): number {
  return resolvePeriod({ year: request.year }, ctx.now()).year
}

export function tableReportDocument(ctx: CoreContext, report: TableReport, request: PrintRequest): HtmlDocument {
  switch (report) {
    case 'roster':
      return tablesDocument('志愿者花名册', [
        rosterSheet(ctx, { filters: request.filters, fullNumbers: request.fullNumbers }),
      ])
    case 'plan':
      return tablesDocument(`志愿服务活动清单（${yearOf(ctx, request)}年度）`, [planSheet(ctx, yearOf(ctx, request))])
    case 'activities': {
      const year = yearOf(ctx, request)
      const { sheets } = activitiesSheets(ctx, year, { fullNumbers: request.fullNumbers })
      return tablesDocument(`志愿服务活动开展情况登记表（${year}年度）`, sheets)
    }
    case 'highlights':
      return tablesDocument(`志愿服务工作亮点（${yearOf(ctx, request)}年度）`, [
        highlightsSheet(ctx, yearOf(ctx, request)),
      ])
    case 'hours':
    case 'monthly':
    case 'yearly': {
      const tables = reportTables(ctx, report, request)
      return { ...tablesDocument(`${tables.form.label}（${tables.period.label}）`, tables.sheets), rows: tables.rows }
    }
    default:
      throw new CoreError('INVALID_INPUT', `未知的打印内容：${String(report)}`)
  }
}
