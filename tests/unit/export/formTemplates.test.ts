// The blank 表2 and 表3 templates as `template.form` hands them out: sheets, headers and drop-downs.
import type ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { ACTIVITIES_FORM, PLAN_FORM, type FormSheet } from '../../../src-main/core/forms'
import { headersOf, openTestDb, readWorkbook, sheetOf, type TestDb } from './helpers'

const TASKS = '"教育宣讲,送教下乡,送艺下乡,劳动实践,送法下乡"'

let db: TestDb

async function template(form: string): Promise<{ fileName: string; book: ExcelJS.Workbook }> {
  const result = await invoke(db.ctx, 'template.form', { form })
  if (!('data' in result)) throw new Error('expected bytes')
  return { fileName: result.fileName, book: await readWorkbook(result.data) }
}

function validationIn(sheet: ExcelJS.Worksheet, declared: FormSheet, name: string): ExcelJS.DataValidation | undefined {
  const fillable = declared.columns.filter((column) => !column.exportOnly)
  return sheet.getCell(4, fillable.findIndex((column) => column.name === name) + 1).dataValidation
}

beforeAll(() => {
  db = openTestDb('ledger-form-templates-')
})

afterAll(() => db.close())

describe('表2 template', () => {
  it('has 活动清单 then 填表说明, the 11 fillable headers, and drop-downs on 活动类别 and 责任科室', async () => {
    const { fileName, book } = await template('plan')
    expect(fileName).toBe('志愿服务活动清单-空白模板.xlsx')
    expect(book.worksheets.map((ws) => ws.name).slice(0, 2)).toEqual(['活动清单', '填表说明'])
    const sheet = sheetOf(book, '活动清单')
    const declared = PLAN_FORM.sheets[0] as FormSheet
    expect(headersOf(sheet)).toEqual([
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
    ])
    expect(validationIn(sheet, declared, '活动类别')).toMatchObject({ type: 'list', formulae: [TASKS] })
    const departments = validationIn(sheet, declared, '责任科室')
    expect(departments?.type).toBe('list')
    expect(departments?.errorStyle).toBe('warning')
    expect(validationIn(sheet, declared, '活动名称')).toBeUndefined()
  })
})

describe('表3 template', () => {
  it('has 活动登记, 参与名单 and 填表说明 with the bureau’s headers', async () => {
    const { fileName, book } = await template('activities')
    expect(fileName).toBe('志愿服务活动开展情况登记表-空白模板.xlsx')
    expect(book.worksheets.map((ws) => ws.name).slice(0, 3)).toEqual(['活动登记', '参与名单', '填表说明'])
    expect(headersOf(sheetOf(book, '活动登记'))).toEqual(ACTIVITIES_FORM.sheets[0]?.columns.map((c) => c.name))
    expect(headersOf(sheetOf(book, '参与名单'))).toEqual([
      '序号',
      '活动名称',
      '开展日期',
      '姓名',
      '身份证号码',
      '服务时长（小时）',
      '备注',
    ])
  })

  it('offers 活动类别, 责任科室 and 是否亮点 as drop-downs on 活动登记, and formats 身份证号码 as text', async () => {
    const { book } = await template('activities')
    const held = sheetOf(book, '活动登记')
    const declared = ACTIVITIES_FORM.sheets[0] as FormSheet
    expect(validationIn(held, declared, '活动类别')?.formulae).toEqual([TASKS])
    expect(String(validationIn(held, declared, '责任科室')?.formulae?.[0])).toContain('学生资助管理中心')
    expect(validationIn(held, declared, '是否亮点')?.formulae).toEqual(['"是,否"'])
    const participants = sheetOf(book, '参与名单')
    expect(participants.getCell(4, 5).numFmt).toBe('@')
    expect(participants.getCell(4, 5).dataValidation).toBeUndefined()
  })
})
