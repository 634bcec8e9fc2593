import { chmodSync, mkdirSync, renameSync } from 'node:fs'
import { dirname, join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import type { Database } from 'better-sqlite3'
import { unlockConnection } from './cipher'
import { OWNER_ONLY_DIR, OWNER_ONLY_FILE } from '../fileModes'
import { backupDirOf, backupFileName } from './backupNames'
import { loadMigrations, migrate, pendingUpgrade } from './migrate'
import { seedReferenceData } from './seed'

export interface OpenOptions {
  /** Path to an Electron-ABI build of better-sqlite3 (see scripts/electron-native.mjs). */
  nativeBinding?: string
  readonly?: boolean
  /** The 登录密码 of an encrypted database; held only in memory, never stored. */
  password?: string
  /** The core's clock, for the name of the backup made before an upgrade's migrations. */
  now?: () => Date
}

/**
 * Before a newer version migrates an existing database, a copy of it as it was goes among the
 * backups (ledger-…-upgrade.db), so an upgrade that goes wrong can be undone by a restore. VACUUM
 * INTO makes a consistent copy, under the same key when the database is encrypted; it is written
 * under a temporary name and renamed when whole.
 */
function backupBeforeUpgrade(db: Database, path: string, now: () => Date): void {
  const dir = backupDirOf(path)
  mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR })
  const target = join(dir, backupFileName(now(), 'upgrade'))
  const partial = `${target}.partial`
  db.prepare('VACUUM INTO ?').run(partial)
  chmodSync(partial, OWNER_ONLY_FILE)
  renameSync(partial, target)
}

/**
 * Opens (creating if needed) a ledger database, migrates it and seeds reference data once. An
 * existing ledger from an older version is backed up (reason 'upgrade', under its key when
 * encrypted) before its first migration; `options.now` names that backup.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Database {
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
  if (path !== ':memory:' && pendingUpgrade(db, migrations))
    backupBeforeUpgrade(db, path, options.now ?? (() => new Date()))
  migrate(db, migrations)
  seedReferenceData(db)
  return db
}
