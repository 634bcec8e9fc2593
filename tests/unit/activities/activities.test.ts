// The checklist, activities held and the monthly rule, through the real handlers on a real SQLite file.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import type { CoreError } from '../../../src-main/core/errors'
import { createContext, type CoreContext } from '../../../src-main/core/index'
import { makeId } from '../../support/people'

let dir: string
let ctx: CoreContext
let today = new Date('2026-06-15T10:00:00+08:00')

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-activities-'))
  today = new Date('2026-06-15T10:00:00+08:00')
  ctx = createContext(join(dir, 'ledger.db'), { now: () => today })
})

afterEach(() => {
  ctx.db.close()
  rmSync(dir, { recursive: true, force: true })
})

async function volunteers(count: number): Promise<number[]> {
  const ids: number[] = []
  for (let index = 0; index < count; index++) {
    const saved = await invoke(ctx, 'roster.save', {
      fields: { name: `志愿者${'甲乙丙丁戊己庚辛'[index]}`, idNumber: makeId('622901', '19800101', index, true) },
      mode: 'keep',
    })
    ids.push(saved.id)
  }
  return ids
}

function activity(
  fields: Record<string, unknown>,
  participants: { volunteerId: number; hours?: number | string }[] = [],
) {
  return invoke(ctx, 'activities.save', {
    fields: { defaultHours: 2, leader: '张敏', lateReason: '年底集中补登', ...fields } as never,
    participants,
  })
}

describe('checklist (表2)', () => {
  it('derives 未开展, 逾期未开展 and 已开展 from the planned time and the activities held', async () => {
    const march = await invoke(ctx, 'plan.save', {
      year: 2026,
      fields: { task: '送教下乡', name: '名师送教', plannedText: '2026年3月', departments: '教师发展科、基础教科' },
    })
    const july = await invoke(ctx, 'plan.save', {
      year: 2026,
      fields: { task: '送法下乡', name: '法治宣讲', plannedText: '7月', departments: '安全办' },
    })
    let items = await invoke(ctx, 'plan.list', { year: 2026 })
    expect(items.map((item) => [item.name, item.state])).toEqual([
      ['名师送教', '逾期未开展'],
      ['法治宣讲', '未开展'],
    ])
    expect(items[0]?.departments).toEqual(['基础教育科', '教师发展科'])
    expect(items[1]?.departments).toEqual(['安全管理办公室'])

    const [volunteer] = await volunteers(1)
    await activity({ name: '名师送教（康乐）', heldOn: '2026-04-02', task: '送教下乡' }, [{ volunteerId: volunteer! }])
    await invoke(ctx, 'activities.save', {
      fields: { name: '补送教', heldOn: '2026-04-09', defaultHours: 3, leader: '张敏', lateReason: '年底集中补登' },
      planItemId: march.id,
      participants: [],
    })
    items = await invoke(ctx, 'plan.list', { year: 2026 })
    expect(items[0]).toMatchObject({ state: '已开展', heldOn: '2026-04-09', activities: 1 })
    expect(july.warnings).toEqual([])
  })

  it('names an unknown participant by a masked ID number only', async () => {
    const stranger = '622901198503120012'
    const refused = await invoke(ctx, 'activities.save', {
      fields: { name: '送教', heldOn: '2026-04-09', defaultHours: 2, leader: '张敏', lateReason: '年底集中补登' },
      participantIdNumbers: `${stranger}:2`,
    }).catch((error: Error) => error.message)
    expect(refused).toBe('身份证号码 622901********0012 不在志愿者花名册中，请先登记该志愿者。')
  })

  it('rejects an unknown department and a task outside the five', async () => {
    await expect(
      invoke(ctx, 'plan.save', { year: 2026, fields: { task: '文艺汇演', name: 'x', departments: '办公室' } }),
    ).rejects.toThrow(/不是五类任务之一/)
    await expect(
      invoke(ctx, 'plan.save', { year: 2026, fields: { task: '教育宣讲', name: 'x', departments: '宣传科' } }),
    ).rejects.toThrow(/宣传科/)
  })

  it('copies a year to the next, moving planned months along and keeping 序号', async () => {
    await invoke(ctx, 'plan.save', {
      year: 2026,
      fields: { seq: 3, task: '劳动实践', name: '学雷锋', plannedText: '2026年3月', departments: '职教成教科' },
    })
    expect(await invoke(ctx, 'plan.copyYear', { from: 2026, to: 2027 })).toEqual({ copied: 1, skipped: 0 })
    expect(await invoke(ctx, 'plan.copyYear', { from: 2026, to: 2027 })).toEqual({ copied: 0, skipped: 1 })
    const [copy] = await invoke(ctx, 'plan.list', { year: 2027 })
    expect(copy).toMatchObject({
      seq: 3,
      plannedText: '2027年3月',
      plannedStart: '2027-03-01',
      plannedEnd: '2027-03-31',
      state: '未开展',
    })
  })
})

