// Records as the national rules ask (issue 9): 活动负责人, activities over several days, 集中服务,
// 补录 with its reason, and the log of hours changes; real handlers on a real SQLite file, fixed clock.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { isWorkingDay, workingDaysBetween } from '../../../src-main/core/activities/workingDays'
import { createContext, type CoreContext } from '../../../src-main/core/index'
import { makeId } from '../../support/people'

let dir: string
let ctx: CoreContext
// Monday 2 November 2026: ten working days back is Monday 19 October.
const TODAY = new Date('2026-11-02T10:00:00+08:00')

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-records-'))
  ctx = createContext(join(dir, 'ledger.db'), { now: () => TODAY })
})
afterEach(() => {
  ctx.db.close()
  rmSync(dir, { recursive: true, force: true })
})

async function volunteer(index: number): Promise<number> {
  return (
    await invoke(ctx, 'roster.save', {
      fields: { name: `志愿者${'甲乙丙丁'[index]}`, idNumber: makeId('622901', '19800101', index, true) },
      mode: 'keep',
    })
  ).id
}

function save(
  fields: Record<string, unknown>,
  participants: { volunteerId: number; hours?: number | string }[] = [],
  extra: Record<string, unknown> = {},
) {
  return invoke(ctx, 'activities.save', {
    fields: { defaultHours: 2, leader: '张敏', ...fields } as never,
    participants,
    ...extra,
  })
}

describe('working days', () => {
  it('counts Monday to Friday without the 2026 holidays and with the weekends worked in their place', () => {
    expect(isWorkingDay('2026-10-01')).toBe(false) // 国庆节, a Thursday
    expect(isWorkingDay('2026-10-10')).toBe(true) // a Saturday worked for 国庆
    expect(isWorkingDay('2026-10-11')).toBe(false)
    // After 30 September up to 12 October: 8, 9, 10 (worked Saturday) and 12 October.
    expect(workingDaysBetween('2026-09-30', '2026-10-12')).toBe(4)
  })
})

describe('活动负责人', () => {
  it('is required for a new activity entered by hand, and kept', async () => {
    await expect(save({ name: '名师送教', heldOn: '2026-10-30', leader: '' })).rejects.toThrow(/活动负责人必填/)
    const a = await volunteer(0)
    const { id } = await save({ name: '名师送教', heldOn: '2026-10-30', leader: '马建国' }, [{ volunteerId: a }])
    expect(await invoke(ctx, 'activities.get', { id })).toMatchObject({ leader: '马建国' })
    // The service record (and so the certificate built from it) names who led each activity.
    expect((await invoke(ctx, 'volunteers.service', { volunteerId: a })).lines[0]).toMatchObject({
      name: '名师送教',
      leader: '马建国',
      endedOn: null,
    })
  })
})

describe('activities over several days', () => {
  it('allows 24 hours for each day it covered and refuses more, naming the field', async () => {
    const a = await volunteer(0)
    const trip = { name: '红色研学', heldOn: '2026-10-27', endedOn: '2026-10-29' }
    await expect(save(trip, [{ volunteerId: a, hours: 72.5 }])).rejects.toThrow(
      /服务时长“72\.5”超过活动 3 天每天 24 小时（共 72 小时）/,
    )
    const { id } = await save(trip, [{ volunteerId: a, hours: 30 }])
    expect(await invoke(ctx, 'activities.get', { id })).toMatchObject({ endedOn: '2026-10-29', hoursTotal: 30 })
    await expect(save({ name: '倒着的', heldOn: '2026-10-27', endedOn: '2026-10-26' })).rejects.toThrow(
      /结束日期 2026-10-26 早于开展日期/,
    )
    await expect(save({ name: '一天', heldOn: '2026-10-27' }, [{ volunteerId: a, hours: 25 }])).rejects.toThrow(
      /超过一天 24 小时/,
    )
  })

  it('counts in the month it started and shows in every month it covered', async () => {
    await save({ name: '送教周', heldOn: '2026-09-28', endedOn: '2026-10-02', lateReason: '返校后集中登记' })
    const dashboard = await invoke(ctx, 'dashboard.year', { year: 2026 })
    const [september, october] = [dashboard.programme.months[8]!, dashboard.programme.months[9]!]
    expect(september).toMatchObject({ activities: 1, continuing: 0, state: 'met' })
    expect(october).toMatchObject({ activities: 0, continuing: 1, state: 'gap' })
    expect((await invoke(ctx, 'activities.list', { year: 2026, month: 10 })).rows.map((row) => row.name)).toEqual([
      '送教周',
    ])
  })
})

