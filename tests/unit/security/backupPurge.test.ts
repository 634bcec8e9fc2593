// 清除旧备份: after 彻底删除 the backups still hold the person; backup.purgeOld makes a fresh backup
// and deletes every other one, so no file in the data folder names the person any more.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { closeContext, createContext, type CoreContext } from '../../../src-main/core/index'
import { makeId } from '../../support/people'

const NAME = '马晓兰'
let dir: string
let ctx: CoreContext
let clock = new Date('2026-11-29T08:00:00Z')

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-backup-purge-'))
  ctx = createContext(join(dir, 'ledger.db'), { now: () => clock })
})
afterEach(async () => {
  await closeContext(ctx)
  rmSync(dir, { recursive: true, force: true })
})

const holdsName = (path: string) => readFileSync(path).includes(Buffer.from(NAME, 'utf8'))

describe('backup.purgeOld', () => {
  it('leaves one fresh backup that no longer holds a purged person', async () => {
    const { id } = await invoke(ctx, 'roster.save', {
      fields: { name: NAME, idNumber: makeId('622901', '19850312', 1, false), unit: '临夏州中学', county: '临夏市' },
      mode: 'keep',
    })
    const before = await invoke(ctx, 'backup.create', {})
    clock = new Date('2026-11-30T08:00:00Z')
    await invoke(ctx, 'roster.delete', { ids: [id] })
    const purge = await invoke(ctx, 'roster.purge', { ids: [id] })
    expect(purge.purged).toBe(1)
    expect(purge.oldestBackup).toBe(before.createdAt)
    expect(holdsName(before.path)).toBe(true)

    clock = new Date('2026-11-30T09:00:00Z')
    const result = await invoke(ctx, 'backup.purgeOld', {})
    expect(result.removed).toBe(1)
    const left = await invoke(ctx, 'backup.list', {})
    expect(left.map((backup) => backup.file)).toEqual([result.kept.file])
    expect(holdsName(result.kept.path)).toBe(false)
    expect(readdirSync(join(dir, 'backups')).filter((file) => file.endsWith('.db'))).toEqual([result.kept.file])
    const audit = await invoke(ctx, 'audit.list', { entity: 'backup' })
    expect(audit.rows[0]?.summary).toMatch(/清除旧备份 1 份/)
  })
})
