// A small programme, hand-counted, for the 表4/表5 tests (and the print and certificate tests):
// an activity on 31 December of each year, a volunteer with hours in two years, activities of
// several departments, and months with no activity at all. Today is 5 January 2027.
//
//   #  held on     task      departments               county   plan  beneficiaries  participants (hours)
//   1  2025-12-31  送教下乡  教师发展科                 临夏县   –     100            马 3, 王 2
//   2  2026-01-01  教育宣讲  基础教育科、教育党工委办公室 临夏市   #1    200            马 2, 何 4
//   3  2026-03-15  送教下乡  教师发展科                 东乡县   #2    50             王 1.5, 何 2.5
//   4  2026-12-31  送法下乡  安全管理办公室、基础教育科   –        –     30             马 1
//   2026 checklist: #1 教育宣讲 (基础教育科、教育党工委办公室), #2 送教下乡 (教师发展科), #3 劳动实践 (职教成教科, not held)
import { invoke } from '../../../src-main/core/api'
import { writeSettings } from '../../../src-main/core/settings/settings'
import { makeId } from '../../support/people'
import { addVolunteer, openTestDb, type TestDb } from '../export/helpers'

export const REPORT_TODAY = new Date('2027-01-05T10:00:00+08:00')
export const BUREAU = '临夏州教育局'

export const VOLUNTEERS = {
  ma: {
    name: '马建国',
    idNumber: makeId('622901', '19850312', 1, true),
    unit: '临夏州中学',
    county: '临夏市',
    phone: '13809301234',
  },
  wang: { name: '王丽', idNumber: makeId('622926', '19900701', 2, false), unit: '东乡县锁南中学', county: '东乡县' },
  he: {
    name: '何志强',
    idNumber: makeId('622921', '19781120', 3, true),
    unit: '临夏县土桥中学',
    county: '临夏县',
    category: '名师',
  },
} as const

export interface ReportSeed {
  db: TestDb
  ids: Record<keyof typeof VOLUNTEERS, number>
}

export async function seedReports(prefix: string): Promise<ReportSeed> {
  const db = openTestDb(prefix, REPORT_TODAY)
  const { ctx } = db
  writeSettings(ctx.db, { unitName: BUREAU })
  const ids = {
    ma: (await addVolunteer(ctx, { ...VOLUNTEERS.ma })).id,
    wang: (await addVolunteer(ctx, { ...VOLUNTEERS.wang })).id,
    he: (await addVolunteer(ctx, { ...VOLUNTEERS.he })).id,
  }
  const plan = (fields: Record<string, unknown>) => invoke(ctx, 'plan.save', { year: 2026, fields })
  await plan({
    seq: 1,
    task: '教育宣讲',
    name: '红色文化宣讲',
    plannedText: '2026年1月',
    departments: '基础教育科、教育党工委办公室',
  })
  await plan({ seq: 2, task: '送教下乡', name: '名师送教', plannedText: '2026年9月', departments: '教师发展科' })
  await plan({ seq: 3, task: '劳动实践', name: '公益劳动', plannedText: '2026年5月', departments: '职教成教科' })
  const save = (fields: Record<string, unknown>, participants: { volunteerId: number; hours: number }[]) =>
    invoke(ctx, 'activities.save', { fields: { leader: '张敏', lateReason: '年底集中补登', ...fields }, participants })
  await save(
    {
      name: '岁末送教',
      heldOn: '2025-12-31',
      task: '送教下乡',
      departments: '教师发展科',
      county: '临夏县',
      beneficiaries: 100,
    },
    [
      { volunteerId: ids.ma, hours: 3 },
      { volunteerId: ids.wang, hours: 2 },
    ],
  )
  await save(
    {
      name: '新年宣讲',
      heldOn: '2026-01-01',
      task: '教育宣讲',
      departments: '基础教育科、教育党工委办公室',
      county: '临夏市',
      planSeq: 1,
      beneficiaries: 200,
      organizer: '临夏州中学',
    },
    [
      { volunteerId: ids.ma, hours: 2 },
      { volunteerId: ids.he, hours: 4 },
    ],
  )
  await save(
    {
      name: '名师送教东乡',
      heldOn: '2026-03-15',
      task: '送教下乡',
      departments: '教师发展科',
      county: '东乡县',
      planSeq: 2,
      beneficiaries: 50,
    },
    [
      { volunteerId: ids.wang, hours: 1.5 },
      { volunteerId: ids.he, hours: 2.5 },
    ],
  )
  await save(
    {
      name: '年末法治宣讲',
      heldOn: '2026-12-31',
      task: '送法下乡',
      departments: '安全管理办公室、基础教育科',
      beneficiaries: 30,
    },
    [{ volunteerId: ids.ma, hours: 1 }],
  )
  return { db, ids }
}
