import type { Database } from 'better-sqlite3'

export interface IntegrityReport {
  ok: boolean
  problems: string[]
}

export function checkIntegrity(db: Database): IntegrityReport {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[]
  const foreignKeys = db.pragma('foreign_key_check') as unknown[]
  const problems = rows.map((row) => row.integrity_check).filter((text) => text !== 'ok')
  if (foreignKeys.length > 0) problems.push(`外键不一致 ${foreignKeys.length} 处`)
  return { ok: problems.length === 0, problems }
}
