// 表5 年度统计 by 责任科室, by 活动类别 and by 所在县市: checklist items planned and held (完成率), and
// the activities held in the period with their volunteer times, hours and beneficiaries.
//
// An activity of several departments counts once for each of them, so the department rows may add
// up to more than the 合计 row, which counts each activity and each checklist item once. The
// checklist has no county, team or organiser: by 所在县市 (where activities were held), or with a
// team or unit filter, the plan columns are "—" rather than a figure that would mislead.
import type { Database } from 'better-sqlite3'
import { listPlanItems, type PlanItemView } from '../plan/repository'
import { listCounties, listDepartments, listTasks } from '../reference/repository'
import { activityConditions, type ReportFilters } from './filters'
import { roundHours } from './hours'
import type { Period } from './period'

export type YearlyDimension = 'department' | 'task' | 'county'

export interface YearlyRow {
  name: string
  /** null where the checklist cannot be split this way ("—" in print). */
  planned: number | null
  done: number | null
  /** done / planned, 0–1; null when nothing was planned. */
  rate: number | null
  activities: number
  volunteerTimes: number
  hours: number
  beneficiaries: number
}

export interface YearlyTable {
  dimension: YearlyDimension
  /** 责任科室 / 活动类别 / 所在县市 */
  label: string
  rows: YearlyRow[]
  total: YearlyRow
}

export const DIMENSION_LABELS: Record<YearlyDimension, string> = {
  department: '责任科室',
  task: '活动类别',
  county: '所在县市',
}

interface ActivityFigures {
  key: string | number | null
  activities: number
  volunteerTimes: number
  hours: number
  beneficiaries: number
}

const GROUPINGS: Record<YearlyDimension, { join: string; key: string }> = {
  department: {
    join: 'JOIN activity_departments g ON g.activity_id = a.id JOIN departments d ON d.id = g.department_id',
    key: 'd.name',
  },
  task: { join: '', key: 'a.task_code' },
  county: { join: '', key: 'a.county_code' },
}

function activityFigures(
  db: Database,
  period: Period,
  filters: ReportFilters,
  dimension: YearlyDimension | null,
): ActivityFigures[] {
  const conditions = activityConditions(filters, true)
  const grouping = dimension ? GROUPINGS[dimension] : null
  const where = ['a.held_on BETWEEN @from AND @to', ...conditions.where]
  return db
    .prepare(
      `SELECT ${grouping ? grouping.key : 'NULL'} AS key, count(*) AS activities, coalesce(sum(a.volunteer_count), 0) AS volunteerTimes,
              coalesce(sum(a.hours_total), 0) AS hours, coalesce(sum(a.beneficiaries), 0) AS beneficiaries
       FROM activities a ${grouping?.join ?? ''}
       WHERE ${where.join(' AND ')} ${grouping ? 'GROUP BY key' : ''}`,
    )
    .all({ from: period.from, to: period.to, ...conditions.params }) as ActivityFigures[]
}

/** The checklist items of the period's years, with the category and department filters applied. */
function planItemsOf(db: Database, period: Period, filters: ReportFilters, today: string): PlanItemView[] | null {
  if (filters.team || filters.unit || filters.countyCode) return null
  const items: PlanItemView[] = []
  for (let year = Number(period.from.slice(0, 4)); year <= Number(period.to.slice(0, 4)); year++) {
    items.push(...listPlanItems(db, { year, taskCode: filters.taskCode, department: filters.department }, today))
  }
  return items
}

function row(name: string, planItems: readonly PlanItemView[] | null, figures: ActivityFigures | undefined): YearlyRow {
  const planned = planItems ? planItems.length : null
  const done = planItems ? planItems.filter((item) => item.state === '已开展').length : null
  return {
    name,
    planned,
    done,
    rate: planned && done !== null ? done / planned : null,
    activities: figures?.activities ?? 0,
    volunteerTimes: figures?.volunteerTimes ?? 0,
    hours: roundHours(figures?.hours ?? 0),
    beneficiaries: figures?.beneficiaries ?? 0,
  }
}

/** The groups in the bureau's order, each with the key its activities carry and its checklist items. */
function groupsOf(db: Database, dimension: YearlyDimension, items: readonly PlanItemView[] | null) {
  const pick = (test: (item: PlanItemView) => boolean) => (items ? items.filter(test) : null)
  switch (dimension) {
    case 'department':
      return listDepartments(db).map((d) => ({
        name: d.name,
        key: d.name as string | number | null,
        items: pick((item) => item.departments.includes(d.name)),
      }))
    case 'task':
      return listTasks(db).map((t) => ({
        name: t.name,
        key: t.code as string | number | null,
        items: pick((item) => item.taskCode === t.code),
      }))
    case 'county':
      return [
        ...listCounties(db).map((c) => ({ name: c.name, key: c.code as string | number | null, items: null })),
        { name: '未填县市', key: null, items: null },
      ]
  }
}

export function yearlyTable(
  db: Database,
  period: Period,
  filters: ReportFilters,
  dimension: YearlyDimension,
  today: string,
): YearlyTable {
  const items = planItemsOf(db, period, filters, today)
  const figures = new Map(activityFigures(db, period, filters, dimension).map((entry) => [entry.key, entry]))
  const rows = groupsOf(db, dimension, items)
    .map((group) => row(group.name, group.items, figures.get(group.key)))
    // 未填县市 only when some activity has no county; every named group stays, a zero is a finding.
    .filter((entry, index, all) => !(dimension === 'county' && index === all.length - 1 && entry.activities === 0))
  const total = row('合计', items, activityFigures(db, period, filters, null)[0])
  return { dimension, label: DIMENSION_LABELS[dimension], rows, total }
}

export function yearlyReport(db: Database, period: Period, filters: ReportFilters, today: string): YearlyTable[] {
  return (['department', 'task', 'county'] as const).map((dimension) =>
    yearlyTable(db, period, filters, dimension, today),
  )
}
