// The blank 表1 template: same layout as the export, empty bordered rows, drop-downs from the
// database's vocabularies, text format on ID and phone, and a 填表说明 sheet.
import type ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { loadVocabularyLists } from '../../../src-main/core/export/lists'
import { ROSTER_FORM } from '../../../src-main/core/forms'
import { ACTIVITIES_FORM } from '../../../src-main/core/forms/activities'
import { PLAN_FORM } from '../../../src-main/core/forms/plan'
import { TEMPLATE_BLANK_ROWS, writeTemplateWorkbook } from '../../../src-main/core/xlsx/writeTemplate'
import { mergesOf, openTestDb, partXml, readWorkbook, sheetOf, type TestDb } from './helpers'

const columns = ROSTER_FORM.sheets[0]?.columns ?? []
const columnIndex = (name: string) => columns.findIndex((column) => column.name === name) + 1
const FIRST = 4
const LAST = FIRST + TEMPLATE_BLANK_ROWS - 1

let db: TestDb
let data: Uint8Array
let workbook: ExcelJS.Workbook
let sheet: ExcelJS.Worksheet

beforeAll(async () => {
  db = openTestDb('ledger-template-')
  // A category the clerk added must be offered in the next template.
  await invoke(db.ctx, 'reference.vocabulary.add', { kind: 'category', value: '退休教师' })
  const result = await invoke(db.ctx, 'template.form', { form: 'roster' })
  if (!('data' in result)) throw new Error('expected bytes')
  expect(result.fileName).toBe('志愿者花名册-空白模板.xlsx')
  data = result.data
  workbook = await readWorkbook(data)
  sheet = sheetOf(workbook, '花名册')
})

afterAll(() => db.close())

function validationOf(name: string, row = FIRST): ExcelJS.DataValidation | undefined {
  return sheet.getCell(row, columnIndex(name)).dataValidation
}

describe('表1 blank template', () => {
  it('has the data sheet first, then 填表说明, then the hidden 选项 sheet', () => {
    expect(workbook.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      ['花名册', 'visible'],
      ['填表说明', 'visible'],
      ['选项', 'hidden'],
    ])
  })

  it('has the same title, header and page layout as the export, with blanks to fill in row 2', () => {
    expect(sheet.getCell('A1').value).toBe(ROSTER_FORM.sheets[0]?.title)
    expect(mergesOf(sheet)).toContain('A1:S1')
    expect(columns.map((_, index) => sheet.getCell(3, index + 1).value)).toEqual(columns.map((column) => column.name))
    expect(String(sheet.getCell('A2').value)).toMatch(/^填报单位（盖章）：_+$/)
    expect(sheet.getCell('J2').value).toBe('填报日期：______年____月____日')
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 })
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:3' })
    expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页')
  })

  it(`offers ${TEMPLATE_BLANK_ROWS} empty bordered rows, then one blank row and the signature footer`, () => {
    for (const row of [FIRST, LAST]) {
      expect(sheet.getCell(row, 2).value).toBeNull()
      expect(sheet.getCell(row, 2).border?.left?.style).toBe('thin')
      expect(sheet.getCell(row, 19).border?.right?.style).toBe('thin')
    }
    expect(sheet.getCell(LAST + 1, 1).border).toBeUndefined()
    expect(sheet.getCell(LAST + 2, 1).value).toBe('单位负责人：')
    expect(sheet.getCell(LAST + 2, 16).value).toBe('联系电话：')
  })

  it('pre-formats the ID and phone columns as text, also below the prepared rows', () => {
    for (const name of ['身份证号码', '联系电话']) {
      expect(sheet.getCell(FIRST, columnIndex(name)).numFmt).toBe('@')
      expect(sheet.getCell(LAST, columnIndex(name)).numFmt).toBe('@')
      expect(sheet.getColumn(columnIndex(name)).numFmt).toBe('@')
    }
  })

  it('puts list drop-downs on 性别, 政治面貌, 学历, 所在县市 and 志愿者类别 with the database’s values', () => {
    expect(validationOf('性别')).toMatchObject({ type: 'list', allowBlank: true, formulae: ['"男,女"'] })
    expect(validationOf('政治面貌')?.formulae?.[0]).toBe(
      '"中共党员,中共预备党员,共青团员,民主党派成员,无党派人士,群众"',
    )
    expect(validationOf('学历')?.formulae?.[0]).toContain('大学本科')
    expect(validationOf('所在县市')?.formulae?.[0]).toContain('积石山保安族东乡族撒拉族自治县')
    expect(validationOf('志愿者类别')?.formulae?.[0]).toContain('退休教师')
    expect(validationOf('性别', LAST)?.type).toBe('list')
    expect(validationOf('姓名')).toBeUndefined()
    expect(validationOf('身份证号码')).toBeUndefined()
  })

  it('warns rather than blocks, since the importer accepts short forms such as 回 or 东乡县', () => {
    expect(validationOf('民族')).toMatchObject({ showErrorMessage: true, errorStyle: 'warning' })
  })

  it('takes the 56 ethnic groups from the hidden 选项 sheet, the list being too long to inline', () => {
    expect(validationOf('民族')?.formulae?.[0]).toBe("'选项'!$A$2:$A$57")
    const options = sheetOf(workbook, '选项')
    expect(options.getCell('A1').value).toBe('民族')
    expect(options.getCell('A2').value).toBe('汉族')
    expect(options.getCell('A57').value).toBe('基诺族')
    expect(options.getCell('A58').value).toBeNull()
  })

  it('writes each validation once, as one range per column (overlapping ranges make Excel repair the file)', () => {
    const xml = partXml(data, 'xl/worksheets/sheet1.xml')
    const ranges = [...xml.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((match) => match[1])
    expect(ranges).toContain(`C${FIRST}:C${LAST}`)
    expect(new Set(ranges).size).toBe(ranges.length)
    for (const range of ranges) expect(range).toMatch(new RegExp(`^(?<column>[A-Z]+)${FIRST}:\\k<column>${LAST}$`))
  })

  it('explains every column on 填表说明: one line each with 必填/选填, what to write and the allowed values', () => {
    const guide = sheetOf(workbook, '填表说明')
    expect([1, 2, 3, 4].map((column) => guide.getCell(2, column).value)).toEqual([
      '列名',
      '是否必填',
      '填写说明',
      '可选值',
    ])
    columns.forEach((column, index) => {
      const row = 3 + index
      expect(guide.getCell(row, 1).value).toBe(column.name)
      expect(guide.getCell(row, 2).value).toBe(column.required ? '必填' : '选填')
      expect(guide.getCell(row, 3).value).toBe(column.help)
    })
    expect(guide.getCell(3 + columnIndex('性别') - 1, 4).value).toBe('男、女')
    expect(String(guide.getCell(3 + columnIndex('民族') - 1, 4).value)).toContain('东乡族、纳西族')
    expect(guide.getCell(3 + columnIndex('身份证号码') - 1, 2).value).toBe('必填')
    expect(guide.getCell(3 + columns.length, 1).value).toBeNull()
  })

  it('prints 填表说明 on one A4 page, fitted to the width', () => {
    expect(sheetOf(workbook, '填表说明').pageSetup).toMatchObject({
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
    })
    expect(sheetOf(workbook, '填表说明').headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页')
  })

  it('names 方正小标宋简体 for the title, with the Chinese charset and the 黑体 family for a missing font', () => {
    const title = sheetOf(workbook, '花名册').getCell('A1').font
    expect(title).toMatchObject({ name: '方正小标宋简体', size: 18, bold: true, charset: 134, family: 3 })
    expect(sheetOf(workbook, '花名册').getCell('A3').font).toMatchObject({ name: '黑体', charset: 134, family: 3 })
  })

  it('writes a template to a path from the command line spec', async () => {
    const { join } = await import('node:path')
    const result = await invoke(db.ctx, 'template.form', { form: 'roster', out: join(db.dir, 't.xlsx') })
    expect(result).toEqual({ file: join(db.dir, 't.xlsx'), rows: 0 })
  })

  it('rejects a form it does not know', async () => {
    await expect(invoke(db.ctx, 'template.form', { form: 'nonsense' })).rejects.toThrow(/未知的表格/)
  })
})