describe('activities (表3)', () => {
  it('records participants with their own hours or the default, and keeps totals', async () => {
    const [a, b, c] = await volunteers(3)
    const saved = await activity({ name: '送艺下乡', heldOn: '2026-05-04', beneficiaries: 300 }, [
      { volunteerId: a! },
      { volunteerId: b!, hours: 3.5 },
      { volunteerId: c!, hours: '1' },
    ])
    const view = await invoke(ctx, 'activities.get', { id: saved.id })
    expect(view).toMatchObject({ volunteerCount: 3, hoursTotal: 6.5, beneficiaries: 300 })
    expect(view.participants.map((p) => p.hours).sort()).toEqual([1, 2, 3.5])
  })

  it('refuses hours of 0 or above 24, a volunteer listed twice, and a date in the future', async () => {
    const [a] = await volunteers(1)
    await expect(activity({ name: 'x', heldOn: '2026-05-04' }, [{ volunteerId: a!, hours: 0 }])).rejects.toThrow(
      /大于 0/,
    )
    await expect(activity({ name: 'x', heldOn: '2026-05-04' }, [{ volunteerId: a!, hours: 25 }])).rejects.toThrow(/24/)
    await expect(
      activity({ name: 'x', heldOn: '2026-05-04' }, [{ volunteerId: a! }, { volunteerId: a! }]),
    ).rejects.toThrow(/重复/)
    const refusal = await activity({ name: 'x', heldOn: '2026-05-04' }, [{ volunteerId: a!, hours: 30 }]).catch(
      (error: CoreError) => error,
    )
    expect((refusal as CoreError).details).toMatchObject({
      issues: [{ field: 'participants', volunteerId: a, level: 'error' }],
    })
    await expect(activity({ name: 'x', heldOn: '2026-06-16' })).rejects.toThrow(/晚于今天/)
    expect((await invoke(ctx, 'activities.list', {})).total).toBe(0)
  })

  it('links by 清单序号 only to an item of the same year', async () => {
    await invoke(ctx, 'plan.save', {
      year: 2025,
      fields: { seq: 1, task: '教育宣讲', name: '宣讲', departments: '基础教育科' },
    })
    await expect(activity({ name: 'x', heldOn: '2026-05-04', planSeq: 1 })).rejects.toThrow(
      /2026 年度活动清单中没有序号 1/,
    )
  })
})

