// 表4 志愿服务时长统计表: for each volunteer who served in the period, the number of activities and
// the hours, counted from the participation records only ("who records, certifies"), most hours
// first. Activity filters (category, department, team) choose which activities count; county,
// unit and volunteer category choose whose hours are listed. Volunteers in the recycle bin are left out.
import type { Database } from 'better-sqlite3'
import { activityConditions, type ReportFilters } from './filters'
import type { Period } from './period'

export interface HoursRow {
  volunteerId: number
  name: string
  gender: string
  unit: string | null
  county: string | null
  /** The full number: outputs pass it through personalNumbers() before writing it anywhere. */
  idNumber: string
  activities: number
  hours: number
}

export interface HoursTotals {
  volunteers: number
  activities: number
  hours: number
}

export const roundHours = (hours: number): number => Math.round(hours * 100) / 100

function volunteerConditions(filters: ReportFilters): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  if (filters.countyCode) {
    where.push('v.county_code = @countyCode')
    params.countyCode = filters.countyCode
  }
  if (filters.unit) {
    where.push('v.unit = @unit')
    params.unit = filters.unit
  }
  if (filters.category) {
    where.push('v.category = @category')
    params.category = filters.category
  }
  return { where, params }
}

export function hoursRows(db: Database, period: Period, filters: ReportFilters): HoursRow[] {
  const ofActivities = activityConditions(filters, false)
  const ofVolunteers = volunteerConditions(filters)
  const where = ['a.held_on BETWEEN @from AND @to', 'v.deleted_at IS NULL', ...ofActivities.where, ...ofVolunteers.where]
  const rows = db
    .prepare(
      `SELECT v.id AS volunteerId, v.name, v.gender, v.unit, c.name AS county, v.id_number AS idNumber,
              count(*) AS activities, sum(pa.hours) AS hours
       FROM activities a
       JOIN participations pa ON pa.activity_id = a.id
       JOIN volunteers v ON v.id = pa.volunteer_id
       LEFT JOIN counties c ON c.code = v.county_code
       WHERE ${where.join(' AND ')}
       GROUP BY v.id
       ORDER BY hours DESC, v.name_pinyin, v.id`,
    )
    .all({ from: period.from, to: period.to, ...ofActivities.params, ...ofVolunteers.params }) as HoursRow[]
  for (const row of rows) row.hours = roundHours(row.hours)
  return rows
}

export function hoursTotals(rows: readonly HoursRow[]): HoursTotals {
  return {
    volunteers: rows.length,
    activities: rows.reduce((sum, row) => sum + row.activities, 0),
    hours: roundHours(rows.reduce((sum, row) => sum + row.hours, 0)),
  }
}