describe('templates of the other forms, from their declarations alone', () => {
  async function templateOf(form: typeof PLAN_FORM) {
    const book = writeTemplateWorkbook(form, { lists: loadVocabularyLists(db.ctx.db) })
    return readWorkbook(new Uint8Array(await book.xlsx.writeBuffer()))
  }

  it('表2: leaves the year blank in the title, omits the export-only 完成情况, offers 活动类别 and 责任科室', async () => {
    const book = await templateOf(PLAN_FORM)
    const plan = sheetOf(book, '活动清单')
    expect(plan.getCell('A1').value).toBe('临夏州教育系统新时代文明实践志愿服务活动清单（______年度）')
    const headers =
      PLAN_FORM.sheets[0]?.columns.filter((column) => !column.exportOnly).map((column) => column.name) ?? []
    expect(headers).not.toContain('完成情况')
    expect(headers.map((_, index) => plan.getCell(3, index + 1).value)).toEqual(headers)
    expect(plan.getCell(4, headers.indexOf('活动类别') + 1).dataValidation?.formulae?.[0]).toBe(
      '"教育宣讲,送教下乡,送艺下乡,劳动实践,送法下乡"',
    )
    const departments = plan.getCell(4, headers.indexOf('责任科室') + 1).dataValidation
    expect(departments?.formulae?.[0]).toMatch(/安全管理办公室/)
    expect(departments?.errorStyle).toBe('warning') // several departments in one cell must stay possible
    expect(plan.getCell(4, headers.indexOf('联系电话') + 1).numFmt).toBe('@')
  })

  it('表3: writes both sheets, 是否亮点 as 是/否, and one 填表说明 section per sheet', async () => {
    const book = await templateOf(ACTIVITIES_FORM)
    expect(book.worksheets.map((ws) => ws.name).slice(0, 3)).toEqual(['活动登记', '参与名单', '填表说明'])
    const held = sheetOf(book, '活动登记')
    const columnsHeld = ACTIVITIES_FORM.sheets[0]?.columns ?? []
    const highlight = columnsHeld.findIndex((column) => column.name === '是否亮点') + 1
    expect(held.getCell(4, highlight).dataValidation?.formulae?.[0]).toBe('"是,否"')
    const guide = sheetOf(book, '填表说明')
    expect(guide.getCell('A3').value).toBe('【活动登记】工作表')
    expect(guide.getCell(4, 1).value).toBe(columnsHeld[0]?.name)
    expect(guide.getCell(4 + columnsHeld.length, 1).value).toBe('【参与名单】工作表')
  })
})
