// A figure chosen on 工作台 or 统计 arrives in the address (?year=&month=&task=&department=&county=,
// see composables/useDrill.ts). A month becomes the list's month filter, shown as a tag the clerk can
// remove, and is dropped on leaving 活动登记: a filter the clerk did not set here never lingers
// silently for the next visit. Task, department and county go into the list's own filters.
import { onBeforeUnmount, ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useActivitiesStore } from '../../stores/activities'

export interface LinkedMonth {
  year: number
  month: number
}

export function useLinkedMonth() {
  const store = useActivitiesStore()
  const route = useRoute()
  const router = useRouter()
  const linked = ref<LinkedMonth | null>(null)

  const year = Number(route.query.year)
  const month = Number(route.query.month)
  if (Number.isInteger(year) && year > 0) {
    store.year = year
    store.resetFilters()
    if (Number.isInteger(month) && month >= 1 && month <= 12) {
      store.filters.month = month
      linked.value = { year, month }
    }
    const task = Number(route.query.task)
    if (Number.isInteger(task) && task > 0) store.filters.taskCode = task
    if (typeof route.query.department === 'string') store.filters.department = route.query.department
    if (typeof route.query.county === 'string') store.filters.countyCode = route.query.county
    void router.replace({ path: '/activities', query: route.query.new ? { new: route.query.new } : {} })
  }

  /** Choosing another year or month by hand makes the filter the clerk's own. */
  watch(
    () => [store.year, store.filters.month],
    () => {
      if (linked.value && (store.year !== linked.value.year || store.filters.month !== linked.value.month))
        linked.value = null
    },
  )

  function clear(): void {
    if (linked.value && store.filters.month === linked.value.month) store.filters.month = undefined
    linked.value = null
  }

  onBeforeUnmount(clear)
  return { linked, clear }
}
