// Moving the data folder of an encrypted ledger (issue 11): the copy stays encrypted under the same
// 登录密码, holds every row and the photos, and is owner-only; without the password it does not open.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { closeContext, createContext, type CoreContext } from '../../../src-main/core/index'
import { isEncryptedFile } from '../../../src-main/core/db/cipher'
import { configuredDbPath, moveDataFolder } from '../../../src-main/core/settings/location'
import { makeId } from '../../support/people'

const NOW = new Date('2026-11-29T08:00:00Z')
const PASSWORD = 'linxia-2026'
const NAME = '马建国'
let dir: string
let base: string
let ctx: CoreContext

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-move-encrypted-'))
  base = join(dir, 'default')
  ctx = createContext(join(base, 'ledger.db'), { now: () => NOW })
})
afterEach(async () => {
  await closeContext(ctx)
  rmSync(dir, { recursive: true, force: true })
})

describe('moving an encrypted ledger', () => {
  it('copies it encrypted under the same password, with its rows, and refuses it without the password', async () => {
    await invoke(ctx, 'roster.save', {
      fields: { name: NAME, idNumber: makeId('622901', '19850312', 1, true) },
      mode: 'keep',
    })
    await invoke(ctx, 'security.setPassword', { password: PASSWORD, understood: true })
    expect(isEncryptedFile(ctx.dbPath)).toBe(true)
    // A photo beside the database (activities keep them as photos/<hash>, relative to the data folder).
    mkdirSync(join(base, 'photos'), { mode: 0o700 })
    writeFileSync(join(base, 'photos', 'a1b2.png'), 'png-bytes', { mode: 0o600 })

    const moved = await moveDataFolder(ctx, join(dir, 'D盘', '台账'), base)
    expect(configuredDbPath(base)).toBe(moved.dbPath)
    expect(isEncryptedFile(moved.dbPath)).toBe(true)
    expect(readFileSync(moved.dbPath).includes(Buffer.from(NAME))).toBe(false)
    expect(existsSync(`${moved.dbPath}.partial`)).toBe(false)
    expect(readFileSync(join(dir, 'D盘', '台账', 'photos', 'a1b2.png'), 'utf8')).toBe('png-bytes')
    if (process.platform !== 'win32') {
      expect(statSync(moved.dbPath).mode & 0o777).toBe(0o600)
      expect(statSync(join(dir, 'D盘', '台账')).mode & 0o777).toBe(0o700)
      expect(statSync(join(dir, 'D盘', '台账', 'photos', 'a1b2.png')).mode & 0o777).toBe(0o600)
      expect(statSync(join(base, 'location.json')).mode & 0o777).toBe(0o600)
    }

    expect(() => createContext(moved.dbPath, { now: () => NOW })).toThrow(/已加密，请输入登录密码/)
    expect(() => createContext(moved.dbPath, { now: () => NOW, password: 'not-the-one' })).toThrow(/登录密码不正确/)
    const reopened = createContext(moved.dbPath, { now: () => NOW, password: PASSWORD })
    try {
      expect((await invoke(reopened, 'system.stats', {})).volunteers).toBe(1)
      expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      await closeContext(reopened)
    }
  })
})
