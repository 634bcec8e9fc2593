// npm run bench -- stats: 10,000 activities and 1,000,000 participations (statsSeed.ts), then the
// latency of every handler the dashboard and statistics screens call, through the real handler
// table, as a table with p50, p95 and p95 against the 50 ms goal. The first table is the screens as
// a clerk uses them (the same year asked again, a page turned); the second is the first call after a
// write, when what the core keeps has to be made again.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { invoke } from '../../src-main/core/api'
import { ACTIVITIES, seededContext, YEARS } from './statsSeed'
import { measure, tableHeader, tableRow } from './latency'

const GOAL_MS = 50
const RUNS = 100
const COLD_RUNS = 10

type Case = [string, (run: number) => Promise<unknown>]

export async function runStatisticsBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-stats-'))
  const started = Date.now()
  const ctx = seededContext(join(dir, 'ledger.db'))
  try {
    const participations = ctx.db.prepare('SELECT count(*) FROM participations').pluck().get() as number
    console.log(`programme ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    const volunteerIds = ctx.db.prepare('SELECT id FROM volunteers ORDER BY id').pluck().all() as number[]
    const busiest = volunteerIds[Math.floor(volunteerIds.length / 2)] as number
    const { name: busiestName, id_number: busiestId } = ctx.db
      .prepare('SELECT name, id_number FROM volunteers WHERE id = ?')
      .get(busiest) as { name: string; id_number: string }
    const year = (run: number) => YEARS[run % YEARS.length] as number
    const page = (run: number) => (run * 37) % 190
    // The dashboard and statistics screens' calls (src-renderer stores dashboard.ts and statistics.ts).
    const screens: Case[] = [
      ['dashboard.year', (run) => invoke(ctx, 'dashboard.year', { year: year(run) })],
      ['dashboard.charts (6 charts)', (run) => invoke(ctx, 'dashboard.charts', { year: year(run) })],
      ['dashboard.compare (2 years)', (run) => invoke(ctx, 'dashboard.compare', { first: year(run), second: 2026 })],
      ['system.stats --year', (run) => invoke(ctx, 'system.stats', { year: year(run) })],
      ['reports.hours (表4, page 1)', (run) => invoke(ctx, 'reports.hours', { year: year(run) })],
      [
        'reports.hours (表4, page n)',
        (run) => invoke(ctx, 'reports.hours', { year: 2026, offset: page(run) * 100, limit: 100 }),
      ],
      [
        'reports.hours (department)',
        () => invoke(ctx, 'reports.hours', { year: 2026, filters: { department: '基础教育科' } }),
      ],
      [
        'reports.hours (county, task)',
        (run) =>
          invoke(ctx, 'reports.hours', {
            year: year(run),
            filters: { countyCode: '临夏市', task: String(1 + (run % 5)) },
          }),
      ],
      ['reports.hours (from–to)', () => invoke(ctx, 'reports.hours', { from: '2026-03-01', to: '2026-06-30' })],
      ['reports.monthly (表5)', (run) => invoke(ctx, 'reports.monthly', { year: year(run) })],
      ['reports.yearly (表5, 3 tables)', (run) => invoke(ctx, 'reports.yearly', { year: year(run) })],
      ['stars.levels', () => invoke(ctx, 'stars.levels', {})],
      [
        'stars.of (a page of 100)',
        (run) => invoke(ctx, 'stars.of', { volunteerIds: volunteerIds.slice(page(run) * 100, page(run) * 100 + 100) }),
      ],
      [
        'stars.reached (a year)',
        (run) => invoke(ctx, 'stars.reached', { from: `${year(run)}-01-01`, to: `${year(run)}-12-31` }),
      ],
      ['plan.list (year)', (run) => invoke(ctx, 'plan.list', { year: year(run) })],
      ['activities.list (year, page 1)', (run) => invoke(ctx, 'activities.list', { year: year(run) })],
      ['activities.list (department)', () => invoke(ctx, 'activities.list', { year: 2026, department: '基础教育科' })],
      ['activities.list (participant name)', () => invoke(ctx, 'activities.list', { year: 2026, q: busiestName })],
      ['activities.list (surname 马)', () => invoke(ctx, 'activities.list', { q: '马' })],
      ['activities.list (ID fragment)', () => invoke(ctx, 'activities.list', { q: busiestId.slice(6, 14) })],
      ['activities.highlights', (run) => invoke(ctx, 'activities.highlights', { year: year(run) })],
      ['activities.get (100 participants)', (run) => invoke(ctx, 'activities.get', { id: 1 + (run % ACTIVITIES) })],
      [
        'volunteers.service (profile)',
        (run) =>
          invoke(ctx, 'volunteers.service', { volunteerId: volunteerIds[(run * 97) % volunteerIds.length] as number }),
      ],
      ['volunteers.service (busiest)', () => invoke(ctx, 'volunteers.service', { volunteerId: busiest })],
    ]
    console.log(`\nstatistics handlers over ${ACTIVITIES} activities and ${participations} participations:`)
    const width = 44
    console.log(tableHeader(width, GOAL_MS))
    for (const [label, call] of screens) {
      await call(0)
      console.log(tableRow(await measure(label, RUNS, call), width, GOAL_MS))
    }

    // One participant's hours changed (a real write, in a transaction) before each timed call.
    const update = ctx.db.prepare(
      'UPDATE participations SET hours = ? WHERE activity_id = (SELECT min(activity_id) FROM participations)',
    )
    const write = (run: number) => ctx.db.transaction(() => update.run(1 + (run % 2)))()
    console.log(`\nthe first call after a participation was changed (${COLD_RUNS} runs each):`)
    console.log(tableHeader(width, GOAL_MS))
    for (const [label, call] of screens.slice(0, 11)) {
      console.log(tableRow(await measure(`${label} after a write`, COLD_RUNS, call, write), width, GOAL_MS))
    }
  } finally {
    ctx.db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
