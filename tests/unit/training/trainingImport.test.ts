// 培训记录 and 表彰记录 through the shared import engine and the shared writer: blank templates,
// export → import gives the same records, an unknown ID refused on its row, undo, masked exports.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { makeId } from '../../support/people'
import { issueKey, openLedger, type Ledger } from '../import/support'

let ledger: Ledger
const MA = makeId('622901', '19850312', 1, true)
const WANG = makeId('622926', '19900701', 2, false)
const STRANGER = makeId('622923', '19880808', 4, false)
let ma = 0
let wang = 0

beforeEach(async () => {
  ledger = openLedger(new Date('2026-11-29T08:00:00+08:00'))
  ma = (
    await invoke(ledger.ctx, 'roster.save', {
      fields: { name: '马建国', idNumber: MA, unit: '临夏州中学' },
      mode: 'keep',
    })
  ).id
  wang = (await invoke(ledger.ctx, 'roster.save', { fields: { name: '王芳', idNumber: WANG }, mode: 'keep' })).id
})

afterEach(() => ledger.close())

async function workbook(name: string, sheetName: string, rows: (string | number | null)[][]): Promise<string> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(sheetName)
  sheet.addRow(['临夏州教育系统新时代文明实践志愿者培训记录'])
  sheet.addRow(['填报单位（盖章）：临夏州中学'])
  for (const row of rows) sheet.addRow(row)
  const path = join(ledger.dir, name)
  await book.xlsx.writeFile(path)
  return path
}

const TRAINING_HEADER = [
  '序号',
  '姓名',
  '身份证号码',
  '工作单位',
  '培训名称',
  '培训内容',
  '学时',
  '组织单位',
  '培训日期',
  '结束日期',
  '备注',
]
const AWARD_HEADER = ['序号', '姓名', '身份证号码', '工作单位', '表彰名称', '表彰日期', '授予单位', '表彰级别', '备注']

function snapshot() {
  const db = ledger.ctx.db
  return {
    trainings: db
      .prepare(
        `SELECT t.name, t.content, t.hours, t.organizer, t.started_on, t.ended_on, t.note, v.name AS person
         FROM trainings t JOIN training_participants p ON p.training_id = t.id JOIN volunteers v ON v.id = p.volunteer_id
         ORDER BY t.started_on, v.name`,
      )
      .all(),
    awards: db
      .prepare(
        `SELECT a.name, a.awarded_on, a.granted_by, a.level, a.note, v.name AS person
         FROM awards a JOIN award_recipients p ON p.award_id = a.id JOIN volunteers v ON v.id = p.volunteer_id
         ORDER BY a.awarded_on, v.name`,
      )
      .all(),
  }
}

describe('importing 培训记录', () => {
  it('gathers rows into trainings, refuses an unknown ID and a 学时 that disagrees, and changes nothing the second time', async () => {
    const path = await workbook('培训.xlsx', '培训记录', [
      TRAINING_HEADER,
      [1, '马建国', MA, '临夏州中学', '骨干培训', '志愿服务礼仪', 3.5, '州教育局', '2026-05-10', null, null],
      [2, '王芳', WANG, null, '骨干培训', '志愿服务礼仪', 3.5, '州教育局', '2026-05-10', null, null],
      [3, '张三', STRANGER, null, '骨干培训', null, 3.5, '州教育局', '2026-05-10', null, null],
      [4, '马建国', MA, null, '急救培训', null, 0, null, '2026-06-01', null, null],
      [5, '王芳', WANG, null, '急救培训', null, 2, null, '2026-06-01', null, null],
      [6, '马建国', MA, null, '急救培训', null, 3, null, '2026-06-01', null, null],
    ])
    const result = await invoke(ledger.ctx, 'import.run', { form: 'training', files: [path] })
    expect(result.issues.map(issueKey)).toEqual([
      '培训.xlsx:6:身份证号码:error',
      '培训.xlsx:7:学时:error',
      '培训.xlsx:9:学时:error',
    ])
    const messages = result.issues.map((issue) => issue.message)
    expect(messages[0]).toContain('不在志愿者花名册中')
    expect(messages[0]).not.toContain(STRANGER)
    expect(messages[1]).toContain('学时“0”必须大于 0')
    expect(messages[2]).toContain('学时为“2”，本行为“3”')
    expect(result.totals).toMatchObject({ accepted: 3, rejected: 3, created: 3 })
    expect((await invoke(ledger.ctx, 'volunteers.service', { volunteerId: wang })).training.trainingHours).toBe(5.5)
    const again = await invoke(ledger.ctx, 'import.run', { form: 'training', files: [path] })
    expect(again.totals).toMatchObject({ created: 0, unchanged: 3 })
    expect((await invoke(ledger.ctx, 'training.list', {})).total).toBe(2)
  })

  it('undoes a batch: what it added goes, a training recorded by hand before stays', async () => {
    await invoke(ledger.ctx, 'training.save', {
      fields: { name: '骨干培训', hours: 3.5, startedOn: '2026-05-10', organizer: '州教育局' },
      volunteerIds: [ma],
    })
    const before = snapshot()
    const path = await workbook('培训.xlsx', '培训记录', [
      TRAINING_HEADER,
      [1, '王芳', WANG, null, '骨干培训', null, 3.5, '州教育局', '2026-05-10', null, null],
      [2, '王芳', WANG, null, '急救培训', null, 2, null, '2026-06-01', '2026-06-02', null],
    ])
    const result = await invoke(ledger.ctx, 'import.run', { form: 'training', files: [path] })
    expect(result.totals).toMatchObject({ created: 2 })
    expect(snapshot().trainings).toHaveLength(3)
    const report = await invoke(ledger.ctx, 'import.undo', { batch: result.batch as number })
    expect(report.removed).toBe(3)
    expect(snapshot()).toEqual(before)
    await expect(invoke(ledger.ctx, 'import.undo', { batch: result.batch as number })).rejects.toThrow(/不能重复撤销/)
  })
})

