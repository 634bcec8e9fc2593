// One paged, filtered list of volunteers: the live roster and the recycle bin share it. The query
// runs on the core (SQLite), so only one page ever crosses the bridge, even at 100,000 volunteers.
import { reactive, ref, shallowRef } from 'vue'
import { call } from '../api'
import type { VolunteerRow } from '../types'

export type RosterSort = 'pinyin' | 'updated'

export interface RosterFilters {
  countyCode: string
  category: string
  team: string
  political: string
  unit: string
}

/** Clear values the clerk asked to see, per row and per field; cleared on every reload. */
export type Revealed = Record<number, { idNumber?: string; phone?: string }>

/** How long a revealed number stays visible before it is masked again. */
const REVEAL_MS = 30_000

export function useVolunteerList(deleted: boolean) {
  const q = ref('')
  const filters = reactive<RosterFilters>({ countyCode: '', category: '', team: '', political: '', unit: '' })
  const sort = ref<RosterSort>('pinyin')
  const page = ref(1)
  const pageSize = ref(50)
  const rows = shallowRef<VolunteerRow[]>([])
  const total = ref(0)
  const loading = ref(false)
  const revealed = ref<Revealed>({})
  let latest = 0
  const timers = new Set<ReturnType<typeof setTimeout>>()

  function forgetRevealed(): void {
    for (const timer of timers) clearTimeout(timer)
    timers.clear()
    revealed.value = {}
  }

  /** Loads the current page; a slower, older answer never overwrites a newer one. */
  async function load(): Promise<void> {
    const ticket = ++latest
    loading.value = true
    try {
      const result = await call('roster.search', {
        q: q.value.trim() || undefined,
        ...filters,
        deleted,
        sort: sort.value,
        descending: sort.value === 'updated',
        offset: (page.value - 1) * pageSize.value,
        limit: pageSize.value,
      })
      if (ticket !== latest) return
      forgetRevealed()
      rows.value = result.rows
      total.value = result.total
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  /** A new query or filter starts again at page 1. */
  function search(): Promise<void> {
    page.value = 1
    return load()
  }

  function resetFilters(): void {
    q.value = ''
    Object.assign(filters, { countyCode: '', category: '', team: '', political: '', unit: '' })
  }

  /** The one place a clear ID or phone number reaches the screen: the clerk clicked 显示. */
  async function reveal(id: number, field: 'idNumber' | 'phone'): Promise<void> {
    const { value } = await call('roster.reveal', { id, field })
    revealed.value = { ...revealed.value, [id]: { ...revealed.value[id], [field]: value } }
    const timer = setTimeout(() => {
      timers.delete(timer)
      hide(id, field)
    }, REVEAL_MS)
    timers.add(timer)
  }

  function hide(id: number, field: 'idNumber' | 'phone'): void {
    const entry = { ...revealed.value[id] }
    delete entry[field]
    revealed.value = { ...revealed.value, [id]: entry }
  }

  return { q, filters, sort, page, pageSize, rows, total, loading, revealed, load, search, resetFilters, reveal, hide }
}