describe('the monthly rule', () => {
  it('shows gaps in past months, the current month in progress and months to come', async () => {
    const [a, b] = await volunteers(2)
    await activity(
      { name: '一月宣讲', heldOn: '2026-01-10', team: '临夏州新时代助学支教志愿服务队', departments: '基础教育科' },
      [{ volunteerId: a! }, { volunteerId: b! }],
    )
    await activity({ name: '三月送教', heldOn: '2026-03-31', beneficiaries: 40 }, [{ volunteerId: a!, hours: 4 }])
    await activity({ name: '三月又一次', heldOn: '2026-03-01' })
    const stats = await invoke(ctx, 'system.stats', { year: 2026 })
    expect(stats.activities).toBe(3)
    expect(stats.monthsMet).toBe(2)
    expect(stats.months?.map((m) => m.activities)).toEqual([1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    expect(stats.months?.[0]).toEqual({
      month: 1,
      activities: 1,
      otherActivities: 0,
      continuing: 0,
      volunteerTimes: 2,
      hours: 4,
      beneficiaries: 0,
      met: true,
    })
    expect(stats.months?.[2]).toMatchObject({ volunteerTimes: 1, hours: 4, beneficiaries: 40 })
    const dashboard = await invoke(ctx, 'dashboard.year', { year: 2026 })
    expect(dashboard.programme.months.map((m) => m.state)).toEqual([
      'met',
      'gap',
      'met',
      'gap',
      'gap',
      'current',
      'future',
      'future',
      'future',
      'future',
      'future',
      'future',
    ])
    const team = dashboard.teams.find((strip) => strip.name === '临夏州新时代助学支教志愿服务队')
    expect(team?.months.map((m) => m.activities)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    expect(dashboard.departments.find((d) => d.name === '基础教育科')?.activities).toBe(1)
  })

  it('reports each department planned, done and overdue', async () => {
    await invoke(ctx, 'plan.save', {
      year: 2026,
      fields: {
        task: '送法下乡',
        name: '资助政策宣传',
        plannedText: '2026年5月',
        departments: '学生资助管理中心、基础教育科',
      },
    })
    await invoke(ctx, 'plan.save', {
      year: 2026,
      fields: { task: '教育宣讲', name: '红色研学', plannedText: '2026年7月—8月', departments: '基础教育科' },
    })
    const stats = await invoke(ctx, 'system.stats', { year: 2026 })
    expect(stats.departments?.find((d) => d.name === '基础教育科')).toEqual({
      name: '基础教育科',
      planned: 2,
      done: 0,
      overdue: 1,
    })
    expect(stats.departments?.find((d) => d.name === '学生资助管理中心')).toEqual({
      name: '学生资助管理中心',
      planned: 1,
      done: 0,
      overdue: 1,
    })
    expect(stats.departments?.find((d) => d.name === '办公室')).toEqual({
      name: '办公室',
      planned: 0,
      done: 0,
      overdue: 0,
    })
  })
})

describe('activity photos', () => {
  it('stores a photo once by content, keeps its thumbnail, and carries it into backups', async () => {
    const { id } = await activity({ name: '合唱节', heldOn: '2026-05-20' })
    // SOI, an APP0 segment, start of scan, three bytes of picture data, EOI.
    const picture = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0x4a, 0x46, 0xff, 0xda, 0, 2, 1, 2, 3, 0xff, 0xd9])
    const first = await invoke(ctx, 'activities.photo.add', {
      activityId: id,
      name: '合影.JPG',
      data: picture,
      thumb: { base64: 'AQID' },
    })
    await invoke(ctx, 'activities.photo.add', { activityId: id, name: '合影-副本.jpg', data: picture })
    const photos = await invoke(ctx, 'activities.photos', { activityId: id })
    expect(photos.map((photo) => photo.originalName)).toEqual(['合影.JPG', '合影-副本.jpg'])
    expect(Array.from(photos[0]?.thumb ?? [])).toEqual([1, 2, 3])
    expect(readdirSync(join(dir, 'photos'))).toHaveLength(1)
    const read = await invoke(ctx, 'activities.photo.read', { id: first.id })
    expect(read.type).toBe('image/jpeg')
    expect(Array.from(read.data)).toEqual(Array.from(picture))
    await invoke(ctx, 'backup.create', {})
    expect(readdirSync(join(dir, 'backups', 'photos'))).toEqual(readdirSync(join(dir, 'photos')))
    await expect(
      invoke(ctx, 'activities.photo.add', {
        activityId: id,
        name: '说明.jpg',
        data: new TextEncoder().encode('PK not a picture'),
      }),
    ).rejects.toThrow(/不是 JPG/)
  })
})
