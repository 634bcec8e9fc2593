// The benchmark programme of issue #10: 20,000 volunteers, 5 years of checklists, 10,000 activities
// and 1,000,000 participations, written through the core's repositories in one transaction. Shared by
// `npm run bench -- stats` and `npm run bench -- render`; the seeded file is kept under
// tests/output/bench and copied for each run, since seeding takes about a minute.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { createContext, type CoreContext } from '../../src-main/core/index'
import { insertVolunteer } from '../../src-main/core/roster/repository'
import { insertPlanItem } from '../../src-main/core/plan/repository'
import { insertActivity, replaceParticipants } from '../../src-main/core/activities/repository'
import { validatePerson } from '../../src-main/core/domain'
import { makePeople, pick, seededRandom } from '../support/people'

export const VOLUNTEERS = 20_000
export const ACTIVITIES = 10_000
export const PARTICIPATIONS = 1_000_000
export const YEARS = [2022, 2023, 2024, 2025, 2026]
export const BENCH_TODAY = new Date('2026-11-29T10:00:00+08:00')
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

/** Bumped when the seed changes, so an old kept file is not reused. */
const SEED_VERSION = 1
const KEPT = resolve(import.meta.dirname, `../output/bench/statistics-seed-v${SEED_VERSION}.db`)

function seed(ctx: CoreContext): void {
  const today = BENCH_TODAY
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
}

/** A copy of the seeded programme at `path` (seeded once, then copied); opened with the bench clock. */
export function seededContext(path: string): CoreContext {
  if (!existsSync(KEPT)) {
    mkdirSync(dirname(KEPT), { recursive: true })
    const fresh = `${KEPT}.part`
    rmSync(fresh, { force: true })
    const ctx = createContext(fresh, { now: () => BENCH_TODAY })
    try {
      seed(ctx)
      ctx.db.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      ctx.db.close()
    }
    renameSync(fresh, KEPT)
  } else console.log(`reusing the seeded programme ${KEPT}`)
  copyFileSync(KEPT, path)
  return createContext(path, { now: () => BENCH_TODAY })
}
