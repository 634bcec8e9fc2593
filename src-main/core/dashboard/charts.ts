// 工作台's charts and the year-over-year comparison. Nothing is counted here that is not counted
// elsewhere: the months come from the programme strip (dashboard/monthly.ts), the task, department
// and county figures from 表5 (reports/yearly.ts), the top volunteers from 表4 (reports/hours.ts),
// and the checklist's progress from the dashboard's departmentProgress. A chart and its table view
// show the same rows, and the print and the Excel of 表4/表5 show the same numbers.
import type { Database } from 'better-sqlite3'
import { listPlanItems } from '../plan/repository'
import { listDepartments, listTasks } from '../reference/repository'
import { hoursPage, roundHours } from '../reports/hours'
import { resolvePeriod } from '../reports/period'
import { yearlyTable } from '../reports/yearly'
import { departmentProgress } from './year'
import { programmeStrip, YEARLY_TARGET, type MonthState } from './monthly'

export const TOP_VOLUNTEERS = 20

export interface ChartMonth {
  month: number
  /** 集中服务 started this month: what counts toward 12. */
  activities: number
  otherActivities: number
  volunteerTimes: number
  hours: number
  state: MonthState
}

export interface ChartGroup {
  name: string
  /** The task's code, for the drill-down into 活动登记 (task chart only). */
  taskCode?: number
  activities: number
  volunteerTimes: number
  hours: number
}

export interface DepartmentChartRow {
  name: string
  planned: number
  done: number
  overdue: number
}

export interface TopVolunteer {
  volunteerId: number
  name: string
  unit: string | null
  activities: number
  hours: number
}

export interface DashboardCharts {
  year: number
  target: number
  months: ChartMonth[]
  byTask: ChartGroup[]
  byDepartment: DepartmentChartRow[]
  byCounty: ChartGroup[]
  topVolunteers: TopVolunteer[]
}

const group = ({ name, activities, volunteerTimes, hours }: ChartGroup): ChartGroup => ({
  name,
  activities,
  volunteerTimes,
  hours,
})

export function dashboardCharts(db: Database, year: number, today: string): DashboardCharts {
  const period = resolvePeriod({ year }, new Date(`${year}-07-01T00:00:00Z`))
  const strip = programmeStrip(db, year, today)
  const items = listPlanItems(db, { year }, today)
  const tasks = listTasks(db)
  return {
    year,
    target: YEARLY_TARGET,
    months: strip.months.map(({ month, activities, otherActivities, volunteerTimes, hours, state }) => ({
      month,
      activities,
      otherActivities,
      volunteerTimes,
      hours,
      state,
    })),
    // 表5's task rows follow listTasks, so the codes pair with them by position.
    byTask: yearlyTable(db, period, {}, 'task', today).rows.map((row, index) => ({
      ...group(row),
      taskCode: tasks[index]?.code,
    })),
    byDepartment: listDepartments(db)
      .map((department) => departmentProgress(items, department.name))
      .map(({ name, planned, done, overdue }) => ({ name, planned, done, overdue })),
    byCounty: yearlyTable(db, period, {}, 'county', today).rows.map(group),
    topVolunteers: hoursPage(db, period, {}, 0, TOP_VOLUNTEERS).rows.map(
      ({ volunteerId, name, unit, activities, hours }) => ({ volunteerId, name, unit, activities, hours }),
    ),
  }
}

export interface YearFigures {
  year: number
  /** 集中服务 of the year (what counts toward 12). */
  activities: number
  otherActivities: number
  volunteerTimes: number
  hours: number
  monthsMet: number
  planned: number
  done: number
  /** done / planned, 0–1; null when the year has no checklist. */
  completion: number | null
}

export function yearFigures(db: Database, year: number, today: string): YearFigures {
  const strip = programmeStrip(db, year, today)
  const items = listPlanItems(db, { year }, today)
  const done = items.filter((item) => item.state === '已开展').length
  return {
    year,
    activities: strip.activities,
    otherActivities: strip.otherActivities,
    volunteerTimes: strip.months.reduce((sum, month) => sum + month.volunteerTimes, 0),
    hours: roundHours(strip.months.reduce((sum, month) => sum + month.hours, 0)),
    monthsMet: strip.monthsMet,
    planned: items.length,
    done,
    completion: items.length ? done / items.length : null,
  }
}

export interface YearComparison {
  years: [YearFigures, YearFigures]
  /** The later year's months beside the earlier's: 集中服务 per month. */
  months: { month: number; first: number; second: number }[]
}

export function compareYears(db: Database, first: number, second: number, today: string): YearComparison {
  const [a, b] = [programmeStrip(db, first, today), programmeStrip(db, second, today)]
  return {
    years: [yearFigures(db, first, today), yearFigures(db, second, today)],
    months: a.months.map((month, index) => ({
      month: month.month,
      first: month.activities,
      second: b.months[index]?.activities ?? 0,
    })),
  }
}
