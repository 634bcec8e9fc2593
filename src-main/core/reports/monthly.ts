// 表5 月度统计: one row per month of the period — activities held, volunteer times, hours,
// beneficiaries — and whether the month met the rule of at least one activity (DOMAIN.md), with a
// 合计 row. The figures come from the totals kept on each activity (volunteer_count, hours_total),
// so a year is read from a few hundred activity rows, never a million participations.
import type { Database } from 'better-sqlite3'
import { activityConditions, type ReportFilters } from './filters'
import { roundHours } from './hours'
import type { Period } from './period'

export interface MonthlyRow {
  /** YYYY-MM */
  month: string
  label: string
  activities: number
  volunteerTimes: number
  hours: number
  beneficiaries: number
  met: boolean
}

export interface MonthlyReport {
  rows: MonthlyRow[]
  total: Omit<MonthlyRow, 'month' | 'label' | 'met'> & { monthsMet: number; months: number }
}

/** Every month the period touches, in order: 2026-01 … 2026-12. */
export function monthsOf(period: Period): string[] {
  const months: string[] = []
  let year = Number(period.from.slice(0, 4))
  let month = Number(period.from.slice(5, 7))
  const last = period.to.slice(0, 7)
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`
    if (key > last) break
    months.push(key)
    month = month === 12 ? 1 : month + 1
    if (month === 1) year++
  }
  return months
}

interface MonthFigures {
  month: string
  activities: number
  volunteerTimes: number
  hours: number
  beneficiaries: number
}

export function monthlyReport(db: Database, period: Period, filters: ReportFilters): MonthlyReport {
  const conditions = activityConditions(filters, true)
  const where = ['a.held_on BETWEEN @from AND @to', ...conditions.where]
  const figures = db
    .prepare(
      `SELECT substr(a.held_on, 1, 7) AS month, count(*) AS activities, sum(a.volunteer_count) AS volunteerTimes,
              sum(a.hours_total) AS hours, sum(a.beneficiaries) AS beneficiaries
       FROM activities a WHERE ${where.join(' AND ')} GROUP BY month`,
    )
    .all({ from: period.from, to: period.to, ...conditions.params }) as MonthFigures[]
  const byMonth = new Map(figures.map((row) => [row.month, row]))
  const rows = monthsOf(period).map((month): MonthlyRow => {
    const found = byMonth.get(month)
    const activities = found?.activities ?? 0
    return {
      month,
      label: `${month.slice(0, 4)}年${Number(month.slice(5))}月`,
      activities,
      volunteerTimes: found?.volunteerTimes ?? 0,
      hours: roundHours(found?.hours ?? 0),
      beneficiaries: found?.beneficiaries ?? 0,
      met: activities > 0,
    }
  })
  const sum = (key: 'activities' | 'volunteerTimes' | 'hours' | 'beneficiaries') =>
    rows.reduce((total, row) => total + row[key], 0)
  return {
    rows,
    total: {
      activities: sum('activities'),
      volunteerTimes: sum('volunteerTimes'),
      hours: roundHours(sum('hours')),
      beneficiaries: sum('beneficiaries'),
      monthsMet: rows.filter((row) => row.met).length,
      months: rows.length,
    },
  }
}
