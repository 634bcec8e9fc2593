// The register (every certificate of a year, voided ones with their reason) and the 公示 list
// (the valid certificates issued in a period, posted for at least 7 days before they are final).
import type { CoreContext } from '../context'
import { personalNumbers } from '../export/personalNumbers'
import type { FieldValues } from '../export/rows'
import { recordSheet, type SheetToWrite } from '../export/workbook'
import { PUBLICITY_SHEET, REGISTER_SHEET } from '../forms/certificates'
import { resolvePeriod, type PeriodInput } from '../reports/period'
import { listCertificates, readSnapshot, type CertificateRow } from './repository'

function periodText(row: CertificateRow): string {
  return `${row.periodFrom} 至 ${row.periodTo}`
}

export function registerSheet(ctx: CoreContext, input: PeriodInput & { fullNumbers?: boolean }): SheetToWrite {
  const period = resolvePeriod(input, ctx.now())
  const numbers = personalNumbers(input.fullNumbers ?? false)
  const rows = listCertificates(ctx.db, { from: period.from, to: period.to })
  const records: FieldValues[] = rows.map((row) => ({
    number: row.number,
    name: row.volunteerName,
    idNumber: numbers.id(readSnapshot(ctx.db, row.id).volunteer.idNumber),
    period: periodText(row),
    activities: row.activities,
    hours: row.hours,
    issuedOn: row.issuedOn,
    operator: row.operator,
    status: row.voidedAt ? `已作废：${row.voidReason}` : '有效',
  }))
  return recordSheet(ctx, REGISTER_SHEET, records, { period: period.label })
}

export function publicitySheet(ctx: CoreContext, input: PeriodInput): SheetToWrite {
  const period = resolvePeriod(input, ctx.now())
  const rows = listCertificates(ctx.db, { from: period.from, to: period.to, validOnly: true })
  const records: FieldValues[] = rows.map((row) => ({
    number: row.number,
    name: row.volunteerName,
    unit: readSnapshot(ctx.db, row.id).volunteer.unit,
    period: periodText(row),
    hours: row.hours,
    issuedOn: row.issuedOn,
  }))
  return recordSheet(ctx, PUBLICITY_SHEET, records, { period: period.label })
}