describe('round trip', () => {
  it('export with full numbers → import into an empty ledger gives the same records', async () => {
    await invoke(ledger.ctx, 'training.save', {
      fields: {
        name: '骨干培训',
        content: '礼仪\n沟通',
        hours: 3.5,
        startedOn: '2026-05-10',
        endedOn: '2026-05-11',
        organizer: '州教育局',
        note: '集中',
      },
      volunteerIds: [ma, wang],
    })
    await invoke(ledger.ctx, 'awards.save', {
      fields: { name: '优秀志愿者', awardedOn: '2026-06-01', grantedBy: '临夏州教育局', level: '州级', note: null },
      volunteerIds: [ma],
    })
    await invoke(ledger.ctx, 'awards.save', {
      fields: { name: '服务之星', awardedOn: '2026-03-01', grantedBy: '临夏市教育局' },
      volunteerIds: [wang],
    })
    const original = snapshot()
    const files: string[] = []
    for (const form of ['training', 'awards'] as const) {
      const exported = await invoke(ledger.ctx, 'export.form', { form, fullNumbers: true })
      if (!('data' in exported)) throw new Error('expected bytes')
      const path = join(ledger.dir, exported.fileName)
      writeFileSync(path, exported.data)
      files.push(path)
    }
    // The same people in a fresh ledger, then the two lists.
    const other = openLedger(new Date('2026-11-29T08:00:00+08:00'))
    try {
      for (const [name, idNumber] of [
        ['马建国', MA],
        ['王芳', WANG],
      ] as const)
        await invoke(other.ctx, 'roster.save', { fields: { name, idNumber }, mode: 'keep' })
      const training = await invoke(other.ctx, 'import.run', { form: 'training', files: [files[0]!] })
      const awards = await invoke(other.ctx, 'import.run', { form: 'awards', files: [files[1]!] })
      expect([...training.issues, ...awards.issues]).toEqual([])
      const swap = ledger
      ledger = other
      expect(snapshot()).toEqual(original)
      ledger = swap
    } finally {
      other.close()
    }
    const audit = ledger.ctx.db.prepare("SELECT summary FROM audit WHERE action = 'export-full-numbers'").pluck().all()
    expect(audit).toEqual([expect.stringContaining('志愿者培训记录'), expect.stringContaining('志愿者表彰记录')])
  })

  it('masks ID numbers in an export by default, and a masked list cannot be imported back silently', async () => {
    await invoke(ledger.ctx, 'awards.save', {
      fields: { name: '优秀志愿者', awardedOn: '2026-06-01', grantedBy: '临夏州教育局' },
      volunteerIds: [ma],
    })
    const exported = await invoke(ledger.ctx, 'export.form', { form: 'awards' })
    if (!('data' in exported)) throw new Error('expected bytes')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(exported.data) as never)
    const sheet = book.getWorksheet('表彰记录')!
    expect(sheet.getCell('A1').value).toBe('临夏州教育系统新时代文明实践志愿者表彰记录')
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(AWARD_HEADER)
    expect(sheet.getRow(4).getCell(3).value).toBe(`${MA.slice(0, 6)}********${MA.slice(14)}`)
    expect(sheet.getRow(4).getCell(8).value).toBeNull()
    const path = join(ledger.dir, exported.fileName)
    writeFileSync(path, exported.data)
    const result = await invoke(ledger.ctx, 'import.run', { form: 'awards', files: [path] })
    expect(result.issues.map(issueKey)).toEqual([`${exported.fileName}:4:身份证号码:error`])
    expect(result.issues[0]!.message).toContain('身份证号码已打码')
  })
})

describe('blank templates', () => {
  it('writes both forms with the bureau layout, the 表彰级别 drop-down and 填表说明', async () => {
    for (const [form, sheetName, header] of [
      ['training', '培训记录', TRAINING_HEADER],
      ['awards', '表彰记录', AWARD_HEADER],
    ] as const) {
      const template = await invoke(ledger.ctx, 'template.form', { form })
      if (!('data' in template)) throw new Error('expected bytes')
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(Buffer.from(template.data) as never)
      expect(book.worksheets.map((sheet) => sheet.name)).toContain('填表说明')
      const sheet = book.getWorksheet(sheetName)!
      expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(header)
      expect(String(sheet.getCell('A1').value)).toContain('临夏州教育系统新时代文明实践志愿者')
      if (form === 'awards') {
        const validation = sheet.getCell('H4').dataValidation
        expect(validation?.formulae?.[0]).toContain('州级')
      }
    }
  })
})
