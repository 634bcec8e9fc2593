// Paging, in one place. usePagedList: a list paged on the core, the rows of the current page, the
// total, and a load that keeps `loading` true while a page is on its way; every list paged on the
// core (roster, recycle bin, activities, audit, import history, the import preview's rows) uses it.
// usePagedSlice: the same page and page size over a list the renderer already holds in full (the
// unit directory, the preview's issues). useLatestLoad: the stale-response guard on its own, for
// what is loaded whole (工作台, 活动清单, 报送收件箱, 年度对比).
import { computed, ref, shallowRef, type Ref } from 'vue'

export interface PagedListOptions<Row> {
  pageSize?: number
  /** Called with a page that is about to be shown (not with a stale one), before the rows change. */
  onPage?: (page: { rows: Row[]; total: number }) => void
}

/**
 * A load whose answer only counts while it is the newest: a slower answer to an older query (the
 * clerk typed on, turned the page again, flipped years) never overwrites a newer one, and its
 * failure is not reported: only the newest query's result, loading state and error reach the screen.
 */
export function useLatestLoad<Result>(fetch: () => Promise<Result>, show: (result: Result) => void) {
  const loading = ref(false)
  let latest = 0

  async function load(): Promise<void> {
    const ticket = ++latest
    loading.value = true
    try {
      const result = await fetch()
      if (ticket === latest) show(result)
    } catch (error) {
      if (ticket === latest) throw error
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  return { loading, load }
}

/** 序号 of the row at `index` on the current page, counted over the whole list. */
function sequenceOn(page: Ref<number>, pageSize: Ref<number>) {
  return (index: number) => (page.value - 1) * pageSize.value + index + 1
}

export function usePagedList<Row>(
  fetch: (offset: number, limit: number) => Promise<{ rows: Row[]; total: number }>,
  options: PagedListOptions<Row> = {},
) {
  const rows = shallowRef<Row[]>([])
  const total = ref(0)
  const page = ref(1)
  const pageSize = ref(options.pageSize ?? 50)
  /** Loads the current page (through the stale-response guard). */
  const { loading, load } = useLatestLoad(
    () => fetch((page.value - 1) * pageSize.value, pageSize.value),
    (result) => {
      options.onPage?.(result)
      rows.value = result.rows
      total.value = result.total
    },
  )

  /** A new query or filter starts again at page 1. */
  function search(): Promise<void> {
    page.value = 1
    return load()
  }

  return { rows, total, page, pageSize, loading, load, search, sequence: sequenceOn(page, pageSize) }
}

/** Pages a list already in the renderer: the current page's rows follow the list as it changes. */
export function usePagedSlice<Row>(source: () => readonly Row[], pageSize = 50) {
  const page = ref(1)
  const size = ref(pageSize)
  const total = computed(() => source().length)
  const rows = computed(() => source().slice((page.value - 1) * size.value, page.value * size.value))
  return { rows, total, page, pageSize: size, sequence: sequenceOn(page, size) }
}
