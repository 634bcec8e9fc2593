// 工作台's charts and the year comparison against the hand-counted programme of seedReports.ts
// (today 2027-01-05), and the agreement of one data set across the screen's handlers, the Excel
// export's cells and the print HTML: every statistic is computed once in the core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { dataRowsOf, readWorkbook, sheetOf } from '../export/helpers'
import { seedReports, type ReportSeed } from '../reports/seedReports'

let seed: ReportSeed
beforeAll(async () => {
  seed = await seedReports('ledger-charts-')
})
afterAll(() => seed.db.close())

const charts = (year: number) => invoke(seed.db.ctx, 'dashboard.charts', { year })

describe('dashboard.charts', () => {
  it('gives the months of 2026: 集中服务, 人次 and hours, the empty months as gaps', async () => {
    const result = await charts(2026)
    expect(result.target).toBe(12)
    expect(result.months.map((m) => [m.month, m.activities, m.volunteerTimes, m.hours])).toEqual([
      [1, 1, 2, 6],
      [2, 0, 0, 0],
      [3, 1, 2, 4],
      [4, 0, 0, 0],
      [5, 0, 0, 0],
      [6, 0, 0, 0],
      [7, 0, 0, 0],
      [8, 0, 0, 0],
      [9, 0, 0, 0],
      [10, 0, 0, 0],
      [11, 0, 0, 0],
      [12, 1, 1, 1],
    ])
    expect(result.months.filter((m) => m.state === 'gap').map((m) => m.month)).toEqual([2, 4, 5, 6, 7, 8, 9, 10, 11])
  })

  it('counts by task type and by county, an activity without a county as 未填县市', async () => {
    const result = await charts(2026)
    const byTask = Object.fromEntries(result.byTask.map((g) => [g.name, [g.activities, g.volunteerTimes, g.hours]]))
    expect(byTask).toMatchObject({ 教育宣讲: [1, 2, 6], 送教下乡: [1, 2, 4], 送法下乡: [1, 1, 1], 劳动实践: [0, 0, 0] })
    const byCounty = result.byCounty.filter((g) => g.activities > 0).map((g) => [g.name, g.activities, g.hours])
    expect(byCounty).toEqual([
      ['临夏市', 1, 6],
      ['东乡族自治县', 1, 4],
      ['未填县市', 1, 1],
    ])
  })

  it('shows each department’s checklist as planned, held and overdue', async () => {
    const result = await charts(2026)
    const busy = result.byDepartment.filter((d) => d.planned > 0).map((d) => [d.name, d.planned, d.done, d.overdue])
    expect(busy).toEqual([
      ['基础教育科', 1, 1, 0],
      ['职教成教科', 1, 0, 1],
      ['教师发展科', 1, 1, 0],
      ['教育党工委办公室', 1, 1, 0],
    ])
  })

  it('lists the volunteers with most hours first, at most 20', async () => {
    const result = await charts(2026)
    expect(result.topVolunteers.map((v) => [v.name, v.activities, v.hours])).toEqual([
      ['何志强', 2, 6.5],
      ['马建国', 2, 3],
      ['王丽', 1, 1.5],
    ])
    expect(JSON.stringify(result)).not.toMatch(/\d{17}[\dX]/)
  })

  it('gives an empty year twelve zero months rather than nothing', async () => {
    const result = await charts(2024)
    expect(result.months).toHaveLength(12)
    expect(result.months.every((m) => m.activities === 0 && m.state === 'gap')).toBe(true)
    expect(result.topVolunteers).toEqual([])
  })
})

describe('dashboard.compare', () => {
  it('puts 2025 and 2026 side by side: 集中服务, hours, months met, checklist completion', async () => {
    const result = await invoke(seed.db.ctx, 'dashboard.compare', { first: 2025, second: 2026 })
    expect(
      result.years.map((y) => [y.year, y.activities, y.volunteerTimes, y.hours, y.monthsMet, y.planned, y.done]),
    ).toEqual([
      [2025, 1, 2, 5, 1, 0, 0],
      [2026, 3, 5, 11, 3, 3, 2],
    ])
    expect(result.years[0].completion).toBeNull()
    expect(result.years[1].completion).toBeCloseTo(2 / 3)
    expect(result.months[0]).toEqual({ month: 1, first: 0, second: 1 })
    expect(result.months[11]).toEqual({ month: 12, first: 1, second: 1 })
  })

  it('refuses a year out of range in Chinese', async () => {
    await expect(invoke(seed.db.ctx, 'dashboard.compare', { first: 1999, second: 2026 })).rejects.toThrow(
      /年度应在 2000—2100 之间/,
    )
  })
})

/** The cells of each table row of the print HTML, as text. */
function htmlRows(html: string): string[][] {
  return [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] as string).matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) =>
      (cell[1] as string).replace(/<[^>]+>/g, '').trim(),
    ),
  )
}

