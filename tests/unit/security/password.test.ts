// 登录密码 and encryption at rest: the file bytes stop showing a name once a password is set; the
// database opens only with that password; backups are encrypted with it and restorable; removing
// the password makes the file plain again; a locked core refuses data operations except unlocking.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { closeContext, createContext, type CoreContext } from '../../../src-main/core/index'
import { isEncryptedFile } from '../../../src-main/core/db/cipher'
import { makeId } from '../../support/people'

const CLI = fileURLToPath(new URL('../../../src-main/cli/main.ts', import.meta.url))
const NAME = '马晓兰'
const PASSWORD = "临夏'2026"

let dir: string
let dbPath: string
let ctx: CoreContext
const clock = new Date('2026-11-29T08:00:00Z')

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-cipher-'))
  dbPath = join(dir, 'ledger.db')
  ctx = createContext(dbPath, { now: () => clock })
  await invoke(ctx, 'roster.save', {
    fields: { name: NAME, idNumber: makeId('622901', '19850312', 1, false), unit: '临夏州中学', county: '临夏市' },
    mode: 'keep',
  })
})

afterEach(async () => {
  await closeContext(ctx).catch(() => {})
  rmSync(dir, { recursive: true, force: true })
})

/** The database file and its WAL, as the disk holds them. */
function bytesOnDisk(path: string): Buffer {
  ctx.db.pragma('wal_checkpoint(TRUNCATE)')
  return readFileSync(path)
}

const holdsName = (bytes: Buffer) => bytes.includes(Buffer.from(NAME, 'utf8'))

async function encrypt() {
  return invoke(ctx, 'security.setPassword', { password: PASSWORD, understood: true })
}

describe('登录密码 and encryption at rest', () => {
  it('refuses to set a password before the clerk confirms the warning about forgetting it', async () => {
    await expect(invoke(ctx, 'security.setPassword', { password: PASSWORD })).rejects.toThrow(/忘记密码就再也打不开/)
    await expect(invoke(ctx, 'security.setPassword', { password: '123', understood: true })).rejects.toThrow(
      /至少 6 个字符/,
    )
    expect(isEncryptedFile(dbPath)).toBe(false)
  })

  it('encrypts the file on set: the name is gone from the bytes, and only the right password opens it', async () => {
    expect(holdsName(bytesOnDisk(dbPath))).toBe(true)
    const status = await encrypt()
    expect(status.encrypted).toBe(true)
    expect(holdsName(bytesOnDisk(dbPath))).toBe(false)
    expect(readFileSync(dbPath).includes(Buffer.from(PASSWORD))).toBe(false)
    await closeContext(ctx)

    expect(() => createContext(dbPath)).toThrow(/已加密，请输入登录密码/)
    expect(() => createContext(dbPath, { password: 'wrong-password' })).toThrow(/登录密码不正确/)
    ctx = createContext(dbPath, { password: PASSWORD })
    const list = await invoke(ctx, 'roster.search', {})
    expect(JSON.stringify(list)).toContain(NAME)
  })

  it('changes the password (rekey) and removes it, making the file plain again', async () => {
    await encrypt()
    await expect(
      invoke(ctx, 'security.setPassword', { current: 'nope-nope', password: 'another-one', understood: true }),
    ).rejects.toThrow(/当前登录密码不正确/)
    await invoke(ctx, 'security.setPassword', { current: PASSWORD, password: 'another-one', understood: true })
    await closeContext(ctx)
    expect(() => createContext(dbPath, { password: PASSWORD })).toThrow(/登录密码不正确/)
    ctx = createContext(dbPath, { password: 'another-one' })
    await invoke(ctx, 'security.removePassword', { current: 'another-one' })
    expect(isEncryptedFile(dbPath)).toBe(false)
    expect(holdsName(bytesOnDisk(dbPath))).toBe(true)
    await closeContext(ctx)
    ctx = createContext(dbPath)
    expect(JSON.stringify(await invoke(ctx, 'roster.search', {}))).toContain(NAME)
  })

  it('writes encrypted backups that restore with the password', async () => {
    await encrypt()
    const backup = await invoke(ctx, 'backup.create', {})
    expect(isEncryptedFile(backup.path)).toBe(true)
    expect(holdsName(readFileSync(backup.path))).toBe(false)
    expect(() => createContext(backup.path, { readonly: true })).toThrow(/已加密/)
    const probe = createContext(backup.path, { readonly: true, password: PASSWORD })
    expect(JSON.stringify(await invoke(probe, 'roster.search', {}))).toContain(NAME)
    await closeContext(probe)
    await invoke(ctx, 'backup.restore', { file: backup.file })
    expect(isEncryptedFile(dbPath)).toBe(true)
    expect(JSON.stringify(await invoke(ctx, 'roster.search', {}))).toContain(NAME)
  })

  it('locks: every data operation is refused until the right password unlocks', async () => {
    await expect(invoke(ctx, 'security.lock', {})).rejects.toThrow(/没有设置登录密码/)
    await encrypt()
    await invoke(ctx, 'security.setIdle', { minutes: 5 })
    expect((await invoke(ctx, 'security.lock', {})).locked).toBe(true)
    await expect(invoke(ctx, 'roster.search', {})).rejects.toMatchObject({ code: 'LOCKED' })
    await expect(invoke(ctx, 'backup.create', {})).rejects.toMatchObject({ code: 'LOCKED' })
    await expect(invoke(ctx, 'security.unlock', { password: 'wrong-password' })).rejects.toMatchObject({
      code: 'PASSWORD',
    })
    expect((await invoke(ctx, 'security.status', {})).idleMinutes).toBe(5)
    expect((await invoke(ctx, 'security.unlock', { password: PASSWORD })).locked).toBe(false)
    expect(JSON.stringify(await invoke(ctx, 'roster.search', {}))).toContain(NAME)
  })

  it('CLI: --password or VOLUNTEER_LEDGER_PASSWORD opens an encrypted database; without it a Chinese error', async () => {
    await encrypt()
    await closeContext(ctx)
    const run = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args, '--db', dbPath, '--json'], {
        encoding: 'utf8',
        env: { ...process.env, VOLUNTEER_LEDGER_PASSWORD: '', ...env },
      })
    const without = run(['stats'], { VOLUNTEER_LEDGER_PASSWORD: '' })
    expect(without.status).toBe(3)
    expect(without.stderr).toMatch(/已加密，请输入登录密码/)
    expect(run(['stats', '--password', 'wrong-password']).stderr).toMatch(/登录密码不正确/)
    expect(JSON.parse(run(['stats', '--password', PASSWORD]).stdout)).toMatchObject({ volunteers: 1 })
    expect(JSON.parse(run(['stats'], { VOLUNTEER_LEDGER_PASSWORD: PASSWORD }).stdout)).toMatchObject({ volunteers: 1 })
    ctx = createContext(dbPath, { password: PASSWORD })
  })
})
