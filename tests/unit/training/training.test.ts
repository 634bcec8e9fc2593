// 培训与表彰 through the real handlers on a real SQLite file: each rule passes and is refused with
// the Chinese message naming the field; the volunteer's record shows both and service hours stay.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { createContext, type CoreContext } from '../../../src-main/core/index'
import { makeId } from '../../support/people'

let dir: string
let ctx: CoreContext
const today = new Date('2026-06-15T10:00:00+08:00')

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-training-'))
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
      fields: { name: `志愿者${'甲乙丙丁'[index]}`, idNumber: makeId('622901', '19800101', index, true) },
      mode: 'keep',
    })
    ids.push(saved.id)
  }
  return ids
}

const TRAINING = { name: '志愿服务骨干培训', hours: '3.5', startedOn: '2026-05-10', organizer: '州教育局' }
const AWARD = { name: '优秀志愿者', awardedOn: '2026-06-01', grantedBy: '临夏州教育局', level: '州级' }

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: Error) => caught,
  )
  expect(error, 'expected a refusal').not.toBeNull()
  return error!.message
}

describe('training rules', () => {
  it('accepts a training with one decimal of 学时 and refuses each broken field by name', async () => {
    const [a] = await volunteers(1)
    const saved = await invoke(ctx, 'training.save', { fields: TRAINING, volunteerIds: [a!] })
    expect((await invoke(ctx, 'training.get', { id: saved.id })).hours).toBe(3.5)
    const save = (fields: Record<string, unknown>) =>
      refusal(invoke(ctx, 'training.save', { fields: { ...TRAINING, ...fields }, volunteerIds: [a!] }))
    expect(await save({ name: '' })).toContain('培训名称必填')
    expect(await save({ hours: '0' })).toContain('学时“0”必须大于 0')
    expect(await save({ hours: '' })).toContain('学时必填')
    expect(await save({ hours: '200.5' })).toContain('超过 200 学时')
    expect(await save({ hours: '1.25' })).toContain('学时“1.25”最多保留一位小数')
    expect(await save({ hours: '三' })).toContain('学时“三”不是数字')
    expect(await save({ startedOn: '' })).toContain('培训日期必填')
    expect(await save({ startedOn: '2026-07-01' })).toContain('培训日期 2026-07-01 晚于今天')
    expect(await save({ endedOn: '2026-05-09' })).toContain('结束日期 2026-05-09 早于培训日期 2026-05-10')
    // The boundary: exactly 200 is allowed, with an end date after the start.
    const long = await invoke(ctx, 'training.save', {
      fields: { ...TRAINING, hours: 200, endedOn: '2026-05-30' },
      volunteerIds: [a!],
    })
    expect(await invoke(ctx, 'training.get', { id: long.id })).toMatchObject({ hours: 200, endedOn: '2026-05-30' })
  })

  it('takes participants from the roster and refuses one in the recycle bin', async () => {
    const [a, b] = await volunteers(2)
    await invoke(ctx, 'roster.delete', { ids: [b!] })
    const message = await refusal(invoke(ctx, 'training.save', { fields: TRAINING, volunteerIds: [a!, b!] }))
    expect(message).toContain('参训人员“志愿者乙”在回收站中')
  })
})

describe('award rules', () => {
  it('accepts an award with or without a level and refuses each broken field by name', async () => {
    const [a, b] = await volunteers(2)
    const saved = await invoke(ctx, 'awards.save', { fields: AWARD, volunteerIds: [a!, b!] })
    expect((await invoke(ctx, 'awards.get', { id: saved.id })).people.map((p) => p.name).sort()).toEqual([
      '志愿者乙',
      '志愿者甲',
    ])
    const none = await invoke(ctx, 'awards.save', { fields: { ...AWARD, level: '' }, volunteerIds: [a!] })
    expect((await invoke(ctx, 'awards.get', { id: none.id })).level).toBeNull()
    const save = (fields: Record<string, unknown>, people = [a!]) =>
      refusal(invoke(ctx, 'awards.save', { fields: { ...AWARD, ...fields }, volunteerIds: people }))
    expect(await save({ name: '' })).toContain('表彰名称必填')
    expect(await save({ grantedBy: '' })).toContain('授予单位必填')
    expect(await save({ awardedOn: '2026-13-01' })).toContain('表彰日期“2026-13-01”无法识别')
    expect(await save({ level: '市级' })).toContain('表彰级别“市级”不在可选范围内')
    expect(await save({}, [])).toContain('受表彰人员必填')
  })
})

