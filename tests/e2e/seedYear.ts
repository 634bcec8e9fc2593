// A realistic year for the E2E flows: twelve volunteers, the checklist and eight activities held.
import { makePeople } from '../support/people'
import type { LedgerFixture } from './harness'

export const TEAM = '临夏州新时代助学支教志愿服务队'

export interface SeededYear {
  volunteerIds: number[]
  firstName: string
  firstIdNumber: string
}

export const PLAN_ITEMS: [string, string, string, string][] = [
  ['教育宣讲', '优秀教师教育宣讲进校园', '2026年3月', '教育党工委办公室、基础教育科'],
  ['送教下乡', '名师送教下乡东乡行', '2026年4月', '教师发展科'],
  ['送艺下乡', '校园合唱节和花儿进校园展演', '2026年5月—6月', '体育卫生与艺术教育科'],
  ['劳动实践', '“农民丰收节”劳动实践周', '2026年9月', '职教成教科、体育卫生与艺术教育科'],
  ['送法下乡', '学生资助政策宣传月', '2026年9月', '学生资助管理中心'],
  ['送教下乡', '学前教育巡回指导', '2026年8月', '学前教育发展中心'],
  ['送法下乡', '“宪法宣传周”法治教育进校园', '2026年12月', '安全管理办公室、基础教育科'],
  ['教育宣讲', '红色研学寒假实践', '2026年1月—2月', '教育党工委办公室'],
]

export const ACTIVITIES: {
  month: string
  day: string
  task: string
  name: string
  plan?: number
  team: string
  departments: string
  place: string
  highlight?: string
}[] = [
  {
    month: '01',
    day: '18',
    task: '教育宣讲',
    name: '寒假红色研学：八路军办事处纪念馆',
    plan: 8,
    team: '教育宣讲团',
    departments: '教育党工委办公室',
    place: '临夏市',
  },
  {
    month: '02',
    day: '24',
    task: '教育宣讲',
    name: '开学第一课宣讲',
    team: '教育宣讲团',
    departments: '教育党工委办公室',
    place: '临夏县土桥中学',
  },
  {
    month: '03',
    day: '05',
    task: '劳动实践',
    name: '学雷锋纪念日志愿服务',
    team: TEAM,
    departments: '职教成教科',
    place: '临夏州职业技术学校',
    highlight: '联合职业学校开设家电维修、理发等便民摊位 12 个，服务群众 600 余人次，形成“技能+志愿”常态化做法。',
  },
  {
    month: '03',
    day: '20',
    task: '教育宣讲',
    name: '优秀教师教育宣讲进校园·康乐县',
    plan: 1,
    team: '教育宣讲团',
    departments: '教育党工委办公室、基础教育科',
    place: '康乐县第一中学',
  },
  {
    month: '05',
    day: '12',
    task: '送艺下乡',
    name: '花儿进校园展演',
    plan: 3,
    team: TEAM,
    departments: '体育卫生与艺术教育科',
    place: '和政县第一中学',
    highlight: '把非遗“花儿”编入音乐课堂，组织 15 支校园合唱团巡演，带动农村学校成立艺术社团 23 个。',
  },
  {
    month: '06',
    day: '06',
    task: '送教下乡',
    name: '名校网络课堂同步教研',
    team: TEAM,
    departments: '教师发展科、教育科学研究所',
    place: '积石山县吹麻滩中学',
  },
  {
    month: '09',
    day: '23',
    task: '劳动实践',
    name: '农民丰收节劳动实践',
    plan: 4,
    team: TEAM,
    departments: '职教成教科',
    place: '永靖县移民中学',
  },
  {
    month: '10',
    day: '15',
    task: '送法下乡',
    name: '资助政策进万家',
    team: TEAM,
    departments: '学生资助管理中心',
    place: '广河县三甲集中学',
    highlight: '资助干部与班主任结对入户，当场核对家庭经济困难学生信息，确保政策应知尽知、应助尽助。',
  },
]

export async function seedYear(ledger: LedgerFixture): Promise<SeededYear> {
  const people = makePeople(12, 5)
  const volunteerIds: number[] = []
  for (const person of people) {
    const saved = (await ledger.call('roster.save', {
      fields: { name: person.name, idNumber: person.idNumber, unit: person.unit, county: person.county, team: TEAM },
      mode: 'keep',
    })) as { id: number }
    volunteerIds.push(saved.id)
  }
  const planIds: number[] = []
  for (const [task, name, plannedText, departments] of PLAN_ITEMS) {
    const saved = (await ledger.call('plan.save', {
      year: 2026,
      fields: {
        task,
        name,
        plannedText,
        departments,
        content: `${name}：组织志愿者按计划到各县市学校开展服务`,
        targetGroup: '全州中小学师生',
        place: '各县市学校',
        contact: '李老师',
      },
    })) as { id: number }
    planIds.push(saved.id)
  }
  for (const [index, activity] of ACTIVITIES.entries()) {
    const participants = volunteerIds
      .filter((_, n) => (n + index) % (3 + (index % 2)) !== 0)
      .map((volunteerId) => ({ volunteerId }))
    await ledger.call('activities.save', {
      fields: {
        leader: '张敏',
        lateReason: '年底集中补登',
        name: activity.name,
        task: activity.task,
        heldOn: `2026-${activity.month}-${activity.day}`,
        place: activity.place,
        organizer: '临夏州教育局',
        team: activity.team,
        departments: activity.departments,
        defaultHours: 2 + (index % 3) * 0.5,
        targetGroup: '中小学师生',
        beneficiaries: 80 + index * 40,
        summary: `${activity.name}，全体志愿者按计划完成服务。`,
        highlight: activity.highlight ? '是' : '否',
        highlightText: activity.highlight ?? '',
      },
      planItemId: activity.plan ? planIds[activity.plan - 1] : undefined,
      participants,
    })
  }
  return { volunteerIds, firstName: people[1]!.name, firstIdNumber: people[1]!.idNumber }
}
