// Updating existing volunteers, and undoing a batch, also after later edits.
import { rmSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { PEOPLE } from '../../fixtures/generate'
import { makeFixtures, openLedger, type FixturePaths, type Ledger } from './support'

let fixtures: { dir: string; paths: FixturePaths }
let ledger: Ledger

beforeAll(async () => {
  fixtures = await makeFixtures()
})
afterAll(() => rmSync(fixtures.dir, { recursive: true, force: true }))
beforeEach(() => {
  ledger = openLedger()
})
afterEach(() => ledger.close())

const volunteer = (idNumber: string) =>
  ledger.ctx.db
    .prepare('SELECT id, name, unit, note, phone, post, deleted_at AS deletedAt FROM volunteers WHERE id_number = ?')
    .get(idNumber) as
    | {
        id: number
        name: string
        unit: string | null
        note: string | null
        phone: string | null
        post: string | null
        deletedAt: string | null
      }
    | undefined

async function existingLi() {
  return invoke(ledger.ctx, 'roster.save', {
    fields: {
      name: PEOPLE.li.name,
      idNumber: PEOPLE.li.idNumber,
      unit: '康乐县第一中学',
      note: '原有备注',
      phone: '13000000000',
    },
    mode: 'keep',
  })
}

describe('updating and undoing', () => {
  it('updates an existing volunteer, shows old → new, and never erases with an empty cell', async () => {
    const saved = await existingLi()
    const preview = await invoke(ledger.ctx, 'import.preview', { form: 'roster', files: [fixtures.paths.standard] })
    expect(preview.totals).toMatchObject({ created: 4, updated: 1, unchanged: 0 })
    const { rows } = await invoke(ledger.ctx, 'import.previewRows', { previewId: preview.previewId, action: 'update' })
    expect(rows).toHaveLength(1)
    expect(rows[0]?.changes).toContainEqual({ field: 'unit', before: '康乐县第一中学', after: '临夏州中学' })
    expect(rows[0]?.changes).toContainEqual({ field: 'phone', before: '130****0000', after: '151****5678' })
    await invoke(ledger.ctx, 'import.commit', { previewId: preview.previewId })
    expect(volunteer(PEOPLE.li.idNumber)).toMatchObject({ id: saved.id, unit: '临夏州中学', note: '原有备注' })
  })

  it('plans again at commit when the roster changed after the preview', async () => {
    const preview = await invoke(ledger.ctx, 'import.preview', { form: 'roster', files: [fixtures.paths.standard] })
    expect(preview.totals).toMatchObject({ created: 5, updated: 0 })
    const saved = await existingLi()
    const committed = await invoke(ledger.ctx, 'import.commit', { previewId: preview.previewId })
    expect(committed.totals).toMatchObject({ created: 4, updated: 1 })
    expect(volunteer(PEOPLE.li.idNumber)).toMatchObject({ id: saved.id, unit: '临夏州中学', note: '原有备注' })
  })

  it('undoes a batch: created volunteers removed, changed fields restored', async () => {
    await existingLi()
    const result = await invoke(ledger.ctx, 'import.run', { form: 'roster', files: [fixtures.paths.standard] })
    const report = await invoke(ledger.ctx, 'import.undo', { batch: result.batch as number })
    expect(report).toMatchObject({ removed: 4, restored: 1, kept: [], binned: [], missing: 0 })
    expect(volunteer(PEOPLE.li.idNumber)).toMatchObject({
      unit: '康乐县第一中学',
      phone: '13000000000',
      post: null,
      note: '原有备注',
    })
    expect(volunteer(PEOPLE.ma.idNumber)).toBeUndefined()
    expect((await invoke(ledger.ctx, 'import.history', {})).rows[0]?.undoneAt).not.toBeNull()
    await expect(invoke(ledger.ctx, 'import.undo', { batch: result.batch as number })).rejects.toThrow(/已于.*撤销/)
  })

  it('masks a kept phone number in the undo report', async () => {
    await existingLi()
    const result = await invoke(ledger.ctx, 'import.run', { form: 'roster', files: [fixtures.paths.standard] })
    const li = volunteer(PEOPLE.li.idNumber)
    await invoke(ledger.ctx, 'roster.save', {
      id: li?.id,
      fields: { name: PEOPLE.li.name, phone: '13912345678' },
      mode: 'keep',
    })
    const report = await invoke(ledger.ctx, 'import.undo', { batch: result.batch as number })
    expect(report.kept[0]?.fields).toContainEqual({
      field: 'phone',
      batchValue: '151****5678',
      currentValue: '139****5678',
    })
  })

  it('keeps later edits when undoing, and reports them', async () => {
    await existingLi()
    const result = await invoke(ledger.ctx, 'import.run', { form: 'roster', files: [fixtures.paths.standard] })
    const ma = volunteer(PEOPLE.ma.idNumber)
    const li = volunteer(PEOPLE.li.idNumber)
    await invoke(ledger.ctx, 'roster.save', {
      id: ma?.id,
      fields: { name: PEOPLE.ma.name, unit: '临夏市第一中学' },
      mode: 'keep',
    })
    await invoke(ledger.ctx, 'roster.save', {
      id: li?.id,
      fields: { name: PEOPLE.li.name, unit: '手工改过的单位' },
      mode: 'keep',
    })
    const report = await invoke(ledger.ctx, 'import.undo', { batch: result.batch as number })
    expect(report.removed).toBe(3)
    expect(report.binned).toEqual([
      {
        volunteerId: ma?.id,
        name: PEOPLE.ma.name,
        fields: [{ field: 'unit', batchValue: '临夏州中学', currentValue: '临夏市第一中学' }],
      },
    ])
    expect(report.kept).toEqual([
      {
        volunteerId: li?.id,
        name: PEOPLE.li.name,
        fields: [{ field: 'unit', batchValue: '临夏州中学', currentValue: '手工改过的单位' }],
      },
    ])
    // The created-then-edited volunteer waits in the recycle bin; the hand edit to li survives, the rest is restored.
    expect(volunteer(PEOPLE.ma.idNumber)?.deletedAt).not.toBeNull()
    expect(volunteer(PEOPLE.li.idNumber)).toMatchObject({
      unit: '手工改过的单位',
      phone: '13000000000',
      note: '原有备注',
    })
  })

  it('brings a volunteer back from the recycle bin on import, and sends it back on undo', async () => {
    const saved = await existingLi()
    await invoke(ledger.ctx, 'roster.delete', { ids: [saved.id] })
    const result = await invoke(ledger.ctx, 'import.run', { form: 'roster', files: [fixtures.paths.standard] })
    expect(result.totals).toMatchObject({ created: 4, updated: 1 })
    expect(volunteer(PEOPLE.li.idNumber)?.deletedAt).toBeNull()
    await invoke(ledger.ctx, 'import.undo', { batch: result.batch as number })
    expect(volunteer(PEOPLE.li.idNumber)).toMatchObject({ unit: '康乐县第一中学' })
    expect(volunteer(PEOPLE.li.idNumber)?.deletedAt).not.toBeNull()
  })

  it('refuses a second volunteer for the same ID, whatever the batch', async () => {
    await invoke(ledger.ctx, 'import.run', { form: 'roster', files: [fixtures.paths.standard] })
    await invoke(ledger.ctx, 'import.run', { form: 'roster', files: [fixtures.paths.repeats, fixtures.paths.standard] })
    const count = ledger.ctx.db
      .prepare('SELECT count(*) AS n FROM volunteers WHERE id_number = ?')
      .get(PEOPLE.ma.idNumber) as { n: number }
    expect(count.n).toBe(1)
  })
})
