// Drill-down: a figure of the charts or of 表5 opens 活动登记 with a filter, and that list holds
// exactly the activities the figure counts (seedReports.ts, hand-counted; no activity there spans
// two months, so the list's overlap rule and the count's start-month rule agree).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { listCounties } from '../../../src-main/core/reference/repository'
import { seedReports, type ReportSeed } from '../reports/seedReports'

let seed: ReportSeed
beforeAll(async () => {
  seed = await seedReports('ledger-drill-')
})
afterAll(() => seed.db.close())

const list = async (input: Record<string, unknown>) =>
  (await invoke(seed.db.ctx, 'activities.list', { year: 2026, ...input } as never)).rows.map((row) => row.name)

describe('activities.list behind a figure', () => {
  it('by county: the county bar’s activities, 未填县市 as countyCode none', async () => {
    const charts = await invoke(seed.db.ctx, 'dashboard.charts', { year: 2026 })
    const codes = new Map(listCounties(seed.db.ctx.db).map((county) => [county.name, county.code]))
    for (const group of charts.byCounty) {
      const countyCode = codes.get(group.name) ?? (group.name === '未填县市' ? 'none' : undefined)
      expect(countyCode, group.name).toBeDefined()
      expect((await list({ countyCode })).length, group.name).toBe(group.activities)
    }
    expect(await list({ countyCode: '622926' })).toEqual(['名师送教东乡'])
    expect(await list({ countyCode: 'none' })).toEqual(['年末法治宣讲'])
  })

  it('by task and by month: as many activities as 表5 counts', async () => {
    const yearly = await invoke(seed.db.ctx, 'reports.yearly', { year: 2026 })
    const tasks = yearly.tables.find((table) => table.dimension === 'task')
    if (!tasks) throw new Error('no task table')
    const codes = (await invoke(seed.db.ctx, 'reference.all', {})).tasks
    for (const [index, row] of tasks.rows.entries()) {
      expect((await list({ taskCode: codes[index]?.code })).length, row.name).toBe(row.activities)
    }
    const monthly = await invoke(seed.db.ctx, 'reports.monthly', { year: 2026 })
    for (const [index, row] of monthly.rows.entries()) {
      expect((await list({ month: index + 1 })).length, row.label).toBe(row.activities)
    }
  })

  it('refuses a county that is not a code', async () => {
    await expect(list({ countyCode: '临夏市' })).rejects.toThrow('县市应为 6 位代码')
  })
})
