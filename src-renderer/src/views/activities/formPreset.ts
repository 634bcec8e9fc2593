// 登记活动 from a filtered list (a red month of 工作台, a department's bar, a row of 表5) starts with
// what the list is filtered on: a date in its month or period (today when today is in it, else its
// first day; none when the period has not begun), its task, department, county, team, organiser and
// 集中服务. The clerk can change each; the core checks them when saving as for any other activity.
import { monthBounds } from '../../composables/useDrill'
import type { ActivityFilters, DrillScope } from '../../stores/activities'

export interface FormPreset {
  heldOn?: string
  task?: string
  departments?: string[]
  county?: string
  team?: string
  organizer?: string
  concentrated?: string
}

interface Names {
  taskName: (code: number) => string | undefined
  countyName: (code: string) => string | undefined
}

/** A day of [from, to] not after today: today if it lies inside, else the first day. */
export function dayWithin(from: string, to: string, today: string): string | undefined {
  if (from > today) return undefined
  return today <= to ? today : from
}

export function formPreset(
  year: number,
  filters: ActivityFilters,
  scope: DrillScope | null,
  today: string,
  names: Names,
): FormPreset {
  const period = scope
    ? { from: scope.startedFrom, to: scope.startedTo }
    : filters.month
      ? monthBounds(year, filters.month)
      : null
  const preset: FormPreset = {}
  const heldOn = period && dayWithin(period.from, period.to, today)
  if (heldOn) preset.heldOn = heldOn
  const task = filters.taskCode !== undefined ? names.taskName(filters.taskCode) : undefined
  if (task) preset.task = task
  if (filters.department) preset.departments = [filters.department]
  const county = filters.countyCode && filters.countyCode !== 'none' ? names.countyName(filters.countyCode) : undefined
  if (county) preset.county = county
  if (scope?.team) preset.team = scope.team
  if (scope?.organizer) preset.organizer = scope.organizer
  if (scope?.concentrated !== undefined) preset.concentrated = scope.concentrated ? '是' : '否'
  return preset
}
