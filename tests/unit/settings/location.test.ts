import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { createContext, type CoreContext } from '../../../src-main/core/index'
import { configuredDbPath, moveDataFolder } from '../../../src-main/core/settings/location'
import { makeId } from '../../support/people'

let dir: string
let ctx: CoreContext

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-location-'))
  ctx = createContext(join(dir, 'default', 'ledger.db'))
})

afterEach(() => {
  ctx.db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the data folder', () => {
  it('is the default folder until the clerk moves the ledger, then the new one, with the data in it', async () => {
    const base = join(dir, 'default')
    expect(configuredDbPath(base)).toBe(join(base, 'ledger.db'))
    await invoke(ctx, 'roster.save', {
      fields: { name: '马建国', idNumber: makeId('622901', '19850312', 1, true) },
      mode: 'keep',
    })
    const moved = await moveDataFolder(ctx, join(dir, 'D盘', '台账'), base)
    expect(configuredDbPath(base)).toBe(moved.dbPath)
    const reopened = createContext(moved.dbPath)
    expect((await invoke(reopened, 'system.stats', {})).volunteers).toBe(1)
    reopened.db.close()
  })

  it('never overwrites a ledger already in the chosen folder, and wants a full path', async () => {
    const base = join(dir, 'default')
    const first = await moveDataFolder(ctx, join(dir, 'other'), base)
    expect(existsSync(first.dbPath)).toBe(true)
    await expect(moveDataFolder(ctx, join(dir, 'other'), base)).rejects.toThrow(/已有台账数据库/)
    await expect(moveDataFolder(ctx, 'relative/folder', base)).rejects.toThrow(/完整的文件夹路径/)
  })
})
