// activities.list finds an activity by one of its participants: name, pinyin initials or a fragment
// of the ID number, as the roster search reads them; the activity's own words still match.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { createContext, type CoreContext } from '../../../src-main/core/index'
import { makeId } from '../../support/people'

let dir: string
let ctx: CoreContext
const MA = makeId('622901', '19850312', 17, true)
const WANG = makeId('622926', '19900701', 42, false)

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-participant-search-'))
  ctx = createContext(join(dir, 'ledger.db'), { now: () => new Date('2026-06-15T10:00:00+08:00') })
})
afterEach(() => {
  ctx.db.close()
  rmSync(dir, { recursive: true, force: true })
})

async function person(name: string, idNumber: string): Promise<number> {
  return (await invoke(ctx, 'roster.save', { fields: { name, idNumber }, mode: 'keep' })).id
}

async function held(name: string, heldOn: string, volunteerIds: number[]): Promise<void> {
  await invoke(ctx, 'activities.save', {
    fields: {
      name,
      heldOn,
      leader: '张敏',
      lateReason: '年底集中补登',
      task: '送教下乡',
      defaultHours: 2,
      place: '和政县第一中学',
    } as never,
    participants: volunteerIds.map((volunteerId) => ({ volunteerId })),
  })
}

async function names(q: string): Promise<string[]> {
  const { rows } = await invoke(ctx, 'activities.list', { q })
  return rows.map((row) => row.name).sort()
}

describe('activities.list by participant', () => {
  beforeEach(async () => {
    const ma = await person('马建国', MA)
    const wang = await person('王芳', WANG)
    await held('名师送教东乡行', '2026-03-10', [ma, wang])
    await held('花儿进校园', '2026-04-12', [wang])
    await held('法治宣传周', '2026-05-20', [])
  })

  it('finds the activities a volunteer took part in by name, initials or ID fragment', async () => {
    expect(await names('马建国')).toEqual(['名师送教东乡行'])
    expect(await names('mjg')).toEqual(['名师送教东乡行'])
    expect(await names('王芳')).toEqual(['名师送教东乡行', '花儿进校园'])
    expect(await names(WANG.slice(6, 14))).toEqual(['名师送教东乡行', '花儿进校园'])
  })

  it('still matches the activity name and place, and finds nothing for a stranger', async () => {
    expect(await names('法治')).toEqual(['法治宣传周'])
    expect(await names('和政县')).toHaveLength(3)
    expect(await names('赵丽')).toEqual([])
  })

  it('keeps a volunteer moved to the recycle bin findable in the activities they served', async () => {
    const { rows } = await invoke(ctx, 'roster.search', { q: '马建国' })
    await invoke(ctx, 'roster.delete', { ids: [rows[0]!.id] })
    expect(await names('马建国')).toEqual(['名师送教东乡行'])
  })
})
