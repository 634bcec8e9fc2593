// 活动清单 (表2): one year's checklist items with the state the core derives, and their edits.
import { defineStore } from 'pinia'
import { reactive, ref, shallowRef } from 'vue'
import { useLatestLoad } from '../composables/usePagedList'
import { call, type OperationInput, type OperationOutput } from '../api'
import { useClockStore } from './clock'

export type PlanItem = OperationOutput<'plan.list'>[number]
export type PlanState = PlanItem['state']
export type PlanSaveInput = OperationInput<'plan.save'>

export interface PlanFilters {
  taskCode: number | undefined
  department: string
  state: PlanState | ''
}

export const usePlanStore = defineStore('plan', () => {
  const year = ref(useClockStore().year)
  const filters = reactive<PlanFilters>({ taskCode: undefined, department: '', state: '' })
  const items = shallowRef<PlanItem[]>([])
  const years = shallowRef<number[]>([])
  const { loading, load } = useLatestLoad(
    () =>
      call('plan.list', {
        year: year.value,
        taskCode: filters.taskCode,
        department: filters.department || undefined,
        state: filters.state || undefined,
      }),
    (result) => (items.value = result),
  )

  async function loadYears(): Promise<void> {
    years.value = await call('plan.years')
  }

  /** Items of any year, unfiltered: the activity form links to one of them. */
  async function itemsOf(forYear: number): Promise<PlanItem[]> {
    return call('plan.list', { year: forYear })
  }

  async function save(input: PlanSaveInput): Promise<OperationOutput<'plan.save'>> {
    const result = await call('plan.save', input)
    await Promise.all([load(), loadYears()])
    return result
  }

  async function remove(id: number): Promise<void> {
    await call('plan.delete', { id })
    await load()
  }

  async function copyYear(from: number, to: number): Promise<OperationOutput<'plan.copyYear'>> {
    const result = await call('plan.copyYear', { from, to })
    await loadYears()
    return result
  }

  /** 表2 of the year shown, as the bureau's form. */
  function exportForm() {
    return call('export.form', { form: 'plan', year: year.value })
  }

  function resetFilters(): void {
    Object.assign(filters, { taskCode: undefined, department: '', state: '' })
  }

  return {
    year,
    filters,
    items,
    years,
    loading,
    load,
    loadYears,
    itemsOf,
    save,
    remove,
    copyYear,
    exportForm,
    resetFilters,
  }
})
