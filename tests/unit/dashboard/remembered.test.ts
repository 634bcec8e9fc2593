// The dashboard's and 表5's kept figures (reports/remembered.ts) against the same figures computed
// afresh, after every kind of write: each handler is called before the write, so a kept copy that
// outlived a write would show as a difference.
import { join } from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import type { CoreContext } from '../../../src-main/core/context'
import { compareYears, dashboardCharts } from '../../../src-main/core/dashboard/charts'
import { yearDashboard } from '../../../src-main/core/dashboard/year'
import { localDay } from '../../../src-main/core/plan/plannedTime'
import { monthlyReport } from '../../../src-main/core/reports/monthly'
import { resolvePeriod } from '../../../src-main/core/reports/period'
import { yearlyReport } from '../../../src-main/core/reports/yearly'
import { seedReports, type ReportSeed } from '../reports/seedReports'

let seed: ReportSeed
let ctx: CoreContext
beforeEach(async () => {
  seed = await seedReports('ledger-remembered-')
  ctx = seed.db.ctx
})
afterEach(() => seed.db.close())

async function expectFresh(): Promise<void> {
  const today = localDay(ctx.now())
  for (const year of [2025, 2026]) {
    const period = resolvePeriod({ year }, ctx.now())
    expect(await invoke(ctx, 'dashboard.year', { year })).toEqual(yearDashboard(ctx.db, year, today))
    expect(await invoke(ctx, 'dashboard.charts', { year })).toEqual(dashboardCharts(ctx.db, year, today))
    expect(await invoke(ctx, 'dashboard.compare', { first: year, second: 2026 })).toEqual(
      compareYears(ctx.db, year, 2026, today),
    )
    expect(await invoke(ctx, 'reports.monthly', { year })).toMatchObject(monthlyReport(ctx.db, period, {}))
    expect((await invoke(ctx, 'reports.yearly', { year })).tables).toEqual(yearlyReport(ctx.db, period, {}, today))
    const stats = await invoke(ctx, 'system.stats', { year })
    expect(stats).toMatchObject({ activities: yearDashboard(ctx.db, year, today).programme.activities })
  }
}

const saveActivity = (fields: Record<string, unknown>, id?: number) =>
  invoke(ctx, 'activities.save', {
    id,
    fields: { leader: '张敏', lateReason: '年底集中补登', ...fields },
    participants: [{ volunteerId: seed.ids.ma, hours: 5 }],
    changeReason: id ? '核对后更正' : undefined,
  })

describe('kept dashboard and 表5 figures equal a fresh count', () => {
  it('after activities are added, edited and deleted', async () => {
    await expectFresh()
    const fields = { name: '五月宣讲', heldOn: '2026-05-20', task: '教育宣讲', departments: '职教成教科' }
    await saveActivity(fields)
    await expectFresh()
    const id = ctx.db.prepare("SELECT id FROM activities WHERE name = '五月宣讲'").pluck().get() as number
    await saveActivity({ ...fields, heldOn: '2025-02-03', county: '东乡县' }, id)
    await expectFresh()
    await invoke(ctx, 'activities.delete', { id, reason: '重复登记' })
    await expectFresh()
  })

  it('after the checklist and the roster change', async () => {
    await expectFresh()
    await invoke(ctx, 'plan.save', {
      year: 2026,
      fields: { seq: 4, task: '送教下乡', name: '秋季送教', plannedText: '2026年10月', departments: '教师发展科' },
    })
    await expectFresh()
    const item = ctx.db.prepare('SELECT id FROM plan_items WHERE seq = 3 AND year = 2026').pluck().get() as number
    await invoke(ctx, 'plan.delete', { id: item })
    await expectFresh()
    await invoke(ctx, 'roster.delete', { ids: [seed.ids.he] })
    await expectFresh()
  })

  it('after a write by another connection, and not after a write that was rolled back', async () => {
    await expectFresh()
    const other = new Database(join(seed.db.dir, 'ledger.db'))
    try {
      other.prepare("UPDATE activities SET held_on = '2026-07-07' WHERE name = '名师送教东乡'").run()
    } finally {
      other.close()
    }
    await expectFresh()
    const before = await invoke(ctx, 'dashboard.year', { year: 2026 })
    expect(() =>
      ctx.db.transaction(() => {
        ctx.db.prepare('DELETE FROM activities').run()
        throw new Error('rolled back')
      })(),
    ).toThrow('rolled back')
    expect(await invoke(ctx, 'dashboard.year', { year: 2026 })).toEqual(before)
    await expectFresh()
  })

  it('hands out copies: changing a result does not change the next one', async () => {
    const first = await invoke(ctx, 'dashboard.year', { year: 2026 })
    first.programme.months[0]!.activities = 99
    expect((await invoke(ctx, 'dashboard.year', { year: 2026 })).programme.months[0]!.activities).toBe(1)
  })
})
