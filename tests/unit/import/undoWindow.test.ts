// Change records keep only what undo needs (numbers masked where undo does not need them), are
// dropped when the 撤销期限 closes, and an undo leaves no trace of the people the batch added.
import { rmSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { ensureDailyBackup } from '../../../src-main/core/db/backup'
import { dropExpiredChangeRecords } from '../../../src-main/core/import/undoWindow'
import { PEOPLE } from '../../fixtures/generate'
import { makeFixtures, openLedger, type FixturePaths, type Ledger } from './support'

const IMPORTED_AT = new Date('2026-11-01T08:00:00.000Z')
const DAY = 24 * 60 * 60 * 1000

let fixtures: { dir: string; paths: FixturePaths }
let ledger: Ledger
let now: Date

beforeAll(async () => {
  fixtures = await makeFixtures()
})
afterAll(() => rmSync(fixtures.dir, { recursive: true, force: true }))
beforeEach(() => {
  now = IMPORTED_AT
  ledger = openLedger()
  ledger.ctx.now = () => now
})
afterEach(() => ledger.close())

const count = (sql: string, ...params: unknown[]) =>
  ledger.ctx.db
    .prepare(sql)
    .pluck()
    .get(...params) as number

async function importBatch(files: string[]): Promise<number> {
  const result = await invoke(ledger.ctx, 'import.run', { form: 'roster', files })
  return result.batch as number
}

/** Every text in the database, for a search that must find nothing. */
function everyText(): string {
  const tables = ledger.ctx.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[]
  return tables.map((table) => JSON.stringify(ledger.ctx.db.prepare(`SELECT * FROM "${table}"`).all())).join('\n')
}

describe('change records', () => {
  it('keep ID and phone numbers masked for what the batch wrote, and whole only where undo restores them', async () => {
    await invoke(ledger.ctx, 'roster.save', {
      fields: { name: PEOPLE.li.name, idNumber: PEOPLE.li.idNumber, unit: '康乐县第一中学', phone: '13000000000' },
      mode: 'keep',
    })
    const batch = await importBatch([fixtures.paths.standard])
    const records = ledger.ctx.db
      .prepare('SELECT action, before, after FROM import_changes WHERE batch_id = ?')
      .all(batch) as { action: string; before: string | null; after: string }[]
    const afters = records.map((record) => record.after).join('\n')
    for (const person of [PEOPLE.ma, PEOPLE.wang, PEOPLE.li]) {
      expect(afters).not.toContain(person.idNumber)
      expect(afters).not.toContain(person.phone)
    }
    expect(afters).toContain(`622901********${PEOPLE.ma.idNumber.slice(-4)}`)
    const updated = records.find((record) => record.action === 'updated')!
    // Undo writes the previous phone back, so that one stays whole.
    expect(JSON.parse(updated.before!)).toMatchObject({ phone: '13000000000' })
    expect(JSON.parse(updated.after)).toMatchObject({ phone: '151****5678' })
  })

  it('undo still tells a field changed since from one the batch wrote, through the masked record', async () => {
    const batch = await importBatch([fixtures.paths.standard])
    const ma = ledger.ctx.db.prepare('SELECT id FROM volunteers WHERE id_number = ?').pluck().get(PEOPLE.ma.idNumber)
    await invoke(ledger.ctx, 'roster.save', {
      id: ma as number,
      fields: { name: PEOPLE.ma.name, idNumber: PEOPLE.ma.idNumber, unit: '临夏州中学', phone: '13899990000' },
      mode: 'keep',
    })
    const report = await invoke(ledger.ctx, 'import.undo', { batch })
    expect(report.binned).toHaveLength(1)
    expect(report.binned[0]?.fields).toContainEqual({
      field: 'phone',
      batchValue: '138****1234',
      currentValue: '138****0000',
    })
  })
})

describe('撤销期限', () => {
  it('can be undone until the last moment of the window, and not at its end', async () => {
    const batch = await importBatch([fixtures.paths.standard])
    now = new Date(IMPORTED_AT.getTime() + 30 * DAY - 1)
    const history = await invoke(ledger.ctx, 'import.history', {})
    expect(history.rows[0]).toMatchObject({ undoExpired: false, undoUntil: '2026-12-01T08:00:00.000Z' })
    expect(dropExpiredChangeRecords(ledger.ctx)).toBe(0)
    expect(count('SELECT count(*) FROM import_changes WHERE batch_id = ?', batch)).toBe(5)

    now = new Date(IMPORTED_AT.getTime() + 30 * DAY)
    expect((await invoke(ledger.ctx, 'import.history', {})).rows[0]).toMatchObject({ undoExpired: true })
    await expect(invoke(ledger.ctx, 'import.undo', { batch })).rejects.toThrow(
      /已过撤销期限（导入后 30 天，至 2026-12-01）/,
    )
    expect(count('SELECT count(*) FROM volunteers')).toBe(5)
  })

  it('drops the records at start (the daily backup) by the core clock, and a longer window later does not reopen', async () => {
    const batch = await importBatch([fixtures.paths.standard])
    now = new Date(IMPORTED_AT.getTime() + 30 * DAY)
    await ensureDailyBackup(ledger.ctx)
    expect(count('SELECT count(*) FROM import_changes WHERE batch_id = ?', batch)).toBe(0)
    await invoke(ledger.ctx, 'settings.save', { undoDays: 90 })
    const detail = await invoke(ledger.ctx, 'import.batch', { batch })
    expect(detail).toMatchObject({ undoExpired: true })
    await expect(invoke(ledger.ctx, 'import.undo', { batch })).rejects.toThrow(/已过撤销期限/)
  })

  it('undoes a batch one moment before the window closes', async () => {
    const batch = await importBatch([fixtures.paths.standard])
    now = new Date(IMPORTED_AT.getTime() + 30 * DAY - 1)
    expect(await invoke(ledger.ctx, 'import.undo', { batch })).toMatchObject({ removed: 5 })
  })

  it('follows the setting: 7 days', async () => {
    await invoke(ledger.ctx, 'settings.save', { undoDays: 7 })
    expect((await invoke(ledger.ctx, 'settings.get', {})).undoDays).toBe(7)
    const batch = await importBatch([fixtures.paths.standard])
    now = new Date(IMPORTED_AT.getTime() + 7 * DAY - 1)
    expect(dropExpiredChangeRecords(ledger.ctx)).toBe(0)
    now = new Date(IMPORTED_AT.getTime() + 7 * DAY)
    expect(dropExpiredChangeRecords(ledger.ctx)).toBe(1)
    expect(count('SELECT count(*) FROM import_changes WHERE batch_id = ?', batch)).toBe(0)
    await expect(invoke(ledger.ctx, 'settings.save', { undoDays: 0 })).rejects.toThrow(/撤销期限至少 1 天/)
  })
})

describe('undo forgets', () => {
  it('leaves no trace of a person the batch added: no row, no change record, no kept school file or issue', async () => {
    const batch = await importBatch([fixtures.paths.standard, fixtures.paths.messy])
    expect(count('SELECT count(*) FROM import_files WHERE batch_id = ? AND source IS NOT NULL', batch)).toBeGreaterThan(
      0,
    )
    expect(everyText()).toContain(PEOPLE.ma.idNumber)
    const report = await invoke(ledger.ctx, 'import.undo', { batch })
    expect(report.binned).toEqual([])
    expect(count('SELECT count(*) FROM volunteers')).toBe(0)
    expect(count('SELECT count(*) FROM import_changes')).toBe(0)
    expect(count('SELECT count(*) FROM import_files WHERE source IS NOT NULL')).toBe(0)
    expect(count('SELECT count(*) FROM import_issues')).toBe(0)
    const text = everyText()
    for (const person of Object.values(PEOPLE)) {
      expect(text).not.toContain(person.idNumber)
      expect(text).not.toContain(person.name)
    }
    // The audit history still says that an import was made and undone, naming nobody.
    expect(count("SELECT count(*) FROM audit WHERE entity = 'import_batch'")).toBe(2)
    expect((await invoke(ledger.ctx, 'import.errors', { batch })).workbooks).toEqual([])
  })
})
