// 表4 and 表5 as tables ready to write: the figures of hours.ts, monthly.ts and yearly.ts turned
// into the rows of their form declarations (forms/reports.ts), with the period in the title and
// the filter on the 填报单位 line. The Excel export and the printed HTML both take these tables,
// so a figure is computed once and cannot differ between the file and the paper.
import type { CoreContext } from '../context'
import { recordRows, type FieldValues } from '../export/rows'
import type { SheetToWrite } from '../export/workbook'
import { personalNumbers } from '../export/personalNumbers'
import { HOURS_FORM, MONTHLY_FORM, YEARLY_FORM, type ReportFormDefinition } from '../forms/reports'
import type { FormSheet } from '../forms/types'
import { localDay } from '../plan/plannedTime'
import { readSettings } from '../settings/settings'
import { describeFilters, resolveFilters, type ReportFilters, type ReportFiltersInput } from './filters'
import { hoursRows, hoursTotals } from './hours'
import { monthlyReport } from './monthly'
import { resolvePeriod, type Period, type PeriodInput } from './period'
import { yearlyReport, type YearlyRow } from './yearly'

export type ReportKey = ReportFormDefinition['key']

export interface ReportRequest extends PeriodInput {
  filters?: ReportFiltersInput
  fullNumbers?: boolean
  /** 表4 only: hours rounded to the nearest 0.5 h for a platform upload; the record is unchanged. */
  roundHalf?: boolean
}

export interface ReportTables {
  form: ReportFormDefinition
  period: Period
  filters: ReportFilters
  sheets: SheetToWrite[]
  /** Data rows of the first sheet, the 合计 row not counted. */
  rows: number
}

function sheetOf(form: ReportFormDefinition, index = 0): FormSheet {
  const sheet = form.sheets[index]
  if (!sheet) throw new Error(`${form.label} declares no sheet ${index}`)
  return sheet
}

/** 临夏州教育局（统计范围：临夏市 · 送教下乡）: the unit, and the filter when there is one. */
function unitLine(ctx: CoreContext, filters: ReportFilters): string | null {
  const unit = readSettings(ctx.db).unitName || null
  const scope = describeFilters(filters)
  if (!scope) return unit
  return `${unit ?? '____________'}（统计范围：${scope}）`
}

const toHalfHour = (hours: number) => Math.round(hours * 2) / 2

function hoursTables(
  ctx: CoreContext,
  period: Period,
  filters: ReportFilters,
  fullNumbers: boolean,
  roundHalf = false,
) {
  const numbers = personalNumbers(fullNumbers)
  const recorded = hoursRows(ctx.db, period, filters)
  const rows = roundHalf ? recorded.map((row) => ({ ...row, hours: toHalfHour(row.hours) })) : recorded
  const totals = hoursTotals(rows)
  const records: FieldValues[] = rows.map((row) => ({ ...row, idNumber: numbers.id(row.idNumber) }))
  records.push({
    seq: '',
    name: '合计',
    unit: `${totals.volunteers} 人`,
    activities: totals.activities,
    hours: totals.hours,
  })
  return { records: [records], rows: rows.length }
}

function monthlyTables(ctx: CoreContext, period: Period, filters: ReportFilters) {
  const report = monthlyReport(ctx.db, period, filters)
  const records: FieldValues[] = report.rows.map((row) => ({ ...row, met: row.met ? '是' : '否' }))
  const { total } = report
  records.push({ ...total, label: '合计', met: `${total.monthsMet}/${total.months} 个月达标` })
  return { records: [records], rows: report.rows.length }
}

/** 完成率 and the plan columns print "—" where the checklist cannot be split that way. */
function yearlyRecord(row: YearlyRow): FieldValues {
  const dash = (value: number | null) => value ?? '—'
  return { ...row, planned: dash(row.planned), done: dash(row.done), rate: dash(row.rate) }
}

function yearlyTables(ctx: CoreContext, period: Period, filters: ReportFilters) {
  const tables = yearlyReport(ctx.db, period, filters, localDay(ctx.now()))
  return {
    records: tables.map((table) => [...table.rows.map(yearlyRecord), yearlyRecord(table.total)]),
    rows: tables[0]?.rows.length ?? 0,
  }
}

/** The tables of one report, for its export and its print (only 表4 carries ID numbers). */
export function reportTables(ctx: CoreContext, key: ReportKey, request: ReportRequest): ReportTables {
  const period = resolvePeriod(request, ctx.now())
  const filters = resolveFilters(ctx.db, request.filters)
  const form = key === 'hours' ? HOURS_FORM : key === 'monthly' ? MONTHLY_FORM : YEARLY_FORM
  const built =
    key === 'hours'
      ? hoursTables(ctx, period, filters, request.fullNumbers ?? false, request.roundHalf ?? false)
      : key === 'monthly'
        ? monthlyTables(ctx, period, filters)
        : yearlyTables(ctx, period, filters)
  const heading = { unitName: unitLine(ctx, filters), date: ctx.now(), year: period.year, period: period.label }
  const sheets = built.records.map((records, index) => {
    const sheet = sheetOf(form, index)
    return { sheet, content: { ...heading, rows: recordRows(sheet, records) } }
  })
  return { form, period, filters, sheets, rows: built.rows }
}
