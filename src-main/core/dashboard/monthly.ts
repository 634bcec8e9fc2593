// The monthly rule (DOMAIN.md): at least 12 concentrated services a year, in principle one a month.
// A past month with no concentrated service is a gap; the current month is in progress; later months
// are to come. Only activities marked 集中服务 count toward 12 and the red months; the others are shown
// beside them. An activity over several days counts in the month it started and is shown (as
// continuing) in every later month it covered.
import type { Database } from 'better-sqlite3'

export type MonthState = 'met' | 'gap' | 'current' | 'future'

export interface MonthFigures {
  month: number
  /** Concentrated services that started this month: what the rule counts. */
  activities: number
  /** Activities not marked 集中服务 that started this month (not counted toward the rule). */
  otherActivities: number
  /** Activities over several days that started in an earlier month and were still going on. */
  continuing: number
  volunteerTimes: number
  hours: number
  beneficiaries: number
  met: boolean
  state: MonthState
}

export interface Strip {
  name: string
  months: MonthFigures[]
  /** Concentrated services of the year: what counts toward 12. */
  activities: number
  otherActivities: number
  monthsMet: number
}

export const YEARLY_TARGET = 12

interface MonthRow {
  key: string | null
  month: number
  activities: number
  otherActivities: number
  continuing?: number
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
      otherActivities: row?.otherActivities ?? 0,
      continuing: row?.continuing ?? 0,
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
    otherActivities: months.reduce((sum, figures) => sum + figures.otherActivities, 0),
    monthsMet: months.filter((figures) => figures.met).length,
  }
}

const FIGURES = `CAST(substr(a.held_on, 6, 2) AS INTEGER) AS month, sum(a.concentrated) AS activities,
  sum(1 - a.concentrated) AS otherActivities, sum(a.volunteer_count) AS volunteerTimes, sum(a.hours_total) AS hours, sum(a.beneficiaries) AS beneficiaries`

/**
 * Adds to the rows, per key, the months after its first that a multi-day activity covered in the
 * year. `keyed` selects (key, held_on, ended_on) of activities ending after the month they started.
 */
function withContinuing(db: Database, rows: MonthRow[], year: number, keyed: string): MonthRow[] {
  const spans = db.prepare(keyed).all({ from: `${year}-01-01`, to: `${year}-12-31` }) as {
    key: string | null
    heldOn: string
    endedOn: string
  }[]
  for (const span of spans) {
    const first = span.heldOn < `${year}-01-01` ? 1 : Number(span.heldOn.slice(5, 7)) + 1
    const last = span.endedOn > `${year}-12-31` ? 12 : Number(span.endedOn.slice(5, 7))
    for (let month = first; month <= last; month++) {
      let row = rows.find((candidate) => candidate.key === span.key && candidate.month === month)
      if (!row)
        rows.push(
          (row = {
            key: span.key,
            month,
            activities: 0,
            otherActivities: 0,
            volunteerTimes: 0,
            hours: 0,
            beneficiaries: 0,
          }),
        )
      row.continuing = (row.continuing ?? 0) + 1
    }
  }
  return rows
}

const SPANS = `a.held_on AS heldOn, a.ended_on AS endedOn FROM activities a`
const SPANNING = `a.ended_on IS NOT NULL AND substr(a.ended_on, 1, 7) > substr(a.held_on, 1, 7) AND a.held_on <= @to AND a.ended_on >= @from`

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
  return strip(
    '全州教育系统',
    withContinuing(db, rows, year, `SELECT NULL AS key, ${SPANS} WHERE ${SPANNING}`),
    year,
    today,
  )
}

/** One strip per team: the teams of the reference list, and any other team named by an activity. */
export function teamStrips(db: Database, year: number, today: string): Strip[] {
  const rows = db
    .prepare(
      `SELECT a.team AS key, ${FIGURES} FROM activities a WHERE a.held_on BETWEEN ? AND ? GROUP BY a.team, month`,
    )
    .all(`${year}-01-01`, `${year}-12-31`) as MonthRow[]
  const groups = groupRows(withContinuing(db, rows, year, `SELECT a.team AS key, ${SPANS} WHERE ${SPANNING}`))
  const teams = (
    db.prepare("SELECT name FROM teams WHERE kind = '本系统' ORDER BY sort_order, id").all() as { name: string }[]
  ).map((t) => t.name)
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
  const spans = `SELECT d.name AS key, ${SPANS} JOIN activity_departments ad ON ad.activity_id = a.id
    JOIN departments d ON d.id = ad.department_id WHERE ${SPANNING}`
  const groups = groupRows(withContinuing(db, rows, year, spans))
  const departments = (
    db.prepare('SELECT name FROM departments ORDER BY sort_order, id').all() as { name: string }[]
  ).map((d) => d.name)
  return departments.map((name) => strip(name, groups.get(name) ?? [], year, today))
}
