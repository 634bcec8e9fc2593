// npm run bench -- stats: 10,000 activities and 1,000,000 participations (statsSeed.ts), then the
// latency of every handler the dashboard and statistics screens call, through the real handler
// table, as a table with p50, p95 and p95 against the 50 ms goal. The first table is the screens as
// a clerk uses them (the same year asked again, a page turned); the second is the first call after a
// write, when what the core keeps has to be made again.
import { mkdtempSync, rmSync } from 'node:fs'
import ExcelJS from 'exceljs'
import type { CoreContext } from '../../src-main/core/context'
import { insertParticipation } from '../../src-main/core/activities/repository'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { invoke } from '../../src-main/core/api'
import { ACTIVITIES, seededContext, YEARS } from './statsSeed'
import { measure } from './latency'

const GOAL_MS = 50
const RUNS = 100
const COLD_RUNS = 10

type Case = [string, (run: number) => Promise<unknown>]
type Write = [string, (run: number) => Promise<unknown>]

/**
 * The writes a clerk makes between two looks at the statistics, each as the app makes it (in a
 * transaction, on the core's connection): a participant added to an activity, a participant's hours
 * changed, an import of 表3 (one activity, one participant) through import.run, and a volunteer's
 * unit changed in the roster.
 */
function benchWrites(ctx: CoreContext, dir: string, volunteerIds: readonly number[]): Write[] {
  const at = ctx.now().toISOString()
  const update = ctx.db.prepare(
    'UPDATE participations SET hours = ? WHERE activity_id = (SELECT min(activity_id) FROM participations)',
  )
  const absent = ctx.db.prepare('SELECT 1 FROM participations WHERE activity_id = ? AND volunteer_id = ?').pluck()
  const person = ctx.db.prepare('SELECT name, id_number FROM volunteers WHERE id = ?')
  let added = 0
  const addParticipant = async (run: number) => {
    const activityId = 1 + ((run * 7919) % ACTIVITIES)
    let offset = run * 104729
    let volunteerId = volunteerIds[offset % volunteerIds.length]!
    while (absent.get(activityId, volunteerId)) volunteerId = volunteerIds[++offset % volunteerIds.length]!
    ctx.db.transaction(() => insertParticipation(ctx.db, activityId, { volunteerId, hours: 2, note: null }, at))()
  }
  const importOne = async (run: number) => {
    const volunteerId = volunteerIds[(run * 31337) % volunteerIds.length]!
    const { name, id_number: idNumber } = person.get(volunteerId) as { name: string; id_number: string }
    const path = join(dir, `活动登记-${++added}.xlsx`)
    const book = new ExcelJS.Workbook()
    const heading = ['临夏州教育系统新时代文明实践志愿服务活动开展情况登记表', '填报单位（盖章）：临夏州中学']
    const activities = book.addWorksheet('活动登记')
    heading.forEach((line) => activities.addRow([line]))
    activities.addRow(['序号', '活动名称', '活动类别', '开展日期', '开展地点', '组织单位', '责任科室', '清单序号'])
    const title = `基准导入活动${added}`
    activities.addRow([1, title, '送教下乡', '2026-10-15', '和政县', '教师发展科', '教师发展科', null])
    const participants = book.addWorksheet('参与名单')
    heading.forEach((line) => participants.addRow([line]))
    participants.addRow(['序号', '活动名称', '开展日期', '姓名', '身份证号码', '服务时长（小时）', '备注'])
    participants.addRow([1, title, '2026-10-15', name, idNumber, 3, null])
    await book.xlsx.writeFile(path)
    await invoke(ctx, 'import.run', { form: 'activities', files: [path] })
  }
  const unit = ctx.db.prepare('UPDATE volunteers SET unit = ? WHERE id = ?')
  const editRoster = async (run: number) =>
    ctx.db.transaction(() => unit.run(`基准单位${run % 3}`, volunteerIds[(run * 7331) % volunteerIds.length]))()
  return [
    ['+participant', addParticipant],
    ['hours edit', async (run) => ctx.db.transaction(() => update.run(1 + (run % 2)))()],
    ['import 表3', importOne],
    ['roster edit', editRoster],
  ]
}

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
    const busiestUnit = ctx.db.prepare('SELECT unit FROM volunteers WHERE id = ?').pluck().get(busiest) as string
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
      [
        'reports.hours (sorted by a column)',
        (run) =>
          invoke(ctx, 'reports.hours', {
            year: year(run),
            sort: (['name', 'unit', 'county', 'activities', 'hours'] as const)[run % 5],
            order: run % 2 ? 'asc' : 'desc',
          }),
      ],
      [
        'reports.hours (star level, sorted)',
        (run) =>
          invoke(ctx, 'reports.hours', {
            year: year(run),
            filters: { starLevel: 1 + (run % 5) },
            sort: 'name',
            order: 'asc',
          }),
      ],
      [
        'reports.hours (unit, team, category)',
        (run) =>
          invoke(ctx, 'reports.hours', {
            year: year(run),
            filters: [{ unit: busiestUnit }, { category: '名师' }][run % 2],
          }),
      ],
      ['reports.hours (from–to)', () => invoke(ctx, 'reports.hours', { from: '2026-03-01', to: '2026-06-30' })],
      ['reports.monthly (表5)', (run) => invoke(ctx, 'reports.monthly', { year: year(run) })],
      ['reports.yearly (表5, 3 tables)', (run) => invoke(ctx, 'reports.yearly', { year: year(run) })],
      [
        'reports.monthly/yearly (filtered)',
        (run) =>
          invoke(ctx, run % 2 ? 'reports.monthly' : 'reports.yearly', {
            year: year(run),
            filters: [{ countyCode: '临夏市' }, { department: '基础教育科' }, { task: '送教下乡' }][run % 3],
          }),
      ],
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
      [
        'activities.list (drill: month)',
        (run) => invoke(ctx, 'activities.list', { year: year(run), month: 1 + (run % 12) }),
      ],
      [
        'activities.list (drill: month, department)',
        (run) => invoke(ctx, 'activities.list', { year: year(run), month: 1 + (run % 12), department: '基础教育科' }),
      ],
      [
        'activities.list (drill: task, county)',
        (run) => invoke(ctx, 'activities.list', { year: year(run), taskCode: 1 + (run % 5), countyCode: '622901' }),
      ],
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
    const writes = benchWrites(ctx, dir, volunteerIds)
    console.log(`\nstatistics handlers over ${ACTIVITIES} activities and ${participations} participations:`)
    console.log(
      `warm: ${RUNS} calls each; after a write: ${COLD_RUNS} calls each, every one the first after that write (untimed)`,
    )
    const width = 40
    const after = writes.map(([name]) => `${name} p95`.padStart(14)).join(' ')
    console.log(
      `${'handler'.padEnd(width)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${after}  worst/${GOAL_MS}ms`,
    )
    for (const [label, call] of screens) {
      await call(0)
      const warm = await measure(label, RUNS, call)
      const cold: number[] = []
      for (const [, write] of writes) cold.push((await measure(label, COLD_RUNS, call, write)).p95)
      const worst = Math.max(warm.p95, ...cold)
      const ms = (value: number) => value.toFixed(2).padStart(8)
      console.log(
        `${label.padEnd(width)} ${ms(warm.p50)} ${ms(warm.p95)} ${cold.map((value) => value.toFixed(2).padStart(14)).join(' ')}  ${(worst / GOAL_MS).toFixed(2).padStart(7)}${worst > GOAL_MS ? '  over' : ''}`,
      )
    }
  } finally {
    ctx.db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
