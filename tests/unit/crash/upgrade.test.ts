// Upgrade safety (issue 11 item 8): a ledger made by an older version is backed up before its first
// migration — under its key when it is encrypted — so a failed or regretted upgrade can be undone.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import type { Database } from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeContext, createContext } from '../../../src-main/core/index'
import { isEncryptedFile } from '../../../src-main/core/db/cipher'
import { listBackups } from '../../../src-main/core/db/backup'
import { loadMigrations, migrate } from '../../../src-main/core/db/migrate'
import { openDatabase } from '../../../src-main/core/db/open'

const NOW = new Date('2026-11-29T08:00:00Z')
const ALL = loadMigrations()
const OLDER = ALL.length - 1
const PASSWORD = 'linxia-2026'
let dir: string
let dbPath: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-upgrade-'))
  dbPath = join(dir, 'ledger.db')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** The schema one version back, as the previous release left it, with a row of the clerk's. */
function olderLedger(password?: string): void {
  const db = new BetterSqlite3(dbPath) as unknown as Database
  if (password) {
    db.pragma("cipher = 'sqlcipher'")
    db.pragma('legacy = 4')
    db.pragma(`key = '${password}'`)
  }
  migrate(db, ALL.slice(0, OLDER))
  db.prepare("INSERT INTO settings (key, value) VALUES ('upgrade.marker', '\"升级前\"')").run()
  db.close()
}

function backupsByReason(reason: string) {
  return listBackups({ dbPath }).filter((backup) => backup.reason === reason)
}

describe('upgrading an older ledger', () => {
  it('backs it up as it was before migrating it', async () => {
    olderLedger()
    const ctx = createContext(dbPath, { now: () => NOW })
    expect(ctx.db.pragma('user_version', { simple: true })).toBe(ALL.length)
    await closeContext(ctx)
    const [backup, ...more] = backupsByReason('upgrade')
    expect(more).toEqual([])
    const copy = openDatabase(backup!.path, { readonly: true })
    expect(copy.pragma('user_version', { simple: true })).toBe(OLDER)
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'upgrade.marker'").pluck().get()).toBe('"升级前"')
    copy.close()
    expect(readdirSync(join(dir, 'backups')).filter((file) => file.endsWith('.partial'))).toEqual([])

    // Opened again at the newest version: nothing to back up.
    await closeContext(createContext(dbPath, { now: () => NOW }))
    expect(backupsByReason('upgrade')).toHaveLength(1)
  })

  it('keeps an encrypted ledger encrypted in its upgrade backup, opened only with the password', async () => {
    olderLedger(PASSWORD)
    await closeContext(createContext(dbPath, { now: () => NOW, password: PASSWORD }))
    const [backup] = backupsByReason('upgrade')
    expect(isEncryptedFile(backup!.path)).toBe(true)
    expect(() => openDatabase(backup!.path, { readonly: true })).toThrow(/已加密/)
    const copy = openDatabase(backup!.path, { readonly: true, password: PASSWORD })
    expect(copy.pragma('user_version', { simple: true })).toBe(OLDER)
    copy.close()
  })

  it('makes no backup of a new, empty ledger', async () => {
    await closeContext(createContext(dbPath, { now: () => NOW }))
    expect(listBackups({ dbPath })).toEqual([])
  })
})
