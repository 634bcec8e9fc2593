// Start-up: the host's gate opens the ledger before anything else (core/db/startup.ts). Until it is
// open the page shows the failure and its ways out; the app shell is mounted only after.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { callStartup, type StartupOperation, type StartupStatus } from '../api'
import { messageOf } from '../errors'

export const useStartupStore = defineStore('startup', () => {
  const status = ref<StartupStatus | null>(null)
  /** A refusal of the way out itself (no backup after all, the dialog closed…), shown under the failure. */
  const error = ref('')
  const busy = ref(false)
  const open = computed(() => status.value?.ok === true)
  const failure = computed(() => (status.value && !status.value.ok ? status.value.failure : null))

  async function run(name: StartupOperation, input?: { password?: string }): Promise<void> {
    busy.value = true
    error.value = ''
    try {
      status.value = await callStartup(name, input)
    } catch (failed) {
      error.value = messageOf(failed)
    } finally {
      busy.value = false
    }
  }

  return {
    status,
    error,
    busy,
    open,
    failure,
    load: () => run('startup.status'),
    retry: () => run('startup.retry'),
    unlock: (password: string) => run('startup.unlock', { password }),
    restoreBackup: () => run('startup.restoreBackup'),
    chooseFolder: () => run('startup.useFolder'),
  }
})
