// The screen's filters for reports (county, unit, team, activity category, department, and the
// volunteer category for 表4), checked against the reference lists: a name that matches nothing is
// an error listing what exists, never an empty table that looks like "no activity" (never skip
// silently). The resolved filter is also what the printed title says.
import type { Database } from 'better-sqlite3'
import { z } from 'zod'
import { STAR_LABELS } from '../activities/stars'
import { CoreError } from '../errors'
import { listCounties, listDepartments, listTasks } from '../reference/repository'

const text = (max: number) => z.string().trim().max(max).optional()

export const reportFiltersSchema = z
  .object({
    /** 所在县市: a code (622901) or a name (临夏市, 东乡县). */
    countyCode: text(40),
    unit: text(200),
    team: text(100),
    /** 活动类别: the task's name or code. */
    task: text(20),
    department: text(50),
    /** 志愿者类别 (表4 only). */
    category: text(100),
    /** 星级 1–5 by cumulative hours (表4 only). */
    starLevel: z.coerce
      .number()
      .int()
      .min(1, { error: '星级应为 1—5（一星至五星）' })
      .max(5, { error: '星级应为 1—5（一星至五星）' })
      .optional(),
  })
  .optional()

export type ReportFiltersInput = z.output<typeof reportFiltersSchema>

export interface ReportFilters {
  countyCode?: string
  countyName?: string
  unit?: string
  team?: string
  taskCode?: number
  taskName?: string
  department?: string
  category?: string
  starLevel?: number
}

function unknown(what: string, value: string, known: readonly string[]): CoreError {
  return new CoreError('VALIDATION', `没有名为“${value}”的${what}。可选：${known.join('、')}`)
}

function resolveCounty(db: Database, value: string): Pick<ReportFilters, 'countyCode' | 'countyName'> {
  const counties = listCounties(db)
  const found = counties.find(
    (county) => county.code === value || county.name === value || county.shortNames.split('、').includes(value),
  )
  if (!found)
    throw unknown(
      '县市',
      value,
      counties.map((county) => county.name),
    )
  return { countyCode: found.code, countyName: found.name }
}

function resolveTask(db: Database, value: string): Pick<ReportFilters, 'taskCode' | 'taskName'> {
  const tasks = listTasks(db)
  const found = tasks.find((task) => task.name === value || String(task.code) === value)
  if (!found)
    throw unknown(
      '活动类别',
      value,
      tasks.map((task) => task.name),
    )
  return { taskCode: found.code, taskName: found.name }
}

function resolveDepartment(db: Database, value: string): string {
  const departments = listDepartments(db)
  const found = departments.find(
    (department) => department.name === value || department.aliases.split('、').includes(value),
  )
  if (!found)
    throw unknown(
      '责任科室',
      value,
      departments.map((department) => department.name),
    )
  return found.name
}

export function resolveFilters(db: Database, input: ReportFiltersInput): ReportFilters {
  const filters: ReportFilters = {}
  if (!input) return filters
  if (input.countyCode) Object.assign(filters, resolveCounty(db, input.countyCode))
  if (input.task) Object.assign(filters, resolveTask(db, input.task))
  if (input.department) filters.department = resolveDepartment(db, input.department)
  if (input.unit) filters.unit = input.unit
  if (input.team) filters.team = input.team
  if (input.category) filters.category = input.category
  if (input.starLevel) filters.starLevel = input.starLevel
  return filters
}

/** 临夏市 · 送教下乡 · 基础教育科: the filter as the 填报单位 line prints it; '' when none. */
export function describeFilters(filters: ReportFilters): string {
  const star = filters.starLevel ? STAR_LABELS[filters.starLevel - 1] : undefined
  return [filters.countyName, filters.unit, filters.team, filters.taskName, filters.department, filters.category, star]
    .filter((part): part is string => Boolean(part))
    .join(' · ')
}

/**
 * SQL conditions on activities `a` for the activity filters (category, department, team, and
 * county/unit when they describe where and by whom an activity was held, as in 表5).
 */
export function activityConditions(
  filters: ReportFilters,
  byPlace: boolean,
): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  if (filters.taskCode !== undefined) {
    where.push('a.task_code = @taskCode')
    params.taskCode = filters.taskCode
  }
  if (filters.department) {
    where.push(`EXISTS (SELECT 1 FROM activity_departments ad JOIN departments d ON d.id = ad.department_id
                WHERE ad.activity_id = a.id AND d.name = @department)`)
    params.department = filters.department
  }
  if (filters.team) {
    where.push('a.team = @team')
    params.team = filters.team
  }
  if (byPlace && filters.countyCode) {
    where.push('a.county_code = @countyCode')
    params.countyCode = filters.countyCode
  }
  if (byPlace && filters.unit) {
    where.push('a.organizer = @unit')
    params.unit = filters.unit
  }
  return { where, params }
}
