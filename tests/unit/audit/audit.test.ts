// 操作记录 in Chinese and filtered: every code the core writes has a label, and audit.list narrows
// by local date range, operator, action and kind of record.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '../../../src-main/core/audit/labels'
import { createContext, type CoreContext } from '../../../src-main/core/index'
import { makeId } from '../../support/people'

const CORE = resolve(import.meta.dirname, '../../../src-main/core')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : []
  })
}

/** The codes passed to recordAudit anywhere in the core: each quoted string after action: / entity:. */
function writtenCodes(key: 'action' | 'entity'): Set<string> {
  const codes = new Set<string>()
  for (const file of sources(CORE)) {
    const text = readFileSync(file, 'utf8')
    for (const call of text.split('recordAudit(').slice(1)) {
      const entry = call.slice(0, 600)
      const value = new RegExp(`${key}:([^,\\n]*)`).exec(entry)?.[1] ?? ''
      for (const quoted of value.matchAll(/'([a-z_-]+)'/g)) codes.add(quoted[1]!)
    }
  }
  return codes
}

describe('audit labels', () => {
  it('has a Chinese label for every action and entity the core records', () => {
    const actions = writtenCodes('action')
    const entities = writtenCodes('entity')
    expect(actions.size).toBeGreaterThanOrEqual(6)
    expect(entities.size).toBeGreaterThanOrEqual(5)
    for (const code of actions) expect(Object.keys(AUDIT_ACTIONS), `action ${code}`).toContain(code)
    for (const code of entities) expect(Object.keys(AUDIT_ENTITIES), `entity ${code}`).toContain(code)
  })
})

describe('audit.list', () => {
  let dir: string
  let ctx: CoreContext
  // Local times (the PC's zone, as the core's days are): the filter's days are the clerk's days.
  let now: Date

  beforeEach(async () => {
    now = new Date(2026, 10, 2, 9, 0)
    dir = mkdtempSync(join(tmpdir(), 'ledger-audit-'))
    ctx = createContext(join(dir, 'ledger.db'), { now: () => now })
    const add = (name: string, n: number) =>
      invoke(ctx, 'roster.save', { fields: { name, idNumber: makeId('622901', '19850312', n, true) }, mode: 'keep' })
    await invoke(ctx, 'settings.save', { operatorName: '李娟' })
    const ma = await add('马建国', 1)
    now = new Date(2026, 10, 15, 23, 30)
    await invoke(ctx, 'settings.save', { operatorName: '王强' })
    await add('王芳', 2)
    now = new Date(2026, 10, 16, 0, 30)
    await invoke(ctx, 'roster.delete', { ids: [ma.id] })
    await invoke(ctx, 'activities.save', {
      fields: {
        name: '名师送教东乡行',
        heldOn: '2026-11-10',
        leader: '张敏',
        lateReason: '年底集中补登',
        task: '送教下乡',
        defaultHours: 2,
      } as never,
      participants: [],
    })
  })
  afterEach(() => {
    ctx.db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('labels each row in Chinese', async () => {
    const { rows } = await invoke(ctx, 'audit.list', {})
    expect(rows.map((row) => `${row.actionLabel}·${row.entityLabel}`)).toEqual([
      '新增·活动',
      '移入回收站·志愿者',
      '新增·志愿者',
      '新增·志愿者',
    ])
  })

  it('filters by local days, both ends included, split at the clerk’s own midnight', async () => {
    const on15 = await invoke(ctx, 'audit.list', { from: '2026-11-15', to: '2026-11-15' })
    expect(on15.rows.map((row) => row.summary)).toEqual(['新增志愿者 王芳'])
    expect((await invoke(ctx, 'audit.list', { from: '2026-11-16' })).total).toBe(2)
    expect((await invoke(ctx, 'audit.list', { to: '2026-11-14' })).total).toBe(1)
  })

  it('filters by operator, action and kind of record, and offers what the trail holds', async () => {
    expect((await invoke(ctx, 'audit.list', { operator: '李娟' })).rows.map((row) => row.summary)).toEqual([
      '新增志愿者 马建国',
    ])
    expect((await invoke(ctx, 'audit.list', { entity: 'volunteer', action: 'create' })).total).toBe(2)
    expect((await invoke(ctx, 'audit.list', { entity: 'activity' })).total).toBe(1)
    const options = await invoke(ctx, 'audit.filterOptions', {})
    expect(options.operators).toEqual(['李娟', '王强'])
    expect(options.entities).toEqual(
      expect.arrayContaining([
        { code: 'activity', label: '活动' },
        { code: 'volunteer', label: '志愿者' },
      ]),
    )
  })

  it('refuses a range that ends before it starts', async () => {
    await expect(invoke(ctx, 'audit.list', { from: '2026-11-16', to: '2026-11-15' })).rejects.toThrow(
      '开始日期不能晚于结束日期',
    )
  })
})
