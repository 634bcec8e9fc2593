// 报送情况: which schools of the units directory have sent their 表1/表3 returns in a period, as the
// core reads the import history; the 未报送提醒名单 as a workbook or a print.
import { defineStore } from 'pinia'
import { reactive, ref, shallowRef } from 'vue'
import { call, type OperationInput, type OperationOutput } from '../api'
import { useClockStore } from './clock'

export type Inbox = OperationOutput<'returns.inbox'>
export type InboxRow = Inbox['rows'][number]
export type ReturnSent = NonNullable<InboxRow['roster']>

export interface InboxChoices {
  /** 'year' or a month range (YYYY-MM to YYYY-MM). */
  mode: 'year' | 'months'
  year: number
  months: [string, string] | null
  countyCode: string
  kind: string
}

export const useReturnsStore = defineStore('returns', () => {
  const choices = reactive<InboxChoices>({
    mode: 'year',
    year: useClockStore().year,
    months: null,
    countyCode: '',
    kind: '',
  })
  const inbox = shallowRef<Inbox | null>(null)
  const loading = ref(false)
  let latest = 0

  function input(): OperationInput<'returns.inbox'> {
    const period =
      choices.mode === 'months' && choices.months
        ? { from: choices.months[0], to: choices.months[1] }
        : { year: choices.year }
    return { ...period, countyCode: choices.countyCode || undefined, kind: choices.kind || undefined }
  }

  async function load(): Promise<void> {
    const ticket = ++latest
    loading.value = true
    try {
      const result = await call('returns.inbox', input())
      if (ticket === latest) inbox.value = result
    } finally {
      if (ticket === latest) loading.value = false
    }
  }

  const exportReminder = () => call('returns.reminder.export', input())

  /** The print takes days: the inbox's own period, as the core resolved it. */
  function printInput(): OperationInput<'print.document'> {
    const period = inbox.value?.period
    return {
      report: 'returns-reminder',
      ...(period ? { from: period.from, to: period.to } : { year: choices.year }),
      filters: choices.countyCode ? { countyCode: choices.countyCode } : undefined,
      unitKind: choices.kind || undefined,
    }
  }

  return { choices, inbox, loading, load, exportReminder, printInput }
})