describe('agreement: screen, Excel and print show the same numbers', () => {
  it('by task type: the chart, 表5 on screen, the Excel cells and the print HTML', async () => {
    const chart = (await charts(2026)).byTask
    const screen = (await invoke(seed.db.ctx, 'reports.yearly', { year: 2026 })).tables.find(
      (t) => t.dimension === 'task',
    )
    if (!screen) throw new Error('no task table')
    expect(screen.rows.map((r) => [r.name, r.activities, r.volunteerTimes, r.hours])).toEqual(
      chart.map((g) => [g.name, g.activities, g.volunteerTimes, g.hours]),
    )

    const exported = await invoke(seed.db.ctx, 'export.form', { form: 'yearly', year: 2026 } as never)
    if (!('data' in exported)) throw new Error('expected bytes')
    const cells = dataRowsOf(sheetOf(await readWorkbook(exported.data), '年度统计（活动类别）'))
    const printed = await invoke(seed.db.ctx, 'print.document', { report: 'yearly', year: 2026 } as never)
    if (!('html' in printed)) throw new Error('expected html')
    const printedRows = htmlRows(printed.html)
    for (const row of [...screen.rows, screen.total]) {
      const excel = cells.find((cell) => cell[0] === row.name)
      expect(excel?.slice(4, 7), `Excel ${row.name}`).toEqual([row.activities, row.volunteerTimes, row.hours])
      const html = printedRows.filter((cell) => cell[0] === row.name)
      expect(
        html.some((cell) => cell.slice(4, 7).join('|') === [row.activities, row.volunteerTimes, row.hours].join('|')),
        `print ${row.name}`,
      ).toBe(true)
    }
  })

  it('表4: the top volunteers of the chart are the first rows of the screen, the Excel and the print', async () => {
    const top = (await charts(2026)).topVolunteers
    const screen = await invoke(seed.db.ctx, 'reports.hours', { year: 2026 })
    expect(screen.rows.map((r) => [r.name, r.activities, r.hours])).toEqual(
      top.map((v) => [v.name, v.activities, v.hours]),
    )
    const exported = await invoke(seed.db.ctx, 'export.form', { form: 'hours', year: 2026 } as never)
    if (!('data' in exported)) throw new Error('expected bytes')
    const cells = dataRowsOf(sheetOf(await readWorkbook(exported.data), '时长统计'))
    expect(cells.slice(0, top.length).map((row) => [row[1], row[6], row[7]])).toEqual(
      top.map((v) => [v.name, v.activities, v.hours]),
    )
    const printed = await invoke(seed.db.ctx, 'print.document', { report: 'hours', year: 2026 } as never)
    if (!('html' in printed)) throw new Error('expected html')
    const rows = htmlRows(printed.html).filter((cell) => top.some((v) => v.name === cell[1]))
    expect(rows.map((cell) => [cell[1], cell[6], cell[7]])).toEqual(
      top.map((v) => [v.name, String(v.activities), String(v.hours)]),
    )
  })

  it('表5 月度 with the 统计 screen’s filter: the screen, the Excel cells and the print HTML', async () => {
    const input = { year: 2026, filters: { department: '基础教育科' } }
    const screen = await invoke(seed.db.ctx, 'reports.monthly', input)
    const expected = [...screen.rows, { ...screen.total, label: '合计' }].map((row) => [
      row.label,
      row.activities,
      row.volunteerTimes,
      row.hours,
      row.beneficiaries,
    ])
    expect(expected.at(-1)).toEqual(['合计', 2, 3, 7, 230])
    const exported = await invoke(seed.db.ctx, 'export.form', { form: 'monthly', ...input } as never)
    if (!('data' in exported)) throw new Error('expected bytes')
    const cells = dataRowsOf(sheetOf(await readWorkbook(exported.data), '月度统计'))
    expect(cells.map((row) => row.slice(0, 5))).toEqual(expected)
    const printed = await invoke(seed.db.ctx, 'print.document', { report: 'monthly', ...input } as never)
    if (!('html' in printed)) throw new Error('expected html')
    const printedRows = htmlRows(printed.html).filter((cell) => expected.some((row) => row[0] === cell[0]))
    expect(printedRows.map((cell) => cell.slice(0, 5))).toEqual(expected.map((row) => row.map(String)))
  })

  it('表4 sorted on the 统计 screen holds the rows of the Excel, figure for figure', async () => {
    const screen = await invoke(seed.db.ctx, 'reports.hours', { year: 2026, sort: 'name', order: 'desc' })
    const exported = await invoke(seed.db.ctx, 'export.form', { form: 'hours', year: 2026 } as never)
    if (!('data' in exported)) throw new Error('expected bytes')
    const cells = dataRowsOf(sheetOf(await readWorkbook(exported.data), '时长统计')).filter((row) => row[1] !== '合计')
    const byName = (rows: unknown[][]) => [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])))
    expect(byName(screen.rows.map((r) => [r.name, r.activities, r.hours]))).toEqual(
      byName(cells.map((row) => [row[1], row[6], row[7]])),
    )
    expect(screen.rows.map((r) => r.name)).not.toEqual(cells.map((row) => row[1]))
  })

  it('the months of the chart are 表5 月度 on screen and in the Excel', async () => {
    const months = (await charts(2026)).months
    const screen = await invoke(seed.db.ctx, 'reports.monthly', { year: 2026 })
    expect(screen.rows.map((r) => [r.activities, r.volunteerTimes, r.hours])).toEqual(
      months.map((m) => [m.activities, m.volunteerTimes, m.hours]),
    )
  })
})
