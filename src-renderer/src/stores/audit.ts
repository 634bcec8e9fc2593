// The clerk's history view: the audit trail, newest first, paged and filtered on the core.
import { defineStore } from 'pinia'
import { reactive, shallowRef } from 'vue'
import { call, type OperationOutput } from '../api'
import { usePagedList } from '../composables/usePagedList'
import type { AuditRow } from '../types'

export interface AuditFilters {
  /** Local days as YYYY-MM-DD, both included; '' for no bound. */
  from: string
  to: string
  /** An operator's name; '' for entries made with no operator set; undefined for everyone. */
  operator: string | undefined
  entity: string
  action: string
}

export type AuditFilterOptions = OperationOutput<'audit.filterOptions'>

export const useAuditStore = defineStore('audit', () => {
  const filters = reactive<AuditFilters>({ from: '', to: '', operator: undefined, entity: '', action: '' })
  const options = shallowRef<AuditFilterOptions>({ operators: [], unnamed: false, actions: [], entities: [] })
  const list = usePagedList<AuditRow>((offset, limit) =>
    call('audit.list', {
      offset,
      limit,
      from: filters.from || undefined,
      to: filters.to || undefined,
      operator: filters.operator,
      entity: filters.entity || undefined,
      action: filters.action || undefined,
    }),
  )

  async function loadOptions(): Promise<void> {
    options.value = await call('audit.filterOptions')
  }

  function resetFilters(): void {
    Object.assign(filters, { from: '', to: '', operator: undefined, entity: '', action: '' })
  }

  return { ...list, filters, options, loadOptions, resetFilters }
})
