// npm run bench -- stats: 10,000 activities and 1,000,000 participations, then the latency of every
// dashboard and statistics handler through the real handler table.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { invoke } from '../../src-main/core/api'
import { createContext } from '../../src-main/core/index'
import { insertVolunteer } from '../../src-main/core/roster/repository'
import { insertPlanItem } from '../../src-main/core/plan/repository'
import { insertActivity, replaceParticipants } from '../../src-main/core/activities/repository'
import { validatePerson } from '../../src-main/core/domain'
import { makePeople, pick, seededRandom } from '../support/people'
import { formatLatency, measure } from './latency'

const VOLUNTEERS = 20_000
const ACTIVITIES = 10_000
const PARTICIPATIONS = 1_000_000
const YEARS = [2022, 2023, 2024, 2025, 2026]
const GOAL_MS = 50
const DEPARTMENTS = [
  '办公室',
  '基础教育科',
  '职教成教科',
  '教师发展科',
  '体育卫生与艺术教育科',
  '教育党工委办公室',
  '教育科学研究所',
  '安全管理办公室',
  '学前教育发展中心',
  '学生资助管理中心',
]

export async function runStatisticsBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-stats-'))
  const today = new Date('2026-11-29T10:00:00+08:00')
  const ctx = createContext(join(dir, 'ledger.db'), { now: () => today })
  try {
    const started = Date.now()
    const random = seededRandom(3)
    const at = today.toISOString()
    const volunteerIds: number[] = []
    ctx.db.transaction(() => {
      for (const person of makePeople(VOLUNTEERS, 5)) {
        const { person: valid } = validatePerson(person)
        if (valid) volunteerIds.push(insertVolunteer(ctx.db, valid, at))
      }
      for (const year of YEARS) {
        for (let seq = 1; seq <= 40; seq++) {
          const month = 1 + (seq % 12)
          insertPlanItem(
            ctx.db,
            {
              year,
              seq,
              taskCode: 1 + (seq % 5),
              name: `清单项目${seq}`,
              content: null,
              targetGroup: null,
              plannedText: `${year}年${month}月`,
              plannedStart: `${year}-${String(month).padStart(2, '0')}-01`,
              plannedEnd: `${year}-${String(month).padStart(2, '0')}-28`,
              place: null,
              departments: [pick(random, DEPARTMENTS), pick(random, DEPARTMENTS)].filter(
                (d, i, all) => all.indexOf(d) === i,
              ),
              contact: null,
              phone: null,
              note: null,
            },
            at,
          )
        }
      }
      const perActivity = PARTICIPATIONS / ACTIVITIES
      for (let index = 0; index < ACTIVITIES; index++) {
        const year = YEARS[index % YEARS.length] as number
        const month = 1 + Math.floor(random() * (year === 2026 ? 11 : 12))
        const heldOn = `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`
        const id = insertActivity(
          ctx.db,
          {
            name: `活动${index}`,
            taskCode: 1 + (index % 5),
            heldOn,
            countyCode: null,
            place: null,
            organizer: null,
            team: index % 3 === 0 ? '教育宣讲团' : '临夏州新时代助学支教志愿服务队',
            departments: [pick(random, DEPARTMENTS)],
            planItemId: null,
            defaultHours: 2,
            targetGroup: null,
            beneficiaries: Math.floor(random() * 500),
            summary: null,
            highlight: index % 50 === 0,
            highlightText: null,
            note: null,
            endedOn: null,
            leader: '张敏',
            concentrated: index % 7 !== 0,
            late: false,
            lateReason: null,
          },
          at,
        )
        const first = Math.floor(random() * (volunteerIds.length - perActivity))
        replaceParticipants(
          ctx.db,
          id,
          volunteerIds.slice(first, first + perActivity).map((volunteerId) => ({ volunteerId, hours: 2, note: null })),
          at,
        )
      }
    })()
    const participations = (ctx.db.prepare('SELECT count(*) AS n FROM participations').get() as { n: number }).n
    console.log(
      `seeded ${ACTIVITIES} activities, ${participations} participations, ${volunteerIds.length} volunteers in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    )

    const busiest = volunteerIds[Math.floor(volunteerIds.length / 2)] as number
    const { name: busiestName, id_number: busiestId } = ctx.db
      .prepare('SELECT name, id_number FROM volunteers WHERE id = ?')
      .get(busiest) as { name: string; id_number: string }
    const cases: [string, (run: number) => Promise<unknown>][] = [
      ['dashboard.year', (run) => invoke(ctx, 'dashboard.year', { year: YEARS[run % YEARS.length] as number })],
      [
        'dashboard.charts (6 charts)',
        (run) => invoke(ctx, 'dashboard.charts', { year: YEARS[run % YEARS.length] as number }),
      ],
      [
        'dashboard.compare (2 years)',
        (run) => invoke(ctx, 'dashboard.compare', { first: YEARS[run % YEARS.length] as number, second: 2026 }),
      ],
      ['system.stats --year', (run) => invoke(ctx, 'system.stats', { year: YEARS[run % YEARS.length] as number })],
      ['plan.list (year)', (run) => invoke(ctx, 'plan.list', { year: YEARS[run % YEARS.length] as number })],
      [
        'activities.list (year, page 1)',
        (run) => invoke(ctx, 'activities.list', { year: YEARS[run % YEARS.length] as number }),
      ],
      ['activities.list (department)', () => invoke(ctx, 'activities.list', { year: 2026, department: '基础教育科' })],
      // Search by participant: the roster search's matches, then the activities they took part in.
      ['activities.list (participant name)', () => invoke(ctx, 'activities.list', { year: 2026, q: busiestName })],
      ['activities.list (surname 马, thousands match)', () => invoke(ctx, 'activities.list', { q: '马' })],
      ['activities.list (ID fragment)', () => invoke(ctx, 'activities.list', { q: busiestId.slice(6, 14) })],
      [
        'activities.highlights',
        (run) => invoke(ctx, 'activities.highlights', { year: YEARS[run % YEARS.length] as number }),
      ],
      ['activities.get (100 participants)', (run) => invoke(ctx, 'activities.get', { id: 1 + (run % ACTIVITIES) })],
      [
        'volunteers.service (profile)',
        (run) =>
          invoke(ctx, 'volunteers.service', { volunteerId: volunteerIds[(run * 97) % volunteerIds.length] as number }),
      ],
      ['volunteers.service (busiest)', () => invoke(ctx, 'volunteers.service', { volunteerId: busiest })],
      [
        'reports.hours (表4, year, page 1)',
        (run) => invoke(ctx, 'reports.hours', { year: YEARS[run % YEARS.length] as number }),
      ],
      [
        'reports.hours (department)',
        () => invoke(ctx, 'reports.hours', { year: 2026, filters: { department: '基础教育科' } }),
      ],
      ['reports.monthly (表5)', (run) => invoke(ctx, 'reports.monthly', { year: YEARS[run % YEARS.length] as number })],
      [
        'reports.yearly (表5, 3 tables)',
        (run) => invoke(ctx, 'reports.yearly', { year: YEARS[run % YEARS.length] as number }),
      ],
    ]
    console.log(`\nstatistics handlers over ${ACTIVITIES} activities and ${participations} participations:`)
    for (const [label, call] of cases) {
      await call(0)
      console.log(formatLatency(await measure(label, 100, call), GOAL_MS))
    }
  } finally {
    ctx.db.close()
    if (process.env.KEEP_BENCH_DB) console.log('kept', dir)
    else rmSync(dir, { recursive: true, force: true })
  }
}
