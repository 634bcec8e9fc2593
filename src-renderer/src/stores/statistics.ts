// 统计 and 工作台's charts: 表4 (paged and sorted on the core), 表5 月度/年度, the charts and the
// year-over-year comparison, with the same period and filters the export and the print take. Every
// figure is the core's (reports.*, dashboard.*); this store only passes the clerk's choices on.
import { defineStore } from 'pinia'
import { reactive, ref, shallowRef } from 'vue'
import { call, type OperationInput, type OperationOutput } from '../api'
import { usePagedList } from '../composables/usePagedList'
import { periodInput, type DayRange } from '../period'
import { useClockStore } from './clock'

export type StatsReport = 'hours' | 'monthly' | 'yearly'
export type HoursInput = OperationInput<'reports.hours'>
export type HoursSort = NonNullable<HoursInput['sort']>
export type HoursRow = OperationOutput<'reports.hours'>['rows'][number]
export type HoursTotals = OperationOutput<'reports.hours'>['totals']
export type MonthlyReport = OperationOutput<'reports.monthly'>
export type YearlyReport = OperationOutput<'reports.yearly'>
export type YearlyTable = YearlyReport['tables'][number]
export type DashboardCharts = OperationOutput<'dashboard.charts'>
export type YearComparison = OperationOutput<'dashboard.compare'>

export interface StatsFilters {
  countyCode?: string
  unit?: string
  team?: string
  task?: string
  department?: string
  /** 表4 only. */
  category?: string
  /** 表4 only: 1–5. */
  starLevel?: number
}

export interface StatsScope {
  year: number
  range: DayRange
  filters: StatsFilters
}

const HOURS_ONLY: (keyof StatsFilters)[] = ['category', 'starLevel']

/** The period and the filters that apply to a report (表5 has no volunteer category or star level). */
export function scopeInput(scope: StatsScope, report: StatsReport) {
  const entries = Object.entries(scope.filters).filter(
    ([key, value]) =>
      value !== undefined && value !== '' && (report === 'hours' || !HOURS_ONLY.includes(key as keyof StatsFilters)),
  )
  return {
    ...periodInput(scope.year, scope.range),
    filters: entries.length ? (Object.fromEntries(entries) as StatsFilters) : undefined,
  }
}

export const useStatisticsStore = defineStore('statistics', () => {
  const clock = useClockStore()
  const scope = reactive<StatsScope>({ year: clock.year, range: null, filters: {} })
  const sort = ref<HoursSort>('hours')
  const order = ref<'asc' | 'desc'>('desc')
  const hoursTotals = shallowRef<HoursTotals | null>(null)
  const periodLabel = ref('')

  const hours = usePagedList<HoursRow>(async (offset, limit) => {
    const result = await call('reports.hours', {
      ...scopeInput(scope, 'hours'),
      offset,
      limit,
      sort: sort.value,
      order: order.value,
    })
    hoursTotals.value = result.totals
    periodLabel.value = result.period.label
    return result
  })

  const monthly = shallowRef<MonthlyReport | null>(null)
  const yearly = shallowRef<YearlyReport | null>(null)

  async function loadMonthly(): Promise<void> {
    monthly.value = await call('reports.monthly', scopeInput(scope, 'monthly'))
  }

  async function loadYearly(): Promise<void> {
    yearly.value = await call('reports.yearly', scopeInput(scope, 'yearly'))
  }

  /** The bureau's workbook of this report with the screen's period and filters (export.form). */
  function exportReport(report: StatsReport) {
    return call('export.form', { form: report, ...scopeInput(scope, report) })
  }

  /** The print document of this report with the screen's period and filters. */
  function printInput(report: StatsReport): OperationInput<'print.document'> {
    return { report, ...scopeInput(scope, report) }
  }

  /** The screen's period as two days: the range, or the year. */
  function periodBounds(): { from: string; to: string } {
    return scope.range
      ? { from: scope.range[0], to: scope.range[1] }
      : { from: `${scope.year}-01-01`, to: `${scope.year}-12-31` }
  }

  /**
   * 工作台 asks for a year's charts while it waits for its strips (which decide whether the charts
   * show), so both travel at once; the charts then take that answer once. Only the last year asked
   * is kept, and 工作台 drops it when it closes, so no answer outlives the screen it was asked for.
   */
  let prefetched: { year: number; answers: Promise<[DashboardCharts, YearComparison]> } | null = null

  function compare(first: number, second: number): Promise<YearComparison> {
    return call('dashboard.compare', { first, second })
  }

  function ask(year: number): Promise<[DashboardCharts, YearComparison]> {
    return Promise.all([call('dashboard.charts', { year }), compare(year - 1, year)])
  }

  function prefetchCharts(year: number): void {
    const answers = ask(year)
    // A failure shows when the charts take the answer (or never, if they are not shown).
    answers.catch(() => {})
    prefetched = { year, answers }
  }

  /** The year's charts and its comparison with the year before. */
  function charts(year: number): Promise<[DashboardCharts, YearComparison]> {
    const found = prefetched?.year === year ? prefetched.answers : null
    prefetched = null
    return found ?? ask(year)
  }

  function dropPrefetched(): void {
    prefetched = null
  }

  return {
    scope,
    sort,
    order,
    hoursRows: hours.rows,
    hoursTotal: hours.total,
    hoursPage: hours.page,
    hoursPageSize: hours.pageSize,
    hoursLoading: hours.loading,
    loadHours: hours.load,
    hoursTotals,
    periodLabel,
    monthly,
    yearly,
    loadMonthly,
    loadYearly,
    exportReport,
    printInput,
    periodBounds,
    charts,
    compare,
    prefetchCharts,
    dropPrefetched,
  }
})
