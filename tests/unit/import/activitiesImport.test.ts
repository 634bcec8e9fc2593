// 表2 and 表3 through the shared import machinery: exact outcome per row, round trip, undo.
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { makeId } from '../../support/people'
import { issueKey, openLedger, type Ledger } from './support'
import { loadBook, noteText, summaryRows } from './errorBook'

let ledger: Ledger
const MA = makeId('622901', '19850312', 1, true)
const WANG = makeId('622926', '19900701', 2, false)
const LI = makeId('622921', '19770203', 3, true)
const STRANGER = makeId('622923', '19880808', 4, false)

beforeEach(async () => {
  ledger = openLedger(new Date('2026-11-29T08:00:00+08:00'))
  for (const [name, idNumber] of [
    ['马建国', MA],
    ['王芳', WANG],
    ['李明', LI],
  ] as const) {
    await invoke(ledger.ctx, 'roster.save', { fields: { name, idNumber }, mode: 'keep' })
  }
})

afterEach(() => ledger.close())

/** A school's return: a title row, a 填报单位 line, then the header and rows, one sheet each. */
async function workbook(name: string, sheets: Record<string, (string | number | null)[][]>): Promise<string> {
  const book = new ExcelJS.Workbook()
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(sheetName)
    sheet.addRow(['临夏州教育系统新时代文明实践志愿服务活动开展情况登记表'])
    sheet.addRow(['填报单位（盖章）：临夏州中学'])
    for (const row of rows) sheet.addRow(row)
  }
  const path = join(ledger.dir, name)
  await book.xlsx.writeFile(path)
  return path
}

const ACTIVITY_HEADER = [
  '序号',
  '活动名称',
  '活动类别',
  '开展日期',
  '开展地点',
  '组织单位',
  '责任科室',
  '清单序号',
  '参与志愿者人数',
  '服务时长（小时）',
  '服务对象',
  '受益人数',
  '活动简介',
  '是否亮点',
  '备注',
]
const PARTICIPANT_HEADER = ['序号', '活动名称', '开展日期', '姓名', '身份证号码', '服务时长（小时）', '备注']

describe('importing 表2 (the checklist)', () => {
  it('imports items for the chosen year, reads 安全办 as its full name, and changes nothing the second time', async () => {
    const path = await workbook('清单.xlsx', {
      活动清单: [
        [
          '序号',
          '活动类别',
          '活动名称',
          '活动内容',
          '服务对象',
          '计划时间',
          '活动地点',
          '责任科室',
          '联系人',
          '联系电话',
          '备注',
        ],
        [
          1,
          '送法下乡',
          '法治进校园',
          '宣讲',
          '中小学生',
          '2026年3月',
          '各县市',
          '安全办、基础教科',
          '张三',
          '13812345678',
          null,
        ],
        [2, '教育宣讲', '红色研学', null, null, '2026年7月—8月', null, '教育党工委办公室', null, null, null],
        [3, '文艺汇演', '不在五类', null, null, '2026年5月', null, '办公室', null, null, null],
      ],
    })
    const first = await invoke(ledger.ctx, 'import.run', { form: 'plan', year: 2026, files: [path] })
    expect(first.totals).toMatchObject({ accepted: 2, rejected: 1, created: 2 })
    expect(first.issues.map(issueKey)).toEqual(['清单.xlsx:6:活动类别:error'])
    const items = await invoke(ledger.ctx, 'plan.list', { year: 2026 })
    expect(items.map((item) => [item.seq, item.name, item.departments.join('、'), item.state])).toEqual([
      [1, '法治进校园', '基础教育科、安全管理办公室', '逾期未开展'],
      [2, '红色研学', '教育党工委办公室', '逾期未开展'],
    ])
    const again = await invoke(ledger.ctx, 'import.run', { form: 'plan', year: 2026, files: [path] })
    expect(again.totals).toMatchObject({ created: 0, updated: 0, unchanged: 2 })
  })

  it('asks for the year', async () => {
    const path = await workbook('清单.xlsx', {
      活动清单: [
        ['序号', '活动类别', '活动名称', '计划时间', '责任科室'],
        [1, '教育宣讲', '宣讲', '3月', '办公室'],
      ],
    })
    await expect(invoke(ledger.ctx, 'import.run', { form: 'plan', files: [path] })).rejects.toThrow(/须指定年度/)
  })
})

