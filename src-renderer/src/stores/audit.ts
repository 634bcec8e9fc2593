// The clerk's history view: the audit trail, newest first, paged on the core.
import { defineStore } from 'pinia'
import { call } from '../api'
import { usePagedList } from '../composables/usePagedList'
import type { AuditRow } from '../types'

export const useAuditStore = defineStore('audit', () =>
  usePagedList<AuditRow>((offset, limit) => call('audit.list', { offset, limit })),
)
