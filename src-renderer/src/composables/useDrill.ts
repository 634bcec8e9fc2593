// Drill-down: a figure of 工作台 or 统计 (a bar, a month, a table cell, a headline figure) opens
// 活动登记 on the records behind it. The filter travels in the address (views/activities/useLinkedMonth.ts
// turns it into the list's own filters and one tag saying what is counted, which the clerk can clear).
// A figure counts activities by 开展日期 (a multi-day activity in the month it started) and, for the
// monthly rule, 集中服务 only: the address carries both, so the list holds exactly what was counted.
import { useRouter } from 'vue-router'

export interface DrillTarget {
  year: number
  month?: number
  /** The statistic's period (both inclusive) when it is not the year or the month. */
  from?: string
  to?: string
  /** 集中服务 only (true), the others only (false), or all (undefined). */
  concentrated?: boolean
  taskCode?: number
  department?: string
  /** A county code, or 'none' for 未填县市. */
  countyCode?: string
  team?: string
  /** 组织单位 (表5's unit filter). */
  organizer?: string
}

/** 未填县市 is how 表5 and the charts name activities without a county. */
export const NO_COUNTY = '未填县市'

export function drillQuery(target: DrillTarget): Record<string, string> {
  const query: Record<string, string> = { year: String(target.year) }
  if (target.month) query.month = String(target.month)
  if (target.from && target.to) Object.assign(query, { from: target.from, to: target.to })
  if (target.concentrated !== undefined) query.concentrated = target.concentrated ? '1' : '0'
  if (target.taskCode) query.task = String(target.taskCode)
  if (target.department) query.department = target.department
  if (target.countyCode) query.county = target.countyCode
  if (target.team) query.team = target.team
  if (target.organizer) query.organizer = target.organizer
  return query
}

const pad = (value: number) => String(value).padStart(2, '0')

/** The first and last day of a month, as the statistics count it. */
export function monthBounds(year: number, month: number): { from: string; to: string } {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}` }
}

export function useDrill() {
  const router = useRouter()
  return {
    openActivities: (target: DrillTarget) => router.push({ path: '/activities', query: drillQuery(target) }),
    /** 活动清单 of the year, for a department and a state (a bar of the checklist chart). */
    openPlan: (query: { year: number; department?: string; state?: string }) =>
      router.push({
        path: '/plan',
        query: Object.fromEntries(
          Object.entries(query)
            .filter(([, value]) => value !== undefined)
            .map(([k, v]) => [k, String(v)]),
        ),
      }),
  }
}
