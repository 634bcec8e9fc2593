// The morning view: the year's monthly strips and the checklist's progress per department.
import type { Database } from 'better-sqlite3'
import { listPlanItems, type PlanItemView } from '../plan/repository'
import { departmentStrips, programmeStrip, teamStrips, YEARLY_TARGET, type Strip } from './monthly'

export interface DepartmentProgress {
  name: string
  planned: number
  done: number
  overdue: number
}

export interface YearDashboard {
  year: number
  today: string
  target: number
  programme: Strip
  teams: Strip[]
  departments: (Strip & DepartmentProgress)[]
  overdueItems: PlanItemView[]
  planned: number
  done: number
  overdue: number
  volunteerTimes: number
  hours: number
  beneficiaries: number
}

export function departmentProgress(items: readonly PlanItemView[], name: string): DepartmentProgress {
  const own = items.filter((item) => item.departments.includes(name))
  return {
    name,
    planned: own.length,
    done: own.filter((item) => item.state === '已开展').length,
    overdue: own.filter((item) => item.state === '逾期未开展').length,
  }
}

export function yearDashboard(db: Database, year: number, today: string): YearDashboard {
  const items = listPlanItems(db, { year }, today)
  const programme = programmeStrip(db, year, today)
  const sum = (key: 'volunteerTimes' | 'hours' | 'beneficiaries') =>
    programme.months.reduce((total, month) => total + month[key], 0)
  return {
    year,
    today,
    target: YEARLY_TARGET,
    programme,
    teams: teamStrips(db, year, today),
    departments: departmentStrips(db, year, today).map((strip) => ({
      ...strip,
      ...departmentProgress(items, strip.name),
    })),
    overdueItems: items.filter((item) => item.state === '逾期未开展'),
    planned: items.length,
    done: items.filter((item) => item.state === '已开展').length,
    overdue: items.filter((item) => item.state === '逾期未开展').length,
    volunteerTimes: sum('volunteerTimes'),
    hours: Math.round(sum('hours') * 100) / 100,
    beneficiaries: sum('beneficiaries'),
  }
}
