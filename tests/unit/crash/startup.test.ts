// Start-up safety: each way the ledger cannot open is a typed failure with a Chinese message and a
// way out, and none of them silently leaves a new empty database in place of the clerk's.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
// The core's own driver: two SQLite libraries in one process do not see each other's locks.
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeContext, createContext, invokeEnveloped } from '../../../src-main/core/index'
import { createBackup } from '../../../src-main/core/db/backup'
import { classifyOpenError, createStartupGate, startLedger } from '../../../src-main/core/db/startup'
import { isEncryptedFile } from '../../../src-main/core/db/cipher'

const NOW = new Date('2026-11-29T08:00:00Z')
let dir: string
let dbPath: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-startup-'))
  dbPath = join(dir, 'ledger.db')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const open = (path: string, password?: string) => createContext(path, { now: () => NOW, password })
const gateFor = (path: string, remembered: string[] = []) =>
  createStartupGate(path, { open, invoke: invokeEnveloped, now: () => NOW, remember: (p) => remembered.push(p) })

async function ledgerWithBackup(): Promise<void> {
  const ctx = open(dbPath)
  ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('crash.marker', '\"备份前\"')").run()
  await createBackup(ctx, 'manual')
  await closeContext(ctx)
}

// The plain header is kept (a damaged header reads as an encrypted file); the pages after it are not.
function damage(path: string): void {
  const bytes = readFileSync(path)
  bytes.fill(0x5a, 100, bytes.length)
  writeFileSync(path, bytes)
}

describe('start-up failures', () => {
  it('a corrupt file offers the newest intact backup, keeps the damaged file, and then opens normally', async () => {
    await ledgerWithBackup()
    damage(dbPath)
    const gate = gateFor(dbPath)
    const failure = gate.failure()!
    expect(failure.kind).toBe('corrupt')
    expect(failure.message).toContain('已损坏')
    expect(failure.message).toContain(dbPath)
    expect(failure.actions).toEqual(['restoreBackup', 'chooseFolder'])
    expect(failure.backup?.file).toMatch(/-manual\.db$/)
    const refused = await gate.invoke('roster.search', { q: '' })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.details).toMatchObject({ startup: { kind: 'corrupt' } })

    const restored = await gate.invoke('startup.restoreBackup', {})
    expect(restored).toEqual({ ok: true, value: { ok: true, dbPath } })
    const marker = gate.ctx()!.db.prepare("SELECT value FROM settings WHERE key = 'crash.marker'").pluck().get()
    expect(marker).toBe('"备份前"')
    expect(gate.ctx()!.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(existsSync(`${dbPath}.damaged-20261129-080000`)).toBe(true)
    expect((await gate.invoke('roster.search', { q: '' })).ok).toBe(true)
    await closeContext(gate.ctx()!)
  })

  it('a corrupt file without a backup is left as it is and only another folder is offered', async () => {
    const garbage = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8176, 0x41)])
    writeFileSync(dbPath, garbage)
    const result = startLedger(dbPath, open)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.failure.kind).toBe('corrupt')
    expect(result.failure.actions).toEqual(['chooseFolder'])
    expect(result.failure.message).toContain('没有完好的备份')
    expect(readFileSync(dbPath)).toEqual(garbage)
  })

  it('a database from a newer version is not touched and names both versions', async () => {
    await closeContext(open(dbPath))
    const raw = new BetterSqlite3(dbPath)
    raw.pragma('user_version = 999')
    raw.close()
    const result = startLedger(dbPath, open)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.failure.kind).toBe('newer')
    expect(result.failure.message).toMatch(/数据库版本（999）比本程序（\d+）新/)
    expect(result.failure.actions).toEqual(['retry', 'chooseFolder'])
    const check = new BetterSqlite3(dbPath)
    expect(check.pragma('user_version', { simple: true })).toBe(999)
    check.close()
  })

  it('a database locked by another program is reported, and retry opens it once released', async () => {
    await closeContext(open(dbPath))
    const holder = new BetterSqlite3(dbPath)
    holder.pragma('locking_mode = EXCLUSIVE')
    holder.exec('BEGIN EXCLUSIVE')
    const gate = gateFor(dbPath)
    expect(gate.failure()?.kind).toBe('locked')
    expect(gate.failure()?.message).toContain('正被另一个程序')
    holder.exec('COMMIT')
    holder.close()
    const retried = await gate.invoke('startup.retry', {})
    expect(retried).toEqual({ ok: true, value: { ok: true, dbPath } })
    await closeContext(gate.ctx()!)
  }, 20_000)

  it('a chosen location whose file is missing is a failure, not a new empty ledger; another folder is a way out', async () => {
    const remembered: string[] = []
    const gate = createStartupGate(dbPath, {
      open,
      invoke: invokeEnveloped,
      mustExist: true,
      remember: (p) => remembered.push(p),
    })
    expect(gate.failure()?.kind).toBe('missing')
    expect(existsSync(dbPath)).toBe(false)
    const other = join(dir, '新位置')
    expect(gate.useFolder(other)).toEqual({ ok: true, dbPath: join(other, 'ledger.db') })
    expect(remembered).toEqual([join(other, 'ledger.db')])
    await closeContext(gate.ctx()!)
  })

  it('a folder that cannot be written is "readonly" with retry and another folder', () => {
    const result = startLedger('/sys/ledger-startup-test/ledger.db', open)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.failure.kind).toBe('readonly')
    expect(result.failure.message).toContain('不可写')
    expect(result.failure.actions).toEqual(['retry', 'chooseFolder'])
  })

  it('maps SQLITE_FULL (provoked with max_page_count), SQLITE_READONLY and ENOSPC', () => {
    const db = new BetterSqlite3(dbPath)
    db.exec('CREATE TABLE t (x BLOB)')
    db.pragma('max_page_count = 8')
    let full: unknown
    try {
      for (let i = 0; i < 100; i++) db.prepare('INSERT INTO t VALUES (?)').run(Buffer.alloc(4000))
    } catch (error) {
      full = error
    }
    db.close()
    expect(classifyOpenError(full)).toBe('full')
    const readonly = new BetterSqlite3(dbPath, { readonly: true })
    let denied: unknown
    try {
      readonly.exec('INSERT INTO t VALUES (1)')
    } catch (error) {
      denied = error
    }
    readonly.close()
    expect(classifyOpenError(denied)).toBe('readonly')
    expect(classifyOpenError(Object.assign(new Error('no space'), { code: 'ENOSPC' }))).toBe('full')
  })
})

