import { chmodSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import type { Database } from 'better-sqlite3'
import { unlockConnection } from './cipher'
import { OWNER_ONLY_DIR, OWNER_ONLY_FILE } from '../fileModes'
import { backupBeforeUpgrade } from './backup'
import { loadMigrations, migrate } from './migrate'
import { seedReferenceData } from './seed'

export interface OpenOptions {
  /** Path to an Electron-ABI build of better-sqlite3 (see scripts/electron-native.mjs). */
  nativeBinding?: string
  readonly?: boolean
  /** The 登录密码 of an encrypted database; held only in memory, never stored. */
  password?: string
}

/**
 * Opens (creating if needed) a ledger database, migrates it and seeds reference data once. An
 * existing ledger from an older version is backed up (reason 'upgrade', under its key when
 * encrypted) before its first migration; `now` names that backup.
 */
export function openDatabase(path: string, options: OpenOptions = {}, now: () => Date = () => new Date()): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: OWNER_ONLY_DIR })
  const db = new BetterSqlite3(path, {
    nativeBinding: options.nativeBinding,
    readonly: options.readonly ?? false,
  }) as unknown as Database
  unlockConnection(db, path, options.password)
  if (path !== ':memory:' && !options.readonly) chmodSync(path, OWNER_ONLY_FILE)
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  // Deleted rows (a purged person, an undone import) are overwritten, not left in free pages.
  db.pragma('secure_delete = ON')
  if (options.readonly) return db
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  // Statement journals in memory: every insert into volunteers also fires the change-counter
  // trigger, so SQLite keeps a statement journal for it, and on disk that journal cost an import
  // of 100,000 rows a second of system time in temp-file writes (measured; see tests/bench/import.ts).
  db.pragma('temp_store = MEMORY')
  const migrations = loadMigrations()
  const version = db.pragma('user_version', { simple: true }) as number
  if (path !== ':memory:' && version > 0 && version < (migrations.at(-1)?.version ?? 0))
    backupBeforeUpgrade(db, path, now)
  migrate(db, migrations)
  seedReferenceData(db)
  return db
}
