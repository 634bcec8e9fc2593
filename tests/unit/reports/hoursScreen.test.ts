// 表4 on the 统计 screen: the column sort (server side, so paging follows it) and the star-level
// filter, which the export and the print take too. Hand-counted from seedReports.ts: 2026 hours
// 马 3, 何 6.5, 王 1.5; all years 马 6, 何 6.5, 王 3.5. Star thresholds here 3/5/7/10/20 hours.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { saveStarThresholds } from '../../../src-main/core/activities/stars'
import { dataRowsOf, readWorkbook, sheetOf } from '../export/helpers'
import { seedReports, type ReportSeed } from './seedReports'

let seed: ReportSeed
beforeAll(async () => {
  seed = await seedReports('ledger-hours-screen-')
  saveStarThresholds(seed.db.ctx.db, [3, 5, 7, 10, 20])
})
afterAll(() => seed.db.close())

const hours = (input: Record<string, unknown>) =>
  invoke(seed.db.ctx, 'reports.hours', { year: 2026, ...input } as never)
const names = (result: { rows: { name: string }[] }) => result.rows.map((row) => row.name)

describe('reports.hours sorting', () => {
  it('gives most hours first by default, the order of the export', async () => {
    expect(names(await hours({}))).toEqual(['何志强', '马建国', '王丽'])
  })

  it('sorts by hours ascending, by activities, and by name in pinyin order', async () => {
    expect(names(await hours({ sort: 'hours', order: 'asc' }))).toEqual(['王丽', '马建国', '何志强'])
    expect(names(await hours({ sort: 'name', order: 'asc' }))).toEqual(['何志强', '马建国', '王丽'])
    expect(names(await hours({ sort: 'name', order: 'desc' }))).toEqual(['王丽', '马建国', '何志强'])
    expect(names(await hours({ sort: 'unit', order: 'asc' }))).toEqual(['王丽', '何志强', '马建国'])
    // 王 took part once in 2026, 何 and 马 twice each: their tie keeps 表4's order.
    expect(names(await hours({ sort: 'activities', order: 'asc' }))).toEqual(['王丽', '何志强', '马建国'])
  })

  it('pages after sorting, so page two continues the sorted list', async () => {
    const page = await hours({ sort: 'hours', order: 'asc', offset: 1, limit: 1 })
    expect(page.total).toBe(3)
    expect(names(page)).toEqual(['马建国'])
  })

  it('refuses a sort column it does not know', async () => {
    await expect(hours({ sort: 'idNumber' })).rejects.toThrow()
  })
})

describe('star-level filter', () => {
  it('keeps the volunteers whose cumulative hours reach that level, and says so in the scope', async () => {
    const result = await hours({ filters: { starLevel: 2 } })
    expect(names(result)).toEqual(['何志强', '马建国'])
    expect(result.totals).toEqual({ volunteers: 2, activities: 4, hours: 9.5 })
    expect(result.scope).toBe('二星')
    expect(names(await hours({ filters: { starLevel: 1 } }))).toEqual(['王丽'])
    expect(names(await hours({ filters: { starLevel: 5 } }))).toEqual([])
  })

  it('applies in the Excel and the print as on the screen', async () => {
    const exported = await invoke(seed.db.ctx, 'export.form', {
      form: 'hours',
      year: 2026,
      filters: { starLevel: 2 },
    } as never)
    if (!('data' in exported)) throw new Error('expected bytes')
    const cells = dataRowsOf(sheetOf(await readWorkbook(exported.data), '时长统计'))
    expect(cells.map((row) => row[1])).toEqual(['何志强', '马建国'])
    const printed = await invoke(seed.db.ctx, 'print.document', {
      report: 'hours',
      year: 2026,
      filters: { starLevel: 2 },
    } as never)
    if (!('html' in printed)) throw new Error('expected html')
    expect(printed.html).toContain('统计范围：二星')
    expect(printed.html).not.toContain('王丽')
  })

  it('refuses a level outside 1–5 in Chinese', async () => {
    await expect(hours({ filters: { starLevel: 6 } })).rejects.toThrow('星级应为 1—5')
  })
})
