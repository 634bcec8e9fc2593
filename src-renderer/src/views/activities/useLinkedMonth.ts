// A figure chosen on 工作台 or 统计 arrives in the address (see composables/useDrill.ts). Task,
// department and county go into the list's own filters, a month into its month filter; what the
// figure counted besides (activities started in its period, 集中服务 or not, a team, an organiser)
// becomes the store's drill scope, shown as one tag the clerk can remove. Both are dropped on leaving
// 活动登记, and choosing another year or month by hand drops the scope: a filter the clerk did not set
// here never lingers silently.
import { computed, onBeforeUnmount, ref, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { monthBounds } from '../../composables/useDrill'
import { useActivitiesStore, type DrillScope } from '../../stores/activities'

export interface LinkedMonth {
  year: number
  month: number
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined
}

/** 2026 年 4 月 / 2026 年 / 2026-03-01 至 2026-06-30 */
function periodLabel(scope: DrillScope, linked: LinkedMonth | null): string {
  if (linked) return `${linked.year} 年 ${linked.month} 月`
  const year = scope.startedFrom.slice(0, 4)
  if (scope.startedFrom === `${year}-01-01` && scope.startedTo === `${year}-12-31`) return `${year} 年`
  return `${scope.startedFrom} 至 ${scope.startedTo} `
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
    const isMonth = Number.isInteger(month) && month >= 1 && month <= 12
    if (isMonth) {
      store.filters.month = month
      linked.value = { year, month }
    }
    const task = Number(route.query.task)
    if (Number.isInteger(task) && task > 0) store.filters.taskCode = task
    store.filters.department = text(route.query.department) ?? ''
    store.filters.countyCode = text(route.query.county) ?? ''
    const from = text(route.query.from)
    const to = text(route.query.to)
    const period =
      from && to && DAY.test(from) && DAY.test(to)
        ? { from, to }
        : isMonth
          ? monthBounds(year, month)
          : { from: `${year}-01-01`, to: `${year}-12-31` }
    const concentrated = route.query.concentrated
    store.scope = {
      startedFrom: period.from,
      startedTo: period.to,
      concentrated: concentrated === '1' ? true : concentrated === '0' ? false : undefined,
      team: text(route.query.team),
      organizer: text(route.query.organizer),
    }
    void router.replace({ path: '/activities', query: route.query.new ? { new: route.query.new } : {} })
  }

  /** What the list holds, in the clerk's words: 2026 年 4 月开展的集中服务 · 服务队 教育宣讲团. */
  const scopeLabel = computed(() => {
    const scope = store.scope
    if (!scope) return ''
    const kind = scope.concentrated === true ? '集中服务' : scope.concentrated === false ? '非集中服务活动' : '活动'
    return [
      `${periodLabel(scope, linked.value)}开展的${kind}`,
      scope.team && `服务队 ${scope.team}`,
      scope.organizer && `组织单位 ${scope.organizer}`,
    ]
      .filter(Boolean)
      .join(' · ')
  })

  /** Choosing another year or month by hand makes the filter the clerk's own. */
  watch(
    () => [store.year, store.filters.month],
    () => {
      if (linked.value && (store.year !== linked.value.year || store.filters.month !== linked.value.month))
        linked.value = null
      if (store.scope && !linked.value) store.scope = null
    },
  )

  function clear(): void {
    if (linked.value && store.filters.month === linked.value.month) store.filters.month = undefined
    linked.value = null
    store.scope = null
  }

  onBeforeUnmount(clear)
  return { linked, scopeLabel, clear }
}
