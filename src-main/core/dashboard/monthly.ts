// The monthly rule (DOMAIN.md): at least 12 concentrated services a year, in principle one a month.
// A past month with no activity is a gap; the current month is in progress; later months are to come.
import type { Database } from 'better-sqlite3'

export type MonthState = 'met' | 'gap' | 'current' | 'future'

export interface MonthFigures {
  month: number
  activities: number
  volunteerTimes: number
  hours: number
  beneficiaries: number
  met: boolean
  state: MonthState
}

export interface Strip {
  name: string
  months: MonthFigures[]
  activities: number
  monthsMet: number
}

export const YEARLY_TARGET = 12

interface MonthRow {
  key: string | null
  month: number
  activities: number
  volunteerTimes: number
  hours: number
  beneficiaries: number
}

function monthState(year: number, month: number, activities: number, today: string): MonthState {
  if (activities > 0) return 'met'
  const current = `${year}-${String(month).padStart(2, '0')}`
  const thisMonth = today.slice(0, 7)
  if (current === thisMonth) return 'current'
  return current > thisMonth ? 'future' : 'gap'
}

function strip(name: string, rows: readonly MonthRow[], year: number, today: string): Strip {
  const months = Array.from({ length: 12 }, (_, index): MonthFigures => {
    const month = index + 1
    const row = rows.find((candidate) => candidate.month === month)
    const activities = row?.activities ?? 0
    return {
      month,
      activities,
      volunteerTimes: row?.volunteerTimes ?? 0,
      hours: Math.round((row?.hours ?? 0) * 100) / 100,
      beneficiaries: row?.beneficiaries ?? 0,
      met: activities > 0,
      state: monthState(year, month, activities, today),
    }
  })
  return {
    name,
    months,
    activities: months.reduce((sum, figures) => sum + figures.activities, 0),
    monthsMet: months.filter((figures) => figures.met).length,
  }
}

const FIGURES = `CAST(substr(a.held_on, 6, 2) AS INTEGER) AS month, count(*) AS activities,
  sum(a.volunteer_count) AS volunteerTimes, sum(a.hours_total) AS hours, sum(a.beneficiaries) AS beneficiaries`

function groupRows(rows: readonly MonthRow[]): Map<string, MonthRow[]> {
  const groups = new Map<string, MonthRow[]>()
  for (const row of rows) {
    if (row.key === null) continue
    groups.set(row.key, [...(groups.get(row.key) ?? []), row])
  }
  return groups
}

export function programmeStrip(db: Database, year: number, today: string): Strip {
  const rows = db
    .prepare(`SELECT NULL AS key, ${FIGURES} FROM activities a WHERE a.held_on BETWEEN ? AND ? GROUP BY month`)
    .all(`${year}-01-01`, `${year}-12-31`) as MonthRow[]
  return strip('全州教育系统', rows, year, today)
}

/** One strip per team: the teams of the reference list, and any other team named by an activity. */
export function teamStrips(db: Database, year: number, today: string): Strip[] {
  const rows = db
    .prepare(`SELECT a.team AS key, ${FIGURES} FROM activities a WHERE a.held_on BETWEEN ? AND ? GROUP BY a.team, month`)
    .all(`${year}-01-01`, `${year}-12-31`) as MonthRow[]
  const groups = groupRows(rows)
  const teams = (db.prepare("SELECT name FROM teams WHERE kind = '本系统' ORDER BY sort_order, id").all() as { name: string }[]).map((t) => t.name)
  const names = [...teams, ...[...groups.keys()].filter((name) => !teams.includes(name))]
  return names.map((name) => strip(name, groups.get(name) ?? [], year, today))
}

export function departmentStrips(db: Database, year: number, today: string): Strip[] {
  const rows = db
    .prepare(
      `SELECT d.name AS key, ${FIGURES} FROM activities a
       JOIN activity_departments ad ON ad.activity_id = a.id JOIN departments d ON d.id = ad.department_id
       WHERE a.held_on BETWEEN ? AND ? GROUP BY d.id, month`,
    )
    .all(`${year}-01-01`, `${year}-12-31`) as MonthRow[]
  const groups = groupRows(rows)
  const departments = (db.prepare('SELECT name FROM departments ORDER BY sort_order, id').all() as { name: string }[]).map((d) => d.name)
  return departments.map((name) => strip(name, groups.get(name) ?? [], year, today))
}
