import type { Database } from 'better-sqlite3'
import { maskIdNumber, maskPhone } from '../domain'
import { actionLabel, entityLabel } from './labels'

export interface AuditEntry {
  action: string
  entity: string
  entityId?: number | null
  summary: string
  before?: Record<string, unknown> | null
  after?: Record<string, unknown> | null
}

/** The audit trail must never hold personal numbers in clear text (PIPL), so they are masked here. */
function masked(values: Record<string, unknown> | null | undefined): string | null {
  if (!values) return null
  const copy: Record<string, unknown> = { ...values }
  if (typeof copy.idNumber === 'string') copy.idNumber = maskIdNumber(copy.idNumber)
  if (typeof copy.phone === 'string') copy.phone = maskPhone(copy.phone)
  return JSON.stringify(copy)
}

export function recordAudit(db: Database, at: Date, operator: string | null, entry: AuditEntry): void {
  db.prepare(
    `INSERT INTO audit (at, operator, action, entity, entity_id, summary, before, after)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    at.toISOString(),
    operator,
    entry.action,
    entry.entity,
    entry.entityId ?? null,
    entry.summary,
    masked(entry.before),
    masked(entry.after),
  )
}

export interface AuditRow {
  id: number
  at: string
  operator: string | null
  action: string
  entity: string
  /** Chinese for the codes above (labels.ts). */
  actionLabel: string
  entityLabel: string
  entityId: number | null
  summary: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

export interface AuditFilter {
  entity?: string
  entityId?: number
  action?: string
  /** The operator's name as recorded; '' for entries made with no operator set. */
  operator?: string
  /** Local days, YYYY-MM-DD, both included. */
  from?: string
  to?: string
  limit: number
  offset: number
}

/** A local day's start as the stored timestamps are written (ISO, UTC). */
function dayStart(day: string, plusDays = 0): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return new Date(year, month - 1, date + plusDays).toISOString()
}

/**
 * The audit table stays small (one row per hand edit, one per import batch), so these filters scan
 * it without an index; the page itself is read newest first by the primary key.
 */
function whereOf(filter: AuditFilter): { clause: string; params: Record<string, unknown> } {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  const equal = (column: string, key: 'entity' | 'entityId' | 'action', value: unknown) => {
    where.push(`${column} = @${key}`)
    params[key] = value
  }
  if (filter.entity) equal('entity', 'entity', filter.entity)
  if (filter.entityId !== undefined) equal('entity_id', 'entityId', filter.entityId)
  if (filter.action) equal('action', 'action', filter.action)
  if (filter.operator !== undefined) {
    where.push(filter.operator === '' ? "coalesce(operator, '') = ''" : 'operator = @operator')
    params.operator = filter.operator
  }
  if (filter.from) {
    where.push('at >= @from')
    params.from = dayStart(filter.from)
  }
  if (filter.to) {
    where.push('at < @to')
    params.to = dayStart(filter.to, 1)
  }
  return { clause: where.length ? `WHERE ${where.join(' AND ')}` : '', params }
}

export function listAudit(db: Database, filter: AuditFilter): { total: number; rows: AuditRow[] } {
  const { clause, params } = whereOf(filter)
  const total = (db.prepare(`SELECT count(*) AS n FROM audit ${clause}`).get(params) as { n: number }).n
  const rows = db
    .prepare(
      `SELECT id, at, operator, action, entity, entity_id AS entityId, summary, before, after
       FROM audit ${clause} ORDER BY id DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: filter.limit, offset: filter.offset }) as (Omit<
    AuditRow,
    'before' | 'after' | 'actionLabel' | 'entityLabel'
  > & {
    before: string | null
    after: string | null
  })[]
  return {
    total,
    rows: rows.map((row) => ({
      ...row,
      actionLabel: actionLabel(row.action, row.entity),
      entityLabel: entityLabel(row.entity),
      before: row.before ? (JSON.parse(row.before) as Record<string, unknown>) : null,
      after: row.after ? (JSON.parse(row.after) as Record<string, unknown>) : null,
    })),
  }
}

export interface AuditFilterOptions {
  operators: string[]
  /** Whether some entries were made with no operator set (shown as 未设置). */
  unnamed: boolean
  actions: { code: string; label: string }[]
  entities: { code: string; label: string }[]
}

/** What the filters can offer: the operators, actions and kinds of record the trail holds. */
export function auditFilterOptions(db: Database): AuditFilterOptions {
  const distinct = (column: string) =>
    (
      db.prepare(`SELECT DISTINCT ${column} AS value FROM audit ORDER BY value`).all() as { value: string | null }[]
    ).map((row) => row.value)
  const operators = distinct('operator')
  return {
    operators: operators.filter((name): name is string => Boolean(name)),
    unnamed: operators.some((name) => !name),
    actions: (distinct('action') as string[]).map((code) => ({ code, label: actionLabel(code, '') })),
    entities: (distinct('entity') as string[]).map((code) => ({ code, label: entityLabel(code) })),
  }
}
