// A list paged on the core: the rows of the current page, the total, and a load that keeps
// `loading` true while a page is on its way.
import { ref, shallowRef } from 'vue'

export function usePagedList<Row>(
  fetch: (offset: number, limit: number) => Promise<{ rows: Row[]; total: number }>,
  pageSize = 50,
) {
  const rows = shallowRef<Row[]>([])
  const total = ref(0)
  const page = ref(1)
  const size = ref(pageSize)
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const result = await fetch((page.value - 1) * size.value, size.value)
      rows.value = result.rows
      total.value = result.total
    } finally {
      loading.value = false
    }
  }

  return { rows, total, page, pageSize: size, loading, load }
}
