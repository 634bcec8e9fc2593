// 表4 and 表5 as Excel files: the tables of reports/tables.ts through the one form writer.
import type { CoreContext } from '../context'
import { reportTables, type ReportKey, type ReportRequest } from '../reports/tables'
import { deliver, exportFileName, writeFormSheets, type SavedExport } from './workbook'

export async function exportReport(
  ctx: CoreContext,
  key: ReportKey,
  request: ReportRequest,
  out: string | undefined,
): Promise<SavedExport> {
  const tables = reportTables(ctx, key, request)
  const exported = await writeFormSheets(ctx, tables.sheets)
  const fileName = exportFileName(tables.form.label, ctx.now(), `（${tables.period.label}）`)
  return deliver({ data: exported.data, rows: tables.rows }, fileName, out)
}
