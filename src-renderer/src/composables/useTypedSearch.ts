// Search as the clerk types: the query goes to the core once typing pauses, and leaving the page
// drops a search still waiting. The roster, the recycle bin, the activities and the unit directory
// all search this way.
import { onBeforeUnmount, watch } from 'vue'

export const SEARCH_DELAY_MS = 200

export function useTypedSearch(query: () => string, search: () => void, delay = SEARCH_DELAY_MS): void {
  let timer: ReturnType<typeof setTimeout> | undefined
  watch(query, () => {
    clearTimeout(timer)
    timer = setTimeout(search, delay)
  })
  onBeforeUnmount(() => clearTimeout(timer))
}
