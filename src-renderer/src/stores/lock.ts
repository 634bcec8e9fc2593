// The idle lock: with a 登录密码 set, the app locks after the minutes the clerk chose without a key
// or mouse input. The core holds the state (security.lock refuses every data operation until
// security.unlock checks the password); this store only watches for idleness and shows the screen.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { call, type OperationInput } from '../api'
import type { OperationOutput } from '../../../src-main/core/api'

type SecurityStatus = OperationOutput<'security.status'>

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const

export const useLockStore = defineStore('lock', () => {
  const status = ref<SecurityStatus | null>(null)
  const locked = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined

  function arm(): void {
    clearTimeout(timer)
    const minutes = status.value?.idleMinutes ?? 0
    if (!status.value?.encrypted || minutes <= 0 || locked.value) return
    timer = setTimeout(() => void lock(), minutes * 60_000)
  }

  function apply(next: SecurityStatus): void {
    status.value = next
    locked.value = next.locked
    arm()
  }

  async function load(): Promise<void> {
    apply(await call('security.status'))
  }

  async function lock(): Promise<void> {
    apply(await call('security.lock'))
  }

  async function unlock(password: string): Promise<void> {
    apply(await call('security.unlock', { password }))
  }
  /** Sets or changes the 登录密码: the core encrypts the ledger in place. */
  async function setPassword(input: OperationInput<'security.setPassword'>): Promise<void> {
    apply(await call('security.setPassword', input))
  }

  async function removePassword(current: string): Promise<void> {
    apply(await call('security.removePassword', { current }))
  }

  async function setIdle(minutes: number): Promise<void> {
    apply(await call('security.setIdle', { minutes }))
  }

  /** Starts watching for input; any key or mouse movement restarts the idle countdown. */
  function watchIdle(): void {
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, () => !locked.value && arm(), { passive: true })
  }

  return { status, locked, load, lock, unlock, setPassword, removePassword, setIdle, apply, watchIdle }
})