describe('集中服务', () => {
  it('counts only concentrated services toward 12 and the red months', async () => {
    await save({ name: '校内讲座', heldOn: '2026-10-20', concentrated: '否' })
    const dashboard = await invoke(ctx, 'dashboard.year', { year: 2026 })
    expect(dashboard.programme.months[9]).toMatchObject({ activities: 0, otherActivities: 1, state: 'gap' })
    expect(dashboard.programme).toMatchObject({ activities: 0, otherActivities: 1 })
    await save({ name: '集中送教', heldOn: '2026-10-21' })
    expect((await invoke(ctx, 'dashboard.year', { year: 2026 })).programme.months[9]).toMatchObject({
      activities: 1,
      state: 'met',
    })
  })

  it('is 是 by default for the bureau’s own teams and 否 for a partner team', async () => {
    const own = await save({ name: '本队送教', heldOn: '2026-10-21', team: '临夏州新时代助学支教志愿服务队' })
    const partner = await save({ name: '文艺演出', heldOn: '2026-10-21', team: '临夏州新时代文化文艺服务志愿服务队' })
    expect((await invoke(ctx, 'activities.get', { id: own.id })).concentrated).toBe(true)
    expect((await invoke(ctx, 'activities.get', { id: partner.id })).concentrated).toBe(false)
  })
})

describe('补录', () => {
  it('refuses an activity entered more than 10 working days after it ended without a reason, keeps one with it, and lists it', async () => {
    await save({ name: '按时登记', heldOn: '2026-10-19' }) // exactly 10 working days ago: on time
    await expect(save({ name: '迟到的', heldOn: '2026-10-16' })).rejects.toThrow(/第 11 个工作日才登记.*请填写补录原因/)
    await save({ name: '迟到的', heldOn: '2026-10-16', lateReason: '负责人外出学习，返岗后登记' })
    const list = await invoke(ctx, 'activities.lateEntries', { from: '2026-01-01', to: '2026-12-31' })
    expect(list).toEqual([
      expect.objectContaining({ kind: '活动', activityName: '迟到的', reason: '负责人外出学习，返岗后登记' }),
    ])
  })

  it('asks for a reason for a participant added late to an activity recorded on time, and lists them', async () => {
    const [a, b] = [await volunteer(0), await volunteer(1)]
    today(new Date('2026-10-20T10:00:00+08:00'))
    const { id } = await save({ name: '送教', heldOn: '2026-10-19' }, [{ volunteerId: a }])
    today(new Date('2026-11-10T10:00:00+08:00'))
    const fields = { name: '送教', heldOn: '2026-10-19', defaultHours: 2 }
    await expect(
      invoke(ctx, 'activities.save', {
        id,
        fields: fields as never,
        participants: [{ volunteerId: a }, { volunteerId: b }],
      }),
    ).rejects.toThrow(/参与人员“志愿者乙”.*补录原因/)
    await invoke(ctx, 'activities.save', {
      id,
      fields: fields as never,
      participants: [{ volunteerId: a }, { volunteerId: b, lateReason: '签到表遗漏' }],
    })
    const list = await invoke(ctx, 'activities.lateEntries', { from: '2026-10-01', to: '2026-10-31' })
    expect(list.map((entry) => [entry.kind, entry.volunteerName, entry.reason])).toEqual([
      ['参与人员', '志愿者乙', '签到表遗漏'],
    ])
  })
})

describe('changes of hours', () => {
  it('needs a reason and keeps before, after, reason, operator and time on the volunteer’s record', async () => {
    await invoke(ctx, 'settings.save', { operatorName: '李会计' })
    const a = await volunteer(0)
    const fields = { name: '送教', heldOn: '2026-10-30', defaultHours: 2, leader: '张敏' }
    const { id } = await save(fields, [{ volunteerId: a }])
    await expect(
      invoke(ctx, 'activities.save', { id, fields: fields as never, participants: [{ volunteerId: a, hours: 3.5 }] }),
    ).rejects.toThrow(/请填写修改原因/)
    await invoke(ctx, 'activities.save', {
      id,
      fields: fields as never,
      participants: [{ volunteerId: a, hours: 3.5 }],
      changeReason: '核对签到表',
    })
    const record = await invoke(ctx, 'volunteers.service', { volunteerId: a })
    expect(record.hoursChanges).toEqual([
      expect.objectContaining({
        activityName: '送教',
        before: 2,
        after: 3.5,
        reason: '核对签到表',
        operator: '李会计',
        at: TODAY.toISOString(),
      }),
    ])
    expect(record.lines[0]).toMatchObject({ hours: 3.5 })
  })
})

let clock = TODAY
function today(at: Date) {
  clock = at
  ctx.db.close()
  ctx = createContext(join(dir, 'ledger.db'), { now: () => clock })
}