describe('importing 表3 (activities and participants)', () => {
  async function returnWithProblems(): Promise<string> {
    return workbook('活动登记.xlsx', {
      活动登记: [
        ACTIVITY_HEADER,
        [
          1,
          '名师送教',
          '送教下乡',
          '2026-10-15',
          '和政县城关小学',
          '教师发展科',
          '教师发展科',
          null,
          3,
          3,
          '教师',
          120,
          '示范课',
          '是',
          null,
        ],
        [2, '普法讲座', '送法下乡', '2026-09-09', '康乐县', '安全办', '安全办', 9, 1, 2, '学生', 300, null, '否', null],
      ],
      参与名单: [
        PARTICIPANT_HEADER,
        [1, '名师送教', '2026-10-15', '马建国', MA, null, null],
        [2, '名师送教', '2026-10-15', '王芳', WANG, 4, null],
        [3, '名师送教', '2026-10-15', '李明', LI, 25, null],
        [4, '名师送教', '2026-10-15', '马建国', MA, 2, null],
        [5, '名师送教', '2026-10-15', '赵丽', STRANGER, 2, null],
        [6, '名师送教', '2026-10-15', '王丽', WANG, 2, null],
        [7, '没有这个活动', '2026-10-15', '李明', LI, 2, null],
      ],
    })
  }

  it('links participants to activities and to the roster, and reports every bad row at its cell', async () => {
    const result = await invoke(ledger.ctx, 'import.run', { form: 'activities', files: [await returnWithProblems()] })
    expect(result.files.map((file) => [file.sheet, file.rows, file.accepted, file.rejected])).toEqual([
      ['活动登记', 2, 1, 1],
      ['参与名单', 7, 2, 5],
    ])
    expect(result.issues.map(issueKey)).toEqual([
      '活动登记.xlsx:5:清单序号:error',
      '活动登记.xlsx:6:服务时长（小时）:error',
      '活动登记.xlsx:7:身份证号码:error',
      '活动登记.xlsx:8:身份证号码:error',
      '活动登记.xlsx:9:姓名:error',
      '活动登记.xlsx:10:活动名称:error',
    ])
    const messages = result.issues.map((issue) => issue.message).join('\n')
    expect(messages).toMatch(/2026 年度活动清单中没有序号 9/)
    expect(messages).toMatch(/超过一天 24 小时/)
    expect(messages).toMatch(/不在志愿者花名册中/)
    expect(messages).toMatch(/登记的姓名是“王芳”，与本行的“王丽”不一致/)
    expect(messages).toMatch(/同一志愿者在同一活动中只能登记一次/)
    const [activity] = (await invoke(ledger.ctx, 'activities.list', { year: 2026 })).rows
    expect(activity).toMatchObject({
      name: '名师送教',
      volunteerCount: 2,
      hoursTotal: 7,
      highlight: true,
      beneficiaries: 120,
    })
  })

  it('imports a return made with the 15-column form before the appended columns unchanged', async () => {
    const result = await invoke(ledger.ctx, 'import.run', { form: 'activities', files: [await returnWithProblems()] })
    // No problem about a column the old form did not have.
    expect(result.issues.map((issue) => issue.column)).not.toContain('活动负责人')
    const [activity] = (await invoke(ledger.ctx, 'activities.list', { year: 2026 })).rows
    const detail = await invoke(ledger.ctx, 'activities.get', { id: activity!.id })
    expect(detail).toMatchObject({ leader: null, endedOn: null, concentrated: true, lateReason: null })
    // Held 2026-10-15, imported 2026-11-29: a 补录 from a school's return, listed without a reason.
    const late = await invoke(ledger.ctx, 'activities.lateEntries', { from: '2026-10-01', to: '2026-10-31' })
    expect(late.map((entry) => [entry.kind, entry.activityName, entry.reason])).toContainEqual([
      '活动',
      '名师送教',
      null,
    ])
  })

  it('sends the school one error workbook with the problems of both sheets marked', async () => {
    const result = await invoke(ledger.ctx, 'import.run', { form: 'activities', files: [await returnWithProblems()] })
    const { workbooks } = await invoke(ledger.ctx, 'import.errors', { batch: result.batch as number })
    expect(workbooks.map((workbook) => workbook.name)).toEqual(['活动登记（错误标注）.xlsx'])
    const book = await loadBook(workbooks[0]!.data as Uint8Array)
    expect(noteText(book.getWorksheet('活动登记')!.getCell('H5'))).toMatch(/没有序号 9/)
    expect(noteText(book.getWorksheet('参与名单')!.getCell('F6'))).toMatch(/24 小时/)
    // 问题汇总 lists the problems of both sheets, without the roster's name for an ID.
    const rows = summaryRows(book)
    expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(['活动登记', '参与名单']))
    expect(rows.flat().join()).not.toContain('王芳')
  })

  it('counts an activity in its month on the dashboard, and undo takes the batch back out', async () => {
    const result = await invoke(ledger.ctx, 'import.run', { form: 'activities', files: [await returnWithProblems()] })
    let stats = await invoke(ledger.ctx, 'system.stats', { year: 2026 })
    expect(stats.months?.[9]).toMatchObject({ activities: 1, volunteerTimes: 2, hours: 7, met: true })
    const report = await invoke(ledger.ctx, 'import.undo', { batch: result.batch as number })
    expect(report.removed).toBe(3)
    stats = await invoke(ledger.ctx, 'system.stats', { year: 2026 })
    expect(stats.activities).toBe(0)
    await expect(invoke(ledger.ctx, 'import.undo', { batch: result.batch as number })).rejects.toThrow(/不能重复撤销/)
  })

  it('reads the appended columns in FORMS.md order (结束日期, 活动负责人, 是否集中服务, 补录原因, then 亮点做法) and checks hours per day', async () => {
    const header = [...ACTIVITY_HEADER, '结束日期', '活动负责人', '是否集中服务', '补录原因', '亮点做法']
    const path = await workbook('新表.xlsx', {
      活动登记: [
        header,
        [
          1,
          '红色研学',
          '教育宣讲',
          '2026-07-13',
          '延安',
          null,
          '基础教育科',
          null,
          2,
          8,
          null,
          40,
          null,
          '是',
          null,
          '2026-07-17',
          '马建国',
          '否',
          '暑期外出，返校后登记',
          '五天行程',
        ],
      ],
      参与名单: [
        PARTICIPANT_HEADER,
        [1, '红色研学', '2026-07-13', '马建国', MA, 40, null],
        [2, '红色研学', '2026-07-13', '王芳', WANG, 121, null],
      ],
    })
    const result = await invoke(ledger.ctx, 'import.run', { form: 'activities', files: [path] })
    expect(result.issues.map(issueKey)).toEqual(['新表.xlsx:5:服务时长（小时）:error'])
    const [activity] = (await invoke(ledger.ctx, 'activities.list', { year: 2026 })).rows
    expect(activity).toMatchObject({
      endedOn: '2026-07-17',
      leader: '马建国',
      concentrated: false,
      late: true,
      lateReason: '暑期外出，返校后登记',
      highlightText: '五天行程',
      hoursTotal: 40,
    })
    const late = await invoke(ledger.ctx, 'activities.lateEntries', { from: '2026-07-01', to: '2026-07-31' })
    expect(late.map((entry) => [entry.kind, entry.volunteerName, entry.reason])).toEqual([
      ['活动', null, '暑期外出，返校后登记'],
      ['参与人员', '马建国', '暑期外出，返校后登记'],
    ])
  })

  it('round-trips: an exported 表3 imports into another ledger with the same activities and hours', async () => {
    await invoke(ledger.ctx, 'plan.save', {
      year: 2026,
      fields: { seq: 4, task: '送教下乡', name: '名师送教', plannedText: '2026年10月', departments: '教师发展科' },
    })
    const volunteers = (await invoke(ledger.ctx, 'roster.search', {})).rows
    await invoke(ledger.ctx, 'activities.save', {
      fields: {
        name: '名师送教',
        heldOn: '2026-10-15',
        leader: '张敏',
        lateReason: '年底集中补登',
        task: '送教下乡',
        defaultHours: 3,
        departments: '教师发展科',
        planSeq: 4,
        beneficiaries: 120,
        highlight: true,
        highlightText: '名师团队“一对一”结对帮扶，\n送教 12 节示范课',
      },
      participants: volunteers.map((volunteer, index) => ({
        volunteerId: volunteer.id,
        hours: index === 0 ? 4.5 : null,
      })),
    })
    const exported = join(ledger.dir, '表3.xlsx')
    const roster = join(ledger.dir, '表1.xlsx')
    const plan = join(ledger.dir, '表2.xlsx')
    await invoke(ledger.ctx, 'export.form', { form: 'activities', year: 2026, fullNumbers: true, out: exported })
    await invoke(ledger.ctx, 'export.form', { form: 'roster', fullNumbers: true, out: roster })
    await invoke(ledger.ctx, 'export.form', { form: 'plan', year: 2026, out: plan })
    const other = openLedger(new Date('2026-11-29T08:00:00+08:00'))
    try {
      await invoke(other.ctx, 'import.run', { form: 'roster', files: [roster] })
      await invoke(other.ctx, 'import.run', { form: 'plan', year: 2026, files: [plan] })
      const result = await invoke(other.ctx, 'import.run', { form: 'activities', files: [exported] })
      expect(result.issues).toEqual([])
      const [copy] = (await invoke(other.ctx, 'activities.list', { year: 2026 })).rows
      expect(copy).toMatchObject({
        name: '名师送教',
        heldOn: '2026-10-15',
        volunteerCount: 3,
        hoursTotal: 10.5,
        planSeq: 4,
        beneficiaries: 120,
      })
      // The highlight and its write-up come through too (亮点做法, with its line break).
      expect(await invoke(other.ctx, 'activities.get', { id: copy!.id })).toMatchObject({
        highlight: true,
        highlightText: '名师团队“一对一”结对帮扶，\n送教 12 节示范课',
      })
      expect((await invoke(other.ctx, 'plan.list', { year: 2026 }))[0]).toMatchObject({
        state: '已开展',
        heldOn: '2026-10-15',
      })
    } finally {
      other.close()
    }
  })
})
