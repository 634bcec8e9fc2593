// Every printable report by name, so the handler, the CLI and the UI's list agree.
import type { CoreContext } from '../context'
import { tableReportDocument, TABLE_REPORTS, type PrintRequest, type TableReport } from './documents'
import type { HtmlDocument } from './html'

export const PRINTABLE_REPORTS = [...TABLE_REPORTS] as const

export type PrintableReport = (typeof PRINTABLE_REPORTS)[number]

export function documentFor(ctx: CoreContext, input: PrintRequest & { report: PrintableReport }): HtmlDocument {
  return tableReportDocument(ctx, input.report as TableReport, input)
}