describe('an encrypted ledger at start-up', () => {
  const PASSWORD = 'linxia-2026'

  async function encryptedLedger(withBackup: boolean): Promise<void> {
    const ctx = open(dbPath)
    ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('crash.marker', '\"加密前\"')").run()
    await invokeEnveloped(ctx, 'security.setPassword', { password: PASSWORD, understood: true })
    if (withBackup) await createBackup(ctx, 'manual')
    await closeContext(ctx)
    expect(isEncryptedFile(dbPath)).toBe(true)
  }

  it('asks for the password, says so again for a wrong one, and opens with the right one', async () => {
    await encryptedLedger(false)
    const gate = gateFor(dbPath)
    expect(gate.failure()).toMatchObject({ kind: 'password', actions: ['unlock', 'chooseFolder'] })
    expect(gate.failure()!.message).toContain('请输入登录密码')
    const refused = await gate.invoke('roster.search', {})
    expect(refused.ok).toBe(false)

    const wrong = await gate.invoke('startup.unlock', { password: 'not-it' })
    expect(wrong).toMatchObject({ ok: true, value: { ok: false, failure: { kind: 'password' } } })
    if (wrong.ok) expect(JSON.stringify(wrong.value)).toContain('登录密码不正确')
    expect((await gate.invoke('startup.unlock', {})).ok).toBe(false)

    const right = await gate.invoke('startup.unlock', { password: PASSWORD })
    expect(right).toEqual({ ok: true, value: { ok: true, dbPath } })
    const marker = gate.ctx()!.db.prepare("SELECT value FROM settings WHERE key = 'crash.marker'").pluck().get()
    expect(marker).toBe('"加密前"')
    // The core holds the password now: the idle lock's unlock checks against it.
    expect((await gate.invoke('security.lock', {})).ok).toBe(true)
    expect((await gate.invoke('security.unlock', { password: PASSWORD })).ok).toBe(true)
    await closeContext(gate.ctx()!)
  })

  it('probes encrypted backups with the password: a damaged encrypted ledger is restored with the password typed', async () => {
    await encryptedLedger(true)
    damage(dbPath)
    const gate = gateFor(dbPath)
    expect(gate.failure()!.actions).toEqual(['unlock', 'chooseFolder'])
    // Page 1 is damaged, so the file reads as a wrong password; the backup this password opens tells otherwise.
    const unlocked = await gate.invoke('startup.unlock', { password: PASSWORD })
    expect(unlocked).toMatchObject({ ok: true, value: { ok: false, failure: { kind: 'password' } } })
    expect(gate.failure()!.message).toContain('可能已损坏')
    expect(gate.failure()!.actions).toEqual(['unlock', 'restoreBackup', 'chooseFolder'])
    expect(gate.failure()!.backup?.file).toMatch(/-manual\.db$/)
    const restored = await gate.invoke('startup.restoreBackup', {})
    expect(restored).toEqual({ ok: true, value: { ok: true, dbPath } })
    expect(isEncryptedFile(dbPath)).toBe(true)
    const marker = gate.ctx()!.db.prepare("SELECT value FROM settings WHERE key = 'crash.marker'").pluck().get()
    expect(marker).toBe('"加密前"')
    await closeContext(gate.ctx()!)
  })

  it('takes another folder only from the main process, and records it once that ledger opens', async () => {
    await encryptedLedger(false)
    const remembered: string[] = []
    const gate = gateFor(dbPath, remembered)
    const fromPage = await gate.invoke('startup.useFolder', { folder: join(dir, '别处') })
    expect(fromPage.ok).toBe(false)
    expect(existsSync(join(dir, '别处'))).toBe(false)
    const other = join(dir, '新位置')
    const chosen = await gate.invoke('startup.useFolder', {}, { folder: other })
    expect(chosen).toEqual({ ok: true, value: { ok: true, dbPath: join(other, 'ledger.db') } })
    expect(remembered).toEqual([join(other, 'ledger.db')])
    await closeContext(gate.ctx()!)
  })
})
