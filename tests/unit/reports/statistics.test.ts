// Every figure of 表4 and 表5 against the hand-counted programme of seedReports.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { seedReports, VOLUNTEERS, type ReportSeed } from './seedReports'

let seed: ReportSeed
beforeAll(async () => {
  seed = await seedReports('ledger-reports-')
})
afterAll(() => seed.db.close())

const call = <N extends 'reports.hours' | 'reports.monthly' | 'reports.yearly'>(
  name: N,
  input: Record<string, unknown>,
) => invoke(seed.db.ctx, name, input as never)

describe('表4 志愿服务时长统计', () => {
  it('counts 2026 only, the activity on 31 December included, most hours first', async () => {
    const report = await call('reports.hours', { year: 2026 })
    expect(report.rows.map((row) => [row.name, row.activities, row.hours])).toEqual([
      ['何志强', 2, 6.5],
      ['马建国', 2, 3],
      ['王丽', 1, 1.5],
    ])
    expect(report.totals).toEqual({ volunteers: 3, activities: 5, hours: 11 })
    expect(report.period).toMatchObject({ from: '2026-01-01', to: '2026-12-31', label: '2026年度' })
  })

  it('keeps a volunteer’s hours of the other year in that year', async () => {
    const report = await call('reports.hours', { year: 2025 })
    expect(report.rows.map((row) => [row.name, row.activities, row.hours])).toEqual([
      ['马建国', 1, 3],
      ['王丽', 1, 2],
    ])
  })

  it('takes a period across the new year', async () => {
    const report = await call('reports.hours', { from: '2025-12-31', to: '2026-01-01' })
    expect(report.rows.map((row) => [row.name, row.hours])).toEqual([
      ['马建国', 5],
      ['何志强', 4],
      ['王丽', 2],
    ])
    expect(report.period.label).toBe('2025年12月31日至2026年1月1日')
  })

  it('masks ID numbers', async () => {
    const report = await call('reports.hours', { year: 2026 })
    const ma = report.rows.find((row) => row.name === '马建国')
    expect(ma?.idNumber).toBe(`622901********${VOLUNTEERS.ma.idNumber.slice(-4)}`)
  })

  it('applies the filters: whose hours (county, category) and which activities (category, department)', async () => {
    const byCounty = await call('reports.hours', { year: 2026, filters: { countyCode: '临夏市' } })
    expect(byCounty.rows.map((row) => [row.name, row.hours])).toEqual([['马建国', 3]])
    expect(byCounty.scope).toBe('临夏市')
    const byTask = await call('reports.hours', { year: 2026, filters: { task: '送教下乡' } })
    expect(byTask.rows.map((row) => [row.name, row.hours])).toEqual([
      ['何志强', 2.5],
      ['王丽', 1.5],
    ])
    const byDepartment = await call('reports.hours', { year: 2026, filters: { department: '基础教育科' } })
    expect(byDepartment.rows.map((row) => [row.name, row.activities, row.hours])).toEqual([
      ['何志强', 1, 4],
      ['马建国', 2, 3],
    ])
    const byCategory = await call('reports.hours', { year: 2026, filters: { category: '名师' } })
    expect(byCategory.rows.map((row) => row.name)).toEqual(['何志强'])
  })

  it('refuses a filter that names nothing, listing what exists', async () => {
    await expect(call('reports.hours', { year: 2026, filters: { countyCode: '兰州市' } })).rejects.toThrow(
      /没有名为“兰州市”的县市。可选：临夏市、临夏县/,
    )
    await expect(call('reports.hours', { year: 2026, filters: { department: '财务科' } })).rejects.toThrow(/责任科室/)
    await expect(call('reports.hours', { from: '2026-05-01' })).rejects.toThrow(/同时给出起止日期/)
  })
})

