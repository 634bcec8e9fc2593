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

describe('activities.list counts as the figures count', () => {
  let own: ReportSeed
  beforeAll(async () => {
    own = await seedReports('ledger-drill-span-')
    const save = (fields: Record<string, unknown>) =>
      invoke(own.db.ctx, 'activities.save', {
        fields: { leader: '张敏', lateReason: '年底集中补登', ...fields },
        participants: [],
      })
    // Starts in March, ends in April: 表5 and the strip count it in March only.
    await save({ name: '春季研学', heldOn: '2026-03-28', endedOn: '2026-04-03', task: '教育宣讲' })
    // Not 集中服务: shown beside the monthly rule, never counted toward it.
    await save({ name: '五月座谈', heldOn: '2026-05-10', concentrated: '否', team: '教育宣讲团' })
  })
  afterAll(() => own.db.close())

  const rows = async (input: Record<string, unknown>) =>
    (await invoke(own.db.ctx, 'activities.list', input as never)).rows.map((row) => row.name)

  it('a month by 开展日期 holds what 表5 counts; the covering month still lists the continuing one', async () => {
    const monthly = await invoke(own.db.ctx, 'reports.monthly', { year: 2026 })
    for (const [index, row] of monthly.rows.entries()) {
      const month = String(index + 1).padStart(2, '0')
      const started = await rows({ startedFrom: `2026-${month}-01`, startedTo: `2026-${month}-31` })
      expect(started.length, row.label).toBe(row.activities)
    }
    expect(await rows({ startedFrom: '2026-04-01', startedTo: '2026-04-30' })).toEqual([])
    expect(await rows({ year: 2026, month: 4 })).toEqual(['春季研学'])
  })

  it('集中服务 only: as many as the programme strip counts per month, and the others apart', async () => {
    const dashboard = await invoke(own.db.ctx, 'dashboard.year', { year: 2026 })
    for (const figures of dashboard.programme.months) {
      const month = String(figures.month).padStart(2, '0')
      const period = { startedFrom: `2026-${month}-01`, startedTo: `2026-${month}-31` }
      expect((await rows({ ...period, concentrated: true })).length, `${figures.month}月`).toBe(figures.activities)
      expect((await rows({ ...period, concentrated: false })).length, `${figures.month}月`).toBe(
        figures.otherActivities,
      )
    }
    expect(await rows({ year: 2026, concentrated: false })).toEqual(['五月座谈'])
  })

  it('a team strip and 表5’s unit filter: the team’s and the organiser’s activities', async () => {
    const dashboard = await invoke(own.db.ctx, 'dashboard.year', { year: 2026 })
    const team = dashboard.teams.find((strip) => strip.name === '教育宣讲团')
    expect(team?.otherActivities).toBe(1)
    expect(await rows({ year: 2026, team: '教育宣讲团' })).toEqual(['五月座谈'])
    const yearly = await invoke(own.db.ctx, 'reports.yearly', { year: 2026, filters: { unit: '临夏州中学' } })
    const total = yearly.tables[0]?.total.activities
    expect(await rows({ startedFrom: '2026-01-01', startedTo: '2026-12-31', organizer: '临夏州中学' })).toHaveLength(
      total ?? -1,
    )
    expect(total).toBe(1)
  })

  it('refuses a day that is not YYYY-MM-DD', async () => {
    await expect(rows({ startedFrom: '2026-3-1', startedTo: '2026-03-31' })).rejects.toThrow('日期应写成 YYYY-MM-DD')
  })
})
