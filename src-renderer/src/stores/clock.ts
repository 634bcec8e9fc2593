// Today as the core's clock has it: the renderer never reads the machine's date itself, so the app,
// the CLI and the tests agree on what "this month" and "the future" are.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { call } from '../api'

export const useClockStore = defineStore('clock', () => {
  const today = ref('')
  const year = ref(0)

  async function load(): Promise<void> {
    const clock = await call('system.clock')
    today.value = clock.today
    year.value = clock.year
  }

  return { today, year, load }
})
