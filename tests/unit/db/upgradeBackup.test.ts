// Issue 11 item 8: an upgrade migrates the clerk's database on its first start, and a copy of the
// database as it was is put among the backups first, so a restore undoes an upgrade gone wrong.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import type { Database } from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listBackups } from '../../../src-main/core/db/backup'
import { isEncryptedFile, unlockConnection, rekeyDatabase } from '../../../src-main/core/db/cipher'
import { closeContext, createContext } from '../../../src-main/core/index'
import { loadMigrations, migrate } from '../../../src-main/core/db/migrate'
import { openDatabase } from '../../../src-main/core/db/open'

const ALL = loadMigrations()
const LATEST = ALL.at(-1)!.version
const NOW = () => new Date(2026, 2, 1, 9, 30, 15, 123)

let dir: string
let dbPath: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-upgrade-'))
  dbPath = join(dir, 'ledger.db')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** A database file as the previous version of the app left it: one migration short, with a setting in it. */
function previousVersion(password?: string): void {
  const db = new BetterSqlite3(dbPath) as unknown as Database
  migrate(db, ALL.slice(0, -1))
  db.prepare("INSERT INTO settings (key, value) VALUES ('unitName', '临夏州教育局')").run()
  if (password) rekeyDatabase(db, password)
  db.close()
}

function versionOf(path: string, password?: string): number {
  const db = new BetterSqlite3(path, { readonly: true }) as unknown as Database
  try {
    if (password) unlockConnection(db, path, password)
    return db.pragma('user_version', { simple: true }) as number
  } finally {
    db.close()
  }
}

describe('the backup before an upgrade', () => {
  it('copies the database as it was among the backups, then migrates it', async () => {
    previousVersion()
    openDatabase(dbPath, { now: NOW }).close()
    expect(versionOf(dbPath)).toBe(LATEST)
    const backups = listBackups({ dbPath })
    expect(backups.map((backup) => backup.file)).toEqual(['ledger-20260301-093015-123-upgrade.db'])
    expect(backups[0]!.reason).toBe('upgrade')
    expect(versionOf(backups[0]!.path)).toBe(LATEST - 1)
    const copy = new BetterSqlite3(backups[0]!.path, { readonly: true })
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'unitName'").pluck().get()).toBe('临夏州教育局')
    copy.close()
    expect(readdirSync(join(dir, 'backups')).some((file) => file.endsWith('.partial'))).toBe(false)

    // The core opened on it again, now at the newest version: nothing more to back up.
    await closeContext(createContext(dbPath, { now: NOW }))
    expect(listBackups({ dbPath }).filter((backup) => backup.reason === 'upgrade')).toHaveLength(1)
  })

  it('makes none for a new database or one already up to date', () => {
    openDatabase(dbPath, { now: NOW }).close()
    expect(existsSync(join(dir, 'backups'))).toBe(false)
    openDatabase(dbPath, { now: NOW }).close()
    expect(listBackups({ dbPath })).toEqual([])
  })

  it('keeps an encrypted database’s copy encrypted under the same password', () => {
    previousVersion('upgrade-secret')
    openDatabase(dbPath, { now: NOW, password: 'upgrade-secret' }).close()
    const [backup] = listBackups({ dbPath })
    expect(backup).toBeDefined()
    expect(isEncryptedFile(backup!.path)).toBe(true)
    expect(versionOf(backup!.path, 'upgrade-secret')).toBe(LATEST - 1)
    expect(() => versionOf(backup!.path)).toThrow()
    expect(() => openDatabase(backup!.path, { readonly: true })).toThrow(/已加密/)
  })
})
