// 报送情况: which schools of the units directory have sent their 表1/表3 returns in a period, as the
// core reads the import history; the 未报送提醒名单 as a workbook or a print.
import { defineStore } from 'pinia'
import { reactive, shallowRef } from 'vue'
import { useLatestLoad } from '../composables/usePagedList'
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

  function input(): OperationInput<'returns.inbox'> {
    const period =
      choices.mode === 'months' && choices.months
        ? { from: choices.months[0], to: choices.months[1] }
        : { year: choices.year }
    return { ...period, countyCode: choices.countyCode || undefined, kind: choices.kind || undefined }
  }

  const { loading, load } = useLatestLoad(
    () => call('returns.inbox', input()),
    (result) => (inbox.value = result),
  )

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
