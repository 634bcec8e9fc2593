// Roster storage and use cases on a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { createContext, type CoreContext } from '../../../src-main/core/index'
import { makeId } from '../../support/people'

let dir: string
let ctx: CoreContext
let clock: Date

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-roster-'))
  clock = new Date('2026-11-29T08:00:00Z')
  ctx = createContext(join(dir, 'ledger.db'), { now: () => clock })
})

afterEach(() => {
  ctx.db.close()
  rmSync(dir, { recursive: true, force: true })
})

const MA = makeId('622901', '19850312', 1, true)
const WANG = makeId('622926', '19900701', 2, false)

async function add(fields: Record<string, string>) {
  return invoke(ctx, 'roster.save', { fields, mode: 'keep' })
}

describe('roster', () => {
  it('seeds the reference data once, on first open', async () => {
    const reference = await invoke(ctx, 'reference.all', {})
    expect(reference.departments.map((d) => d.name)).toContain('安全管理办公室')
    expect(reference.departments).toHaveLength(10)
    expect(reference.tasks.map((t) => t.name)).toEqual(['教育宣讲', '送教下乡', '送艺下乡', '劳动实践', '送法下乡'])
    expect(reference.tasks[4]?.departments).toEqual(['基础教育科', '职教成教科', '安全管理办公室', '学生资助管理中心'])
    expect(reference.counties).toHaveLength(8)
    expect(reference.ethnicGroups).toHaveLength(56)
    expect(reference.categories).toContain('土专家')
    expect(reference.teams.map((t) => t.name)).toContain('临夏州新时代助学支教志愿服务队')
    ctx.db.close()
    ctx = createContext(join(dir, 'ledger.db'))
    expect((await invoke(ctx, 'reference.all', {})).departments).toHaveLength(10)
  })

  it('creates a volunteer with gender and birth derived from the ID', async () => {
    const result = await add({ name: '马建国', idNumber: MA, unit: '临夏州中学', county: '临夏市' })
    expect(result.created).toBe(true)
    const view = await invoke(ctx, 'roster.get', { id: result.id })
    expect(view).toMatchObject({
      name: '马建国',
      gender: '男',
      birth: '1985.03',
      countyCode: '622901',
      countyName: '临夏市',
    })
    expect(view.idMasked).toBe(`622901********${MA.slice(-4)}`)
    expect(JSON.stringify(view)).not.toContain(MA)
  })

  it('rejects a bad check digit with a message naming 校验位 and writes nothing', async () => {
    const bad = MA.slice(0, 17) + (MA.endsWith('1') ? '2' : '1')
    await expect(add({ name: '马建国', idNumber: bad })).rejects.toThrow(/校验位/)
    expect((await invoke(ctx, 'system.stats', {})).volunteers).toBe(0)
  })

  it('updates the same person instead of creating a second one, keeping values the input leaves empty', async () => {
    const first = await add({ name: '马建国', idNumber: MA, unit: '临夏州中学', phone: '13812341234' })
    const second = await add({ name: '马建国', idNumber: MA.toLowerCase(), unit: '临夏市第一中学' })
    expect(second).toMatchObject({ id: first.id, created: false })
    expect(second.changes.map((change) => change.field)).toEqual(['unit'])
    expect(await invoke(ctx, 'roster.reveal', { id: first.id, field: 'idNumber' })).toEqual({ value: MA })
    expect(await invoke(ctx, 'roster.reveal', { id: first.id, field: 'phone' })).toEqual({ value: '13812341234' })
    expect((await invoke(ctx, 'system.stats', {})).volunteers).toBe(1)
  })

  it('finds volunteers by pinyin initials, full pinyin, ID fragment, phone fragment and unit', async () => {
    await add({ name: '马建国', idNumber: MA, unit: '临夏州中学', phone: '13812345678' })
    await add({ name: '王芳', idNumber: WANG, unit: '东乡县锁南中学', phone: '13998765432' })
    const names = async (q: string) => (await invoke(ctx, 'roster.search', { q })).rows.map((row) => row.name)
    expect(await names('mjg')).toEqual(['马建国'])
    expect(await names('MaJianGuo')).toEqual(['马建国'])
    expect(await names('wang fang')).toEqual(['王芳'])
    expect(await names(WANG.slice(6, 14))).toEqual(['王芳'])
    expect(await names('9876')).toEqual(['王芳'])
    expect(await names('锁南')).toEqual(['王芳'])
    expect(await names('马')).toEqual(['马建国'])
    expect(await names('%')).toEqual([])
  })

  it('finds every holder of a fragment, neighbours in pinyin order included, in any sort order', async () => {
    const names = ['马丽', '马力', '马莉', '马立新', '王马']
    for (const [index, name] of names.entries())
      await add({
        name,
        idNumber: makeId('622921', '19800101', index, index % 2 === 0),
        unit: index < 2 ? '临夏州中学' : '临夏县土桥中学',
      })
    const found = async (query: Record<string, unknown>) =>
      (await invoke(ctx, 'roster.search', { q: '马', ...query })).rows.map((row) => row.name)
    expect((await found({})).sort()).toEqual([...names].sort())
    expect(await found({ q: 'mal' })).toEqual(['马丽', '马力', '马莉', '马立新'])
    expect((await found({ q: 'mal', sort: 'unit' })).length).toBe(4)
    expect(await found({ unit: '临夏州中学' })).toEqual(['马丽', '马力'])
    expect((await invoke(ctx, 'roster.search', { q: 'mal', unit: '临夏县土桥中学' })).total).toBe(2)
  })

  it('sorts by pinyin and pages on the server', async () => {
    const people = ['张三', '阿依', '马建国', '白雪', '赵六']
    for (const [index, name] of people.entries())
      await add({ name, idNumber: makeId('622921', '19800101', index, true) })
    const page = await invoke(ctx, 'roster.search', { limit: 2, offset: 1 })
    expect(page.total).toBe(5)
    expect(page.rows.map((row) => row.name)).toEqual(['白雪', '马建国'])
  })

  it('moves to the recycle bin and restores, with an audit trail that masks ID numbers', async () => {
    const { id } = await add({ name: '马建国', idNumber: MA })
    await invoke(ctx, 'roster.delete', { ids: [id] })
    expect((await invoke(ctx, 'roster.search', {})).total).toBe(0)
    expect((await invoke(ctx, 'roster.search', { deleted: true })).rows.map((row) => row.id)).toEqual([id])
    expect((await invoke(ctx, 'system.stats', {})).volunteers).toBe(0)
    await invoke(ctx, 'roster.restore', { ids: [id] })
    expect((await invoke(ctx, 'roster.search', {})).total).toBe(1)
    const audit = await invoke(ctx, 'audit.list', { entity: 'volunteer', entityId: id })
    expect(audit.rows.map((row) => row.action)).toEqual(['restore', 'delete', 'create'])
    expect(JSON.stringify(audit)).not.toContain(MA)
  })

  it('refuses to give one ID number to two volunteers when editing', async () => {
    const ma = await add({ name: '马建国', idNumber: MA })
    await add({ name: '王芳', idNumber: WANG })
    await expect(
      invoke(ctx, 'roster.save', { id: ma.id, fields: { name: '马建国', idNumber: WANG }, mode: 'replace' }),
    ).rejects.toThrow(/另一位志愿者“王芳”/)
  })

  it('lets the edit form clear a field, keeping the stored ID when none is retyped', async () => {
    const { id } = await add({ name: '马建国', idNumber: MA, unit: '临夏州中学' })
    await invoke(ctx, 'roster.save', { id, fields: { name: '马建国', unit: '' }, mode: 'replace' })
    const view = await invoke(ctx, 'roster.get', { id })
    expect(view.unit).toBeNull()
    expect(view.idMasked.endsWith(MA.slice(-4))).toBe(true)
  })

  it('keeps the stored phone when the edit form leaves it out, and clears it when sent empty', async () => {
    const { id } = await add({ name: '马建国', idNumber: MA, phone: '13812341234' })
    await invoke(ctx, 'roster.save', { id, fields: { name: '马建国', unit: '临夏州中学' }, mode: 'replace' })
    expect((await invoke(ctx, 'roster.reveal', { id, field: 'phone' })).value).toBe('13812341234')
    await invoke(ctx, 'roster.save', { id, fields: { name: '马建国', phone: '' }, mode: 'replace' })
    expect((await invoke(ctx, 'roster.reveal', { id, field: 'phone' })).value).toBe('')
    const audit = await invoke(ctx, 'audit.list', { entity: 'volunteer', entityId: id })
    expect(audit.rows.find((row) => row.action === 'update')?.summary).toBe('修改志愿者 马建国：工作单位、联系电话')
  })

  it('tells gender and birth from a valid ID even while other fields are wrong', async () => {
    const result = await invoke(ctx, 'roster.validate', { fields: { idNumber: WANG } })
    expect(result.person).toBeNull()
    expect(result.derived).toEqual({ gender: '女', birth: '1990.07' })
  })

  it('reveals one field of one person, records who saw whose number in the audit history, and stops bulk reveals', async () => {
    await invoke(ctx, 'settings.save', { operatorName: '李文书' })
    const { id } = await add({ name: '马建国', idNumber: MA, phone: '13812341234' })
    expect(await invoke(ctx, 'roster.reveal', { id, field: 'idNumber' })).toEqual({ value: MA })
    const [entry] = (await invoke(ctx, 'audit.list', { entity: 'volunteer', entityId: id })).rows
    expect(entry).toMatchObject({ action: 'reveal', operator: '李文书', summary: '查看志愿者 马建国 的完整身份证号码' })
    expect(JSON.stringify(entry)).not.toContain(MA)

    for (let n = 1; n < 20; n++) await invoke(ctx, 'roster.reveal', { id, field: 'phone' })
    await expect(invoke(ctx, 'roster.reveal', { id, field: 'phone' })).rejects.toThrow(/过于频繁：每分钟最多 20 次/)
    const reveals = (await invoke(ctx, 'audit.list', { entity: 'volunteer', entityId: id, limit: 500 })).rows.filter(
      (row) => row.action === 'reveal',
    )
    expect(reveals).toHaveLength(20)

    clock = new Date(clock.getTime() + 61_000)
    expect(await invoke(ctx, 'roster.reveal', { id, field: 'phone' })).toEqual({ value: '13812341234' })
  })

  it('rejects unknown operations and malformed input with Chinese messages', async () => {
    await expect(invoke(ctx, 'nope' as never, {})).rejects.toThrow(/未知的操作/)
    await expect(invoke(ctx, 'roster.search', { limit: 'lots' } as never)).rejects.toThrow(/输入有误/)
    const refused = await invoke(ctx, 'roster.search', { limit: 'lots' } as never).catch(
      (error: Error) => error.message,
    )
    expect(refused).toMatch(/limit：无效输入：期望 数字/)
    expect(refused).not.toMatch(/Invalid|expected|received/)
  })
})
