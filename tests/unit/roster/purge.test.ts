// 彻底删除 from the recycle bin, and the data folder's privacy on a shared PC.
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { writeStandardStream } from '../../fixtures/returns'
import { makePeople } from '../../support/people'
import { openLedger, type Ledger } from '../import/support'

let ledger: Ledger
beforeEach(() => {
  ledger = openLedger()
})
afterEach(() => ledger.close())

const [MA, WANG] = makePeople(2, 7) as [ReturnType<typeof makePeople>[number], ReturnType<typeof makePeople>[number]]

async function importTwo(): Promise<{ ma: number; wang: number }> {
  const file = join(ledger.dir, '学校.xlsx')
  await writeStandardStream(file, '临夏州中学', [MA, WANG])
  await invoke(ledger.ctx, 'import.run', { form: 'roster', files: [file] })
  const id = (idNumber: string) =>
    ledger.ctx.db.prepare('SELECT id FROM volunteers WHERE id_number = ?').pluck().get(idNumber) as number
  return { ma: id(MA.idNumber), wang: id(WANG.idNumber) }
}

describe('purging the recycle bin', () => {
  it('removes a person for good: the row, the import change records and their name in the history', async () => {
    const { ma } = await importTwo()
    await invoke(ledger.ctx, 'roster.save', { id: ma, fields: { name: MA.name, unit: '临夏市第一中学' }, mode: 'keep' })
    await invoke(ledger.ctx, 'roster.delete', { ids: [ma] })
    const result = await invoke(ledger.ctx, 'roster.purge', { ids: [ma] })

    expect(result).toMatchObject({ purged: 1, refused: [], backupsKept: 30 })
    expect(result.oldestBackup).toMatch(/^2026-11-29/)
    const db = ledger.ctx.db
    expect(db.prepare('SELECT count(*) FROM volunteers WHERE id = ?').pluck().get(ma)).toBe(0)
    expect(db.prepare('SELECT count(*) FROM import_changes WHERE volunteer_id = ?').pluck().get(ma)).toBe(0)
    const history = JSON.stringify(
      db.prepare("SELECT summary, before, after FROM audit WHERE entity = 'volunteer' AND entity_id = ?").all(ma),
    )
    expect(history).not.toContain(MA.name)
    expect(history).toContain('从回收站彻底删除一名志愿者')
    expect((await invoke(ledger.ctx, 'roster.search', { q: MA.name, deleted: true })).total).toBe(0)
    expect((await invoke(ledger.ctx, 'roster.search', { q: WANG.name })).total).toBe(1)
  })

  it('keeps a person who served in an activity and says why; refuses one still in the roster', async () => {
    const { ma, wang } = await importTwo()
    await invoke(ledger.ctx, 'activities.save', {
      fields: { name: '名师送教', heldOn: '2026-10-15', defaultHours: 2, leader: '张敏', lateReason: '年底集中补登' },
      participants: [{ volunteerId: ma }],
    })
    await invoke(ledger.ctx, 'roster.delete', { ids: [ma] })
    const result = await invoke(ledger.ctx, 'roster.purge', { ids: [ma] })
    expect(result.purged).toBe(0)
    expect(result.refused).toEqual([{ id: ma, name: MA.name, reason: expect.stringContaining('参加过 1 次活动') }])
    await expect(invoke(ledger.ctx, 'roster.purge', { ids: [wang] })).rejects.toThrow(
      `志愿者 ${WANG.name} 不在回收站中`,
    )
    expect(ledger.ctx.db.prepare('SELECT count(*) FROM volunteers').pluck().get()).toBe(2)
  })
})

describe('the data folder on a shared PC', () => {
  it('overwrites deleted content and keeps the database, its folder and its backups owner-only', async () => {
    await importTwo() // an import makes a backup first
    expect(ledger.ctx.db.pragma('secure_delete', { simple: true })).toBe(1)
    expect(statSync(ledger.ctx.dbPath).mode & 0o777).toBe(0o600)
    const [backup] = await invoke(ledger.ctx, 'backup.list', {})
    expect(statSync(backup!.path).mode & 0o777).toBe(0o600)
    expect(statSync(join(ledger.dir, 'backups')).mode & 0o777).toBe(0o700)
  })
})
