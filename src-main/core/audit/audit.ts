import type { Database } from 'better-sqlite3'
import { maskIdNumber, maskPhone } from '../domain'

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
  entityId: number | null
  summary: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

export function listAudit(
  db: Database,
  filter: { entity?: string; entityId?: number; limit: number; offset: number },
): { total: number; rows: AuditRow[] } {
  const where: string[] = []
  const params: Record<string, unknown> = { limit: filter.limit, offset: filter.offset }
  if (filter.entity) {
    where.push('entity = @entity')
    params.entity = filter.entity
  }
  if (filter.entityId !== undefined) {
    where.push('entity_id = @entityId')
    params.entityId = filter.entityId
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const total = (db.prepare(`SELECT count(*) AS n FROM audit ${clause}`).get(params) as { n: number }).n
  const rows = db
    .prepare(
      `SELECT id, at, operator, action, entity, entity_id AS entityId, summary, before, after
       FROM audit ${clause} ORDER BY id DESC LIMIT @limit OFFSET @offset`,
    )
    .all(params) as (Omit<AuditRow, 'before' | 'after'> & { before: string | null; after: string | null })[]
  return {
    total,
    rows: rows.map((row) => ({
      ...row,
      before: row.before ? (JSON.parse(row.before) as Record<string, unknown>) : null,
      after: row.after ? (JSON.parse(row.after) as Record<string, unknown>) : null,
    })),
  }
}
