// A button's action: busy (its spinner) while the core works, the core's message shown if it
// refuses. One home for the try/showError/finally that every such button needs.
import { ref } from 'vue'
import { showError } from '../errors'

export function useBusyAction() {
  const busy = ref(false)

  /** Runs the action; a failure is shown, not thrown. */
  async function run(action: () => Promise<unknown>): Promise<void> {
    busy.value = true
    try {
      await action()
    } catch (error) {
      showError(error)
    } finally {
      busy.value = false
    }
  }

  return { busy, run }
}
