// 工作台: one year's monthly strips and checklist progress, as the core computes them.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { useLatestLoad } from '../composables/usePagedList'
import { call, type OperationOutput } from '../api'
import { useClockStore } from './clock'

export type YearDashboard = OperationOutput<'dashboard.year'>
export type Strip = YearDashboard['programme']
export type MonthFigures = Strip['months'][number]
export type DepartmentStrip = YearDashboard['departments'][number]

export const useDashboardStore = defineStore('dashboard', () => {
  const year = ref(useClockStore().year)
  const data = shallowRef<YearDashboard | null>(null)
  const { loading, load } = useLatestLoad(
    () => call('dashboard.year', { year: year.value }),
    (result) => (data.value = result),
  )

  /** How many volunteers the roster holds: the first-run guide's first step. */
  async function volunteerCount(): Promise<number> {
    return (await call('system.stats', {})).volunteers
  }

  return { year, data, loading, load, volunteerCount }
})
