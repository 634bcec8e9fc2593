// One paged, filtered list of volunteers: the live roster and the recycle bin share it. The query
// runs on the core (SQLite), so only one page ever crosses the bridge, even at 100,000 volunteers.
import { reactive, ref } from 'vue'
import { call } from '../api'
import { usePagedList } from '../composables/usePagedList'
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
  const revealed = ref<Revealed>({})
  const timers = new Set<ReturnType<typeof setTimeout>>()

  function forgetRevealed(): void {
    for (const timer of timers) clearTimeout(timer)
    timers.clear()
    revealed.value = {}
  }

  const list = usePagedList<VolunteerRow>(
    (offset, limit) =>
      call('roster.search', {
        q: q.value.trim() || undefined,
        ...filters,
        deleted,
        sort: sort.value,
        descending: sort.value === 'updated',
        offset,
        limit,
      }),
    // A new page masks again whatever the clerk revealed on the old one.
    { onPage: forgetRevealed },
  )

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

  return { ...list, q, filters, sort, revealed, resetFilters, reveal, hide }
}
