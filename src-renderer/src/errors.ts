// Turning core errors into what the clerk sees: the core's Chinese message, as it is.
import { ElMessage } from 'element-plus'
import { ApiError } from './api'
import type { FieldIssue } from './types'

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message
  if (error instanceof Error) return `程序出错：${error.message}`
  return String(error)
}

/** The per-field findings a VALIDATION (or CONFLICT) error carries, if any. */
export function issuesOf(error: unknown): FieldIssue[] {
  if (!(error instanceof ApiError)) return []
  const details = error.details as { issues?: unknown } | undefined
  return Array.isArray(details?.issues) ? (details.issues as FieldIssue[]) : []
}

export function showError(error: unknown): void {
  ElMessage.error({ message: messageOf(error), duration: 5000, showClose: true })
}