describe('editing and the audit trail', () => {
  it('adds and removes people, deletes, and records every change', async () => {
    const [a, b, c] = await volunteers(3)
    const saved = await invoke(ctx, 'training.save', { fields: TRAINING, volunteerIds: [a!, b!] })
    await invoke(ctx, 'training.save', { id: saved.id, fields: { ...TRAINING, hours: 4 }, volunteerIds: [b!, c!] })
    const detail = await invoke(ctx, 'training.get', { id: saved.id })
    expect(detail.hours).toBe(4)
    expect(detail.people.map((person) => person.name).sort()).toEqual(['志愿者丙', '志愿者乙'])
    expect(detail.people[0]!.idMasked).toMatch(/\*{8}/)
    const idC = makeId('622901', '19800101', 2, true)
    await invoke(ctx, 'training.participants', { id: saved.id, remove: idC })
    expect((await invoke(ctx, 'training.list', {})).rows[0]).toMatchObject({ people: 1, names: '志愿者乙' })
    await invoke(ctx, 'training.delete', { id: saved.id })
    expect((await invoke(ctx, 'training.list', {})).total).toBe(0)
    const audit = ctx.db.prepare("SELECT action, summary FROM audit WHERE entity = 'training' ORDER BY id").all() as {
      action: string
      summary: string
    }[]
    expect(audit.map((entry) => entry.action)).toEqual(['create', 'update', 'update', 'delete'])
    expect(audit[0]!.summary).toContain('新增培训“志愿服务骨干培训”，参训人员 2 人')
    expect(audit[1]!.summary).toContain('增 1，减 1')
  })
})

describe("the volunteer's record", () => {
  it('shows training hours and awards apart; service hours and the star level are unchanged', async () => {
    const [a] = await volunteers(1)
    await invoke(ctx, 'activities.save', {
      fields: { name: '名师送教', task: '送教下乡', heldOn: '2026-06-10', defaultHours: 3, leader: '张敏' },
      participants: [{ volunteerId: a! }],
    })
    const before = await invoke(ctx, 'volunteers.service', { volunteerId: a! })
    await invoke(ctx, 'training.save', { fields: { ...TRAINING, hours: 150 }, volunteerIds: [a!] })
    await invoke(ctx, 'awards.save', { fields: AWARD, volunteerIds: [a!] })
    const after = await invoke(ctx, 'volunteers.service', { volunteerId: a! })
    expect(after.training.trainings.map((t) => t.name)).toEqual(['志愿服务骨干培训'])
    expect(after.training.trainingHours).toBe(150)
    expect(after.training.awards.map((award) => [award.name, award.level])).toEqual([['优秀志愿者', '州级']])
    // 150 学时 would make 一星 if they were service hours: they are not.
    expect(after.years).toEqual(before.years)
    expect(after.years[0]!.hours).toBe(3)
    expect(after.star).toEqual(before.star)
    const stars = await invoke(ctx, 'stars.of', { volunteerIds: [a!] })
    expect(stars[a!]).toEqual(before.star)
  })
})

describe('the 志愿服务证明', () => {
  it('lists training (学时 apart) and awards of the period; the certified service hours stay those of the activities', async () => {
    const [a] = await volunteers(1)
    await invoke(ctx, 'activities.save', {
      fields: { name: '名师送教', task: '送教下乡', heldOn: '2026-06-10', defaultHours: 3, leader: '张敏' },
      participants: [{ volunteerId: a! }],
    })
    await invoke(ctx, 'training.save', { fields: TRAINING, volunteerIds: [a!] })
    await invoke(ctx, 'awards.save', { fields: AWARD, volunteerIds: [a!] })
    const issued = await invoke(ctx, 'certificates.issue', { volunteers: [a!], from: '2026-01-01', to: '2026-06-15' })
    const printed = await invoke(ctx, 'print.document', {
      report: 'certificate',
      certificates: [issued.certificates[0]!.id],
    })
    if (!('html' in printed)) throw new Error('expected html')
    expect(printed.html).toContain('累计志愿服务时长 3 小时')
    expect(printed.html).toContain('参加志愿服务培训 1 次，共 3.5 学时（不计入志愿服务时长）')
    expect(printed.html).toContain('2026-06-01 优秀志愿者（临夏州教育局，州级）')
  })
})
