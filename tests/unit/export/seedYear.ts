// A small year of the programme for the 表2/表3/亮点 export tests, saved through the API as the UI
// would: four checklist items (held, pending, overdue, no checkable time), three volunteers and
// four activities, one of them in the year before. "Today" is 2026-06-15, so 逾期 is fixed.
import { invoke } from '../../../src-main/core/api'
import type { CoreContext } from '../../../src-main/core/index'
import { writeSettings } from '../../../src-main/core/settings/settings'
import { makeId } from '../../support/people'
import { addVolunteer, openTestDb, type TestDb } from './helpers'

export const TODAY = new Date('2026-06-15T10:00:00+08:00')
export const UNIT = '临夏州教育局'

/** An ID whose check character is X: the case a numeric cell would destroy first. */
function idEndingInX(): string {
  for (let sequence = 0; sequence < 1000; sequence++) {
    const id = makeId('622901', '19850312', sequence, sequence % 2 === 0)
    if (id.endsWith('X')) return id
  }
  throw new Error('no X id found')
}

export const PEOPLE = {
  ma: { name: '马建国', idNumber: idEndingInX() },
  wang: { name: '王丽', idNumber: makeId('622926', '19900701', 2, false) },
  he: { name: '何志强', idNumber: makeId('622921', '19781120', 3, true) },
} as const

export interface SeededYear {
  db: TestDb
  volunteerIds: Record<keyof typeof PEOPLE, number>
}

async function savePlan(ctx: CoreContext, year: number, fields: Record<string, unknown>): Promise<void> {
  await invoke(ctx, 'plan.save', { year, fields })
}

async function seedPlan(ctx: CoreContext): Promise<void> {
  // Saved out of order: the export must follow 序号, not the order of entry.
  await savePlan(ctx, 2026, {
    seq: 3,
    task: '劳动实践',
    name: '学雷锋纪念日公益劳动',
    plannedText: '2026年4月—5月',
    departments: ['职教成教科'],
  })
  await savePlan(ctx, 2026, {
    seq: 1,
    task: '教育宣讲',
    name: '红色文化研学',
    content: '组织学生参观八路军驻临夏办事处旧址',
    targetGroup: '中小学生',
    plannedText: '2026年3月',
    place: '临夏市',
    departments: ['教育党工委办公室', '基础教育科'],
    contact: '马老师',
    phone: '13809301234',
    note: '寒假后开展',
  })
  await savePlan(ctx, 2026, {
    seq: 2,
    task: '送教下乡',
    name: '名师送教下乡',
    plannedText: '2026年9月',
    departments: '教师发展科',
  })
  await savePlan(ctx, 2026, {
    seq: 4,
    task: '送法下乡',
    name: '资助政策宣传',
    plannedText: '常态化',
    departments: '学生资助管理中心',
  })
  await savePlan(ctx, 2025, {
    seq: 1,
    task: '送艺下乡',
    name: '2025 年的合唱节',
    plannedText: '2025年6月',
    departments: '基础教育科',
  })
}

async function seedActivities(ctx: CoreContext, ids: SeededYear['volunteerIds']): Promise<void> {
  const save = (fields: Record<string, unknown>, participants: { volunteerId: number; hours?: number }[]) =>
    invoke(ctx, 'activities.save', { fields: { leader: '张敏', lateReason: '年底集中补登', ...fields }, participants })
  await save(
    {
      name: '红色文化研学进校园',
      heldOn: '2026-03-05',
      task: '教育宣讲',
      place: '临夏州中学',
      organizer: '临夏州教育局',
      departments: '基础教育科、教育党工委办公室',
      planSeq: 1,
      defaultHours: 3,
      targetGroup: '初中学生',
      beneficiaries: 320,
      summary: '宣讲团进校宣讲',
      highlight: '是',
      highlightText: '以“行走的思政课”带学生走进红色场馆',
    },
    [{ volunteerId: ids.ma }, { volunteerId: ids.wang, hours: 2.5 }, { volunteerId: ids.he }],
  )
  // Recorded second but held earlier: the export sorts by date. No default hours: 0 in the database.
  await save(
    {
      name: '名校长送教',
      heldOn: '2026-02-10',
      task: '送教下乡',
      organizer: '临夏市教育局',
      departments: '教师发展科',
      highlight: '否',
    },
    [{ volunteerId: ids.he, hours: 4 }],
  )
  await save(
    {
      name: '红色场馆参观',
      heldOn: '2026-03-20',
      task: '教育宣讲',
      planSeq: 1,
      defaultHours: 2,
      beneficiaries: 150,
      summary: '组织学生参观红色场馆并撰写心得',
      highlight: '是',
      note: '=SUM(A1)',
    },
    [{ volunteerId: ids.wang }, { volunteerId: ids.ma }],
  )
  await save({ name: '2025 年的送教', heldOn: '2025-12-30', task: '送教下乡', defaultHours: 2, highlight: '是' }, [
    { volunteerId: ids.ma },
  ])
}

export async function seedYear(prefix: string): Promise<SeededYear> {
  const db = openTestDb(prefix, TODAY)
  writeSettings(db.ctx.db, { unitName: UNIT })
  const ma = await addVolunteer(db.ctx, { ...PEOPLE.ma, unit: '临夏州中学', county: '临夏市' })
  const wang = await addVolunteer(db.ctx, { ...PEOPLE.wang, unit: '东乡县锁南中学', county: '东乡县' })
  const he = await addVolunteer(db.ctx, { ...PEOPLE.he, unit: '临夏县土桥中学', county: '临夏县' })
  const volunteerIds = { ma: ma.id, wang: wang.id, he: he.id }
  await seedPlan(db.ctx)
  await seedActivities(db.ctx, volunteerIds)
  return { db, volunteerIds }
}
