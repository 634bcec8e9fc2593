// Star levels by cumulative hours: boundaries, thresholds the clerk edits, and who reached a level in
// a period; real handlers on a real SQLite file with a fixed clock.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { createContext, type CoreContext } from '../../../src-main/core/index'
import { makeId } from '../../support/people'

let dir: string
let ctx: CoreContext

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-stars-'))
  ctx = createContext(join(dir, 'ledger.db'), { now: () => new Date('2026-11-29T10:00:00+08:00') })
})
afterEach(() => {
  ctx.db.close()
  rmSync(dir, { recursive: true, force: true })
})

async function volunteer(index: number): Promise<number> {
  return (
    await invoke(ctx, 'roster.save', {
      fields: { name: `志愿者${'甲乙丙丁'[index]}`, idNumber: makeId('622901', '19800101', index, true) },
      mode: 'keep',
    })
  ).id
}

/** An activity over several days, so one entry can carry many hours (24 a day). */
function serve(name: string, heldOn: string, endedOn: string, hours: Record<number, number>) {
  return invoke(ctx, 'activities.save', {
    fields: { name, heldOn, endedOn, leader: '张敏', lateReason: '集中补登' } as never,
    participants: Object.entries(hours).map(([volunteerId, h]) => ({ volunteerId: Number(volunteerId), hours: h })),
  })
}

describe('star levels', () => {
  it('reaches 一星 at exactly 100 hours, not at 99.5', async () => {
    const [a, b, c] = [await volunteer(0), await volunteer(1), await volunteer(2)]
    await serve('暑期支教', '2026-07-01', '2026-07-05', { [a]: 99.5, [b]: 100, [c]: 100.5 })
    const standings = await invoke(ctx, 'stars.of', { volunteerIds: [a, b, c] })
    expect([standings[a], standings[b], standings[c]].map((s) => [s!.hours, s!.label, s!.toNext])).toEqual([
      [99.5, null, 0.5],
      [100, '一星', 200],
      [100.5, '一星', 199.5],
    ])
    expect((await invoke(ctx, 'volunteers.service', { volunteerId: b })).star).toMatchObject({
      level: 1,
      label: '一星',
    })
  })

  it('takes the clerk’s thresholds, refusing ones out of order with the level named', async () => {
    const a = await volunteer(0)
    await serve('暑期支教', '2026-07-01', '2026-07-05', { [a]: 60 })
    await expect(invoke(ctx, 'stars.levels.save', { thresholds: [50, 40, 600, 1000, 1500] })).rejects.toThrow(
      /二星的时长（40 小时）须多于一星（50 小时）/,
    )
    await invoke(ctx, 'stars.levels.save', { thresholds: [50, 300, 600, 1000, 1500] })
    expect((await invoke(ctx, 'stars.levels', {}))[0]).toEqual({ label: '一星', hours: 50 })
    expect((await invoke(ctx, 'stars.of', { volunteerIds: [a] }))[a]).toMatchObject({ label: '一星' })
  })

  it('lists who reached a level in a period, on the day the hours reached it', async () => {
    const [a, b] = [await volunteer(0), await volunteer(1)]
    await serve('春季送教', '2026-03-02', '2026-03-06', { [a]: 90, [b]: 40 })
    await serve('暑期支教', '2026-07-01', '2026-07-15', { [a]: 220, [b]: 30 })
    await serve('秋季送教', '2026-10-12', '2026-10-16', { [b]: 40 })
    expect(await invoke(ctx, 'stars.reached', { from: '2026-01-01', to: '2026-06-30' })).toEqual([])
    const second = await invoke(ctx, 'stars.reached', { from: '2026-07-01', to: '2026-12-31' })
    expect(second.map((row) => [row.name, row.label, row.reachedOn, row.hours])).toEqual([
      ['志愿者甲', '二星', '2026-07-01', 310],
      ['志愿者甲', '一星', '2026-07-01', 310],
      ['志愿者乙', '一星', '2026-10-12', 110],
    ])
  })
})
