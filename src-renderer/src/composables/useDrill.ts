// Drill-down: a figure of 工作台 or 统计 (a bar, a month, a table cell, a headline figure) opens
// 活动登记 on the records behind it. The filter travels in the address (views/activities/useLinkedMonth.ts
// turns it into the list's own filters, which the clerk sees and can clear).
import { useRouter } from 'vue-router'

export interface DrillTarget {
  year: number
  month?: number
  taskCode?: number
  department?: string
  /** A county code, or 'none' for 未填县市. */
  countyCode?: string
}

/** 未填县市 is how 表5 and the charts name activities without a county. */
export const NO_COUNTY = '未填县市'

export function drillQuery(target: DrillTarget): Record<string, string> {
  const query: Record<string, string> = { year: String(target.year) }
  if (target.month) query.month = String(target.month)
  if (target.taskCode) query.task = String(target.taskCode)
  if (target.department) query.department = target.department
  if (target.countyCode) query.county = target.countyCode
  return query
}

export function useDrill() {
  const router = useRouter()
  return {
    openActivities: (target: DrillTarget) => router.push({ path: '/activities', query: drillQuery(target) }),
  }
}
