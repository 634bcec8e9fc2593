import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Database } from 'better-sqlite3'
import { CoreError } from '../errors'

/**
 * Migrations are numbered .sql files applied in order; PRAGMA user_version records the last one.
 * The folder sits beside this module in the source tree and beside the bundle in out/main.
 */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url))

interface Migration {
  version: number
  name: string
  sql: string
}

const MIGRATION_NAME = /^(\d{3})_[a-z0-9_]+\.sql$/

/**
 * Reads the folder strictly: a stray or misnamed file, a gap or a repeated number would otherwise
 * leave a schema change unapplied without a word, so each is an error at start-up.
 */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .sort()
    .map((file) => {
      const match = MIGRATION_NAME.exec(file)
      if (!match)
        throw new CoreError('INTERNAL', `迁移文件名不合规：${file}（应为 NNN_名称.sql，如 005_certificates.sql）`)
      return { version: Number(match[1]), name: file, sql: readFileSync(`${dir}/${file}`, 'utf8') }
    })
  migrations.forEach((migration, index) => {
    if (migration.version === index + 1) return
    const repeated = migrations.find((other) => other !== migration && other.version === migration.version)
    throw new CoreError(
      'INTERNAL',
      repeated
        ? `迁移编号 ${migration.name.slice(0, 3)} 重复：${repeated.name} 与 ${migration.name}`
        : `迁移编号不连续：缺少第 ${index + 1} 号（下一个文件是 ${migration.name}）`,
    )
  })
  return migrations
}

/**
 * The upgrade the migrations would make to an existing database (from its version to the
 * latest), or null: a new, empty database (version 0) or one already up to date needs none.
 */
export function pendingUpgrade(db: Database, migrations = loadMigrations()): { from: number; to: number } | null {
  const from = db.pragma('user_version', { simple: true }) as number
  const to = migrations.at(-1)?.version ?? 0
  return from > 0 && from < to ? { from, to } : null
}

export function migrate(db: Database, migrations = loadMigrations()): number {
  const current = db.pragma('user_version', { simple: true }) as number
  const latest = migrations.at(-1)?.version ?? 0
  if (current > latest) {
    throw new CoreError('CONFLICT', `数据库版本（${current}）比本程序（${latest}）新，请升级程序后再打开此数据库。`, {
      kind: 'newer',
    })
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue
    db.transaction(() => {
      db.exec(migration.sql)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
  return latest
}
