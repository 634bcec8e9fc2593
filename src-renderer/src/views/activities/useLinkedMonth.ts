// A month chosen on 工作台 arrives in the address (?year=&month=). It becomes the list's month filter,
// shown as a tag the clerk can remove, and is dropped on leaving 活动登记: a filter the clerk did not
// set here never lingers silently for the next visit.
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
  if (Number.isInteger(year) && Number.isInteger(month) && month >= 1 && month <= 12) {
    store.year = year
    store.resetFilters()
    store.filters.month = month
    linked.value = { year, month }
    void router.replace({ path: '/activities', query: route.query.new ? { new: route.query.new } : {} })
  } else if (Number.isInteger(year) && (route.query.task || route.query.department)) {
    // A bar of 工作台's charts: the year's activities of one task type or one department, shown in
    // the list's own filters (which the clerk sees and can clear).
    store.year = year
    store.resetFilters()
    const task = Number(route.query.task)
    if (Number.isInteger(task) && task > 0) store.filters.taskCode = task
    if (typeof route.query.department === 'string') store.filters.department = route.query.department
    void router.replace({ path: '/activities', query: {} })
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
