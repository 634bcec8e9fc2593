// What a clerk's template can ask for: the columns of 表1 or 表4 by their bureau names, plus 序号,
// 累计服务时长 and 参加活动次数. ID and phone numbers masked unless full numbers are chosen.
import type { CoreContext } from '../context'
import { personalNumbers } from '../export/personalNumbers'
import { rosterRows, selectRosterForExport, type RosterExportFilters } from '../export/roster'
import { HOURS_FORM, ROSTER_FORM } from '../forms'
import { resolveFilters, type ReportFiltersInput } from '../reports/filters'
import { hoursRows } from '../reports/hours'
import { resolvePeriod, type Period, type PeriodInput } from '../reports/period'
import type { FillValue } from './template'

export type FillForm = 'roster' | 'hours'

const HOURS_NAMES = ['累计服务时长', '参加活动次数']

export function knownPlaceholders(form: FillForm): string[] {
  const sheet = (form === 'roster' ? ROSTER_FORM : HOURS_FORM).sheets[0]
  const names = sheet?.columns.map((column) => column.name) ?? []
  return [...new Set([...names, ...HOURS_NAMES])]
}

export interface FillRequest extends PeriodInput {
  filters?: ReportFiltersInput & RosterExportFilters
  fullNumbers?: boolean
}

/** All time unless a period is given: 累计服务时长 on a roster means everything served so far. */
function periodOf(ctx: CoreContext, request: FillRequest, form: FillForm): Period {
  if (form === 'roster' && request.year === undefined && !request.from && !request.to) {
    return { from: '0000-01-01', to: '9999-12-31', year: 0, label: '累计' }
  }
  return resolvePeriod(request, ctx.now())
}

export function fillRecords(ctx: CoreContext, form: FillForm, request: FillRequest): Record<string, FillValue>[] {
  const numbers = personalNumbers(request.fullNumbers ?? false)
  const period = periodOf(ctx, request, form)
  if (form === 'hours') {
    return hoursRows(ctx.db, period, resolveFilters(ctx.db, request.filters)).map((row, index) => ({
      序号: index + 1,
      姓名: row.name,
      性别: row.gender,
      工作单位: row.unit,
      所在县市: row.county,
      身份证号码: numbers.id(row.idNumber),
      参加活动次数: row.activities,
      '累计服务时长（小时）': row.hours,
      累计服务时长: row.hours,
      备注: null,
    }))
  }
  // The county may be given by name, as on the reports; the roster query takes its code.
  const county = resolveFilters(ctx.db, { countyCode: request.filters?.countyCode }).countyCode
  const volunteers = selectRosterForExport(ctx.db, { ...request.filters, countyCode: county })
  const served = new Map(hoursRows(ctx.db, period, {}).map((row) => [row.volunteerId, row]))
  const columns = ROSTER_FORM.sheets[0]?.columns ?? []
  return rosterRows(volunteers, numbers).map((values, index) => {
    const record: Record<string, FillValue> = {}
    columns.forEach((column, position) => (record[column.name] = values[position] ?? null))
    const volunteer = volunteers[index]
    const hours = volunteer ? served.get(volunteer.id) : undefined
    record.序号 = index + 1
    record.累计服务时长 = hours?.hours ?? 0
    record.参加活动次数 = hours?.activities ?? 0
    return record
  })
}
