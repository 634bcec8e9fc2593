// The clerk's history view: the audit trail, newest first, paged on the core.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { call } from '../api'
import type { AuditRow } from '../types'

export const useAuditStore = defineStore('audit', () => {
  const rows = shallowRef<AuditRow[]>([])
  const total = ref(0)
  const page = ref(1)
  const pageSize = ref(50)
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const result = await call('audit.list', { offset: (page.value - 1) * pageSize.value, limit: pageSize.value })
      rows.value = result.rows
      total.value = result.total
    } finally {
      loading.value = false
    }
  }

  return { rows, total, page, pageSize, loading, load }
})
