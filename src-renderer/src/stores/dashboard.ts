// 工作台: one year's monthly strips and checklist progress, as the core computes them.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { call, type OperationOutput } from '../api'
import { useClockStore } from './clock'

export type YearDashboard = OperationOutput<'dashboard.year'>
export type Strip = YearDashboard['programme']
export type MonthFigures = Strip['months'][number]
export type DepartmentStrip = YearDashboard['departments'][number]

export const useDashboardStore = defineStore('dashboard', () => {
  const year = ref(useClockStore().year)
  const data = shallowRef<YearDashboard | null>(null)
  const loading = ref(false)
  let latest = 0

  /** A slower, older answer (the clerk flipping years) never overwrites a newer one. */
  async function load(): Promise<void> {
    const ticket = ++latest
    loading.value = true
    try {
      const result = await call('dashboard.year', { year: year.value })
      if (ticket === latest) data.value = result
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  return { year, data, loading, load }
})