describe('表5 月度统计', () => {
  it('gives twelve months, empty ones as zero and not met, with a 合计', async () => {
    const report = await call('reports.monthly', { year: 2026 })
    expect(report.rows).toHaveLength(12)
    const figures = report.rows.map((row) => [
      row.label,
      row.activities,
      row.volunteerTimes,
      row.hours,
      row.beneficiaries,
      row.met,
    ])
    expect(figures[0]).toEqual(['2026年1月', 1, 2, 6, 200, true])
    expect(figures[1]).toEqual(['2026年2月', 0, 0, 0, 0, false])
    expect(figures[2]).toEqual(['2026年3月', 1, 2, 4, 50, true])
    expect(figures[11]).toEqual(['2026年12月', 1, 1, 1, 30, true])
    expect(report.rows.filter((row) => !row.met).map((row) => row.month)).toEqual(
      ['02', '04', '05', '06', '07', '08', '09', '10', '11'].map((month) => `2026-${month}`),
    )
    expect(report.total).toEqual({
      activities: 3,
      volunteerTimes: 5,
      hours: 11,
      beneficiaries: 280,
      monthsMet: 3,
      months: 12,
    })
  })

  it('filters by department', async () => {
    const report = await call('reports.monthly', { year: 2026, filters: { department: '基础教育科' } })
    expect(report.rows.filter((row) => row.met).map((row) => [row.month, row.volunteerTimes])).toEqual([
      ['2026-01', 2],
      ['2026-12', 1],
    ])
  })
})

describe('表5 年度统计', () => {
  const tableOf = async (dimension: string, filters?: Record<string, unknown>) => {
    const report = await call('reports.yearly', { year: 2026, filters })
    const table = report.tables.find((candidate) => candidate.dimension === dimension)
    if (!table) throw new Error(`no table ${dimension}`)
    return table
  }
  const figures = (row: {
    name: string
    planned: number | null
    done: number | null
    rate: number | null
    activities: number
    volunteerTimes: number
    hours: number
    beneficiaries: number
  }) => [row.name, row.planned, row.done, row.rate, row.activities, row.volunteerTimes, row.hours, row.beneficiaries]

  it('by 责任科室: an activity of two departments counts for each, once in 合计', async () => {
    const table = await tableOf('department')
    const byName = new Map(table.rows.map((row) => [row.name, figures(row)]))
    expect(byName.get('基础教育科')).toEqual(['基础教育科', 1, 1, 1, 2, 3, 7, 230])
    expect(byName.get('教育党工委办公室')).toEqual(['教育党工委办公室', 1, 1, 1, 1, 2, 6, 200])
    expect(byName.get('教师发展科')).toEqual(['教师发展科', 1, 1, 1, 1, 2, 4, 50])
    expect(byName.get('安全管理办公室')).toEqual(['安全管理办公室', 0, 0, null, 1, 1, 1, 30])
    expect(byName.get('职教成教科')).toEqual(['职教成教科', 1, 0, 0, 0, 0, 0, 0])
    expect(table.rows).toHaveLength(10)
    expect(figures(table.total)).toEqual(['合计', 3, 2, 2 / 3, 3, 5, 11, 280])
  })

  it('by 活动类别: the five tasks in order', async () => {
    const table = await tableOf('task')
    expect(table.rows.map(figures)).toEqual([
      ['教育宣讲', 1, 1, 1, 1, 2, 6, 200],
      ['送教下乡', 1, 1, 1, 1, 2, 4, 50],
      ['送艺下乡', 0, 0, null, 0, 0, 0, 0],
      ['劳动实践', 1, 0, 0, 0, 0, 0, 0],
      ['送法下乡', 0, 0, null, 1, 1, 1, 30],
    ])
  })

  it('by 所在县市: where activities were held, no plan figures, 未填县市 for the one without', async () => {
    const table = await tableOf('county')
    const held = table.rows.filter((row) => row.activities > 0).map(figures)
    expect(held).toEqual([
      ['临夏市', null, null, null, 1, 2, 6, 200],
      ['东乡族自治县', null, null, null, 1, 2, 4, 50],
      ['未填县市', null, null, null, 1, 1, 1, 30],
    ])
    expect(table.rows).toHaveLength(9)
  })

  it('filters by category: plan and activities of that task only', async () => {
    const table = await tableOf('department', { task: '送教下乡' })
    expect(figures(table.total)).toEqual(['合计', 1, 1, 1, 1, 2, 4, 50])
  })
})
