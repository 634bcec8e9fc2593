// 表1 export: the written workbook read back and checked against the layout of FORMS.md.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, invoke } from '../../../src-main/core/api'
import { ROSTER_FORM } from '../../../src-main/core/forms'
import { writeSettings } from '../../../src-main/core/settings/settings'
import { FONTS, HEADER_FILL_COLOR } from '../../../src-main/core/xlsx/writeStyles'
import { makeId } from '../../support/people'
import {
  addVolunteer,
  localStamp,
  mergesOf,
  NOW,
  openTestDb,
  partXml,
  readWorkbook,
  sheetOf,
  type TestDb,
} from './helpers'

const BUREAU_COLUMNS = [
  '序号',
  '姓名',
  '性别',
  '民族',
  '出生年月',
  '政治面貌',
  '身份证号码',
  '学历',
  '工作单位',
  '职务/职称',
  '所在县市',
  '联系电话',
  '志愿者类别',
  '特长',
  '所属服务队',
  '备注',
  // Appended for issue #9 (a 16-column return still imports): 志愿者编号 and a minor's guardian.
  '志愿者编号',
  '监护人姓名',
  '监护人同意日期',
]

/** An ID whose check character is X: the case a numeric cell would destroy first. */
function idEndingInX(): string {
  for (let sequence = 0; sequence < 1000; sequence++) {
    const id = makeId('622901', '19850312', sequence, sequence % 2 === 0)
    if (id.endsWith('X')) return id
  }
  throw new Error('no X id found')
}

const MA = idEndingInX()
const WANG = makeId('622926', '19900701', 2, false)
const ZHANG = makeId('622921', '19781120', 3, true)
const LI = makeId('622901', '19950505', 4, true)

let db: TestDb
let data: Uint8Array
let workbook: ExcelJS.Workbook
let sheet: ExcelJS.Worksheet

beforeAll(async () => {
  db = openTestDb()
  writeSettings(db.ctx.db, { unitName: '临夏州教育局办公室' })
  await addVolunteer(db.ctx, {
    name: '马建国',
    idNumber: MA,
    ethnic: '回',
    political: '党员',
    education: '本科',
    unit: '临夏州中学',
    post: '校长',
    county: '临夏市',
    phone: '13809301234',
    category: '名校长',
    speciality: '书法',
    team: '临夏州新时代助学支教志愿服务队',
    note: '=1+1',
  })
  await addVolunteer(db.ctx, {
    name: '王丽',
    idNumber: WANG,
    unit: '东乡县锁南中学',
    county: '东乡县',
    phone: '0930-1234567',
  })
  await addVolunteer(db.ctx, { name: '张明', idNumber: ZHANG, unit: '临夏县土桥中学', county: '临夏县' })
  await addVolunteer(db.ctx, { name: '李伟', idNumber: LI, unit: '临夏州中学', county: '临夏市', note: '+86 备用' })
  const gone = await addVolunteer(db.ctx, {
    name: '赵亮',
    idNumber: makeId('622922', '19800101', 5, true),
    county: '康乐县',
  })
  await invoke(db.ctx, 'roster.delete', { ids: [gone.id] })
  // The exchange copy with full numbers, as a clerk exports it for re-import; masking is tested below.
  const result = await invoke(db.ctx, 'export.form', { form: 'roster', fullNumbers: true })
  if (!('data' in result)) throw new Error('expected bytes')
  data = result.data
  workbook = await readWorkbook(data)
  sheet = sheetOf(workbook, '花名册')
})

afterAll(() => db.close())

const text = (row: number, column: number) => sheet.getCell(row, column).value

describe('表1 export layout', () => {
  it('names the file after the form and the day, and counts the live volunteers', async () => {
    const result = await invoke(db.ctx, 'export.form', { form: 'roster' })
    expect(result).toMatchObject({ fileName: `志愿者花名册-${localStamp(NOW)}.xlsx`, rows: 4 })
    expect('data' in result && result.data).toBeInstanceOf(Uint8Array)
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['花名册'])
  })

  it('writes the title in row 1, merged across all 19 columns, bold 18 pt, row height 36', () => {
    expect(text(1, 1)).toBe('临夏州教育系统新时代文明实践志愿服务队志愿者花名册')
    expect(mergesOf(sheet)).toContain('A1:S1')
    const cell = sheet.getCell('A1')
    expect(cell.font).toMatchObject({ name: '方正小标宋简体', size: 18, bold: true })
    expect(cell.alignment).toMatchObject({ horizontal: 'center' })
    expect(sheet.getRow(1).height).toBe(36)
  })

  it('writes 填报单位 on the left half and 填报日期 right-aligned on the right half', () => {
    expect(text(2, 1)).toBe('填报单位（盖章）：临夏州教育局办公室')
    expect(text(2, 10)).toBe(`填报日期：${NOW.getFullYear()}年${NOW.getMonth() + 1}月${NOW.getDate()}日`)
    expect(mergesOf(sheet)).toEqual(expect.arrayContaining(['A2:I2', 'J2:S2']))
    expect(sheet.getCell('J2').alignment).toMatchObject({ horizontal: 'right' })
  })

  it('writes exactly the bureau’s 19 column names (16 and the three appended) in row 3, bold 11 pt 黑体, grey, bordered, wrapped', () => {
    const headers = BUREAU_COLUMNS.map((_, index) => text(3, index + 1))
    expect(headers).toEqual(BUREAU_COLUMNS)
    expect(ROSTER_FORM.sheets[0]?.columns.map((column) => column.name)).toEqual(BUREAU_COLUMNS)
    for (let column = 1; column <= 19; column++) {
      const cell = sheet.getCell(3, column)
      expect(cell.font).toMatchObject({ name: '黑体', size: 11, bold: true })
      expect(cell.alignment).toMatchObject({ horizontal: 'center', wrapText: true })
      expect(cell.border?.left?.style).toBe('thin')
      expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(HEADER_FILL_COLOR)
    }
  })

  it('uses the declared column widths', () => {
    const widths = ROSTER_FORM.sheets[0]?.columns.map((column) => column.width)
    expect(sheet.columns.map((column) => column.width)).toEqual(widths)
  })

  it('numbers the rows 1..n sorted by county, unit and pinyin, with county full names and YYYY.MM births', () => {
    const names = [4, 5, 6, 7].map((row) => text(row, 2))
    // 临夏市 (李伟 before 马建国 in pinyin), then 临夏县, then 东乡族自治县; the deleted 赵亮 is absent.
    expect(names).toEqual(['李伟', '马建国', '张明', '王丽'])
    expect([4, 5, 6, 7].map((row) => text(row, 1))).toEqual([1, 2, 3, 4])
    expect(text(5, 11)).toBe('临夏市')
    expect(text(7, 11)).toBe('东乡族自治县')
    expect(text(5, 5)).toBe('1985.03')
    expect(sheet.getCell(5, 5).type).toBe(3) // string, not a number 1985.03
    expect(text(5, 4)).toBe('回族')
  })

  it('writes full ID numbers as text cells with the text format, keeping a final X', () => {
    for (const [row, id] of [
      [4, LI],
      [5, MA],
      [6, ZHANG],
      [7, WANG],
    ] as const) {
      const cell = sheet.getCell(row, 7)
      expect(typeof cell.value).toBe('string')
      expect(cell.value).toBe(id)
      expect(cell.numFmt).toBe('@')
    }
    expect(MA.endsWith('X')).toBe(true)
  })

  it('writes phone numbers as text cells', () => {
    expect(sheet.getCell(5, 12).value).toBe('13809301234')
    expect(sheet.getCell(7, 12).value).toBe('0930-1234567')
    expect(sheet.getCell(5, 12).numFmt).toBe('@')
  })

  it('writes a note starting with = or + as a plain string, never a formula', () => {
    const cell = sheet.getCell(5, 16)
    expect(cell.value).toBe('=1+1')
    expect(cell.formula).toBeUndefined()
    expect(sheet.getCell(4, 16).value).toBe('+86 备用')
    const xml = partXml(data, 'xl/worksheets/sheet1.xml')
    expect(xml).not.toMatch(/<f[ >]/)
  })

  it('styles data cells 11 pt 仿宋 with thin borders, text left and 序号 centred', () => {
    const name = sheet.getCell(4, 2)
    expect(name.font).toMatchObject({ name: FONTS.body.name, size: 11 })
    expect(name.border?.bottom?.style).toBe('thin')
    expect(name.alignment).toMatchObject({ horizontal: 'left' })
    expect(sheet.getCell(4, 1).alignment).toMatchObject({ horizontal: 'center' })
    expect(typeof sheet.getCell(4, 1).value).toBe('number')
  })

  it('freezes below row 3 and puts the autofilter on the header row over the data', () => {
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, topLeftCell: 'A4' })
    expect(sheet.autoFilter).toBe('A3:S7')
  })

  it('prints on A4 landscape, one page wide, rows 1–3 repeated, page numbers in the footer', () => {
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:3',
    })
    expect(sheet.pageSetup.margins?.left).toBeCloseTo(0.59, 2)
    expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页')
    expect(partXml(data, 'xl/worksheets/sheet1.xml')).toContain('fitToHeight="0"')
  })

  it('leaves one blank row after the data, then the signature footer in four runs of about equal width', () => {
    expect(sheet.getRow(8).values).toEqual([])
    expect([1, 8, 12, 16].map((column) => text(9, column))).toEqual([
      '单位负责人：',
      '审核人：',
      '填表人：',
      '联系电话：',
    ])
    expect(mergesOf(sheet)).toEqual(expect.arrayContaining(['A9:G9', 'H9:K9', 'L9:O9', 'P9:S9']))
    expect(sheet.rowCount).toBe(9)
  })
})

describe('export.form options', () => {
  it('masks ID and phone numbers by default', async () => {
    const result = await invoke(db.ctx, 'export.form', { form: 'roster' })
    if (!('data' in result)) throw new Error('expected bytes')
    const masked = sheetOf(await readWorkbook(result.data), '花名册')
    expect(masked.getCell(5, 7).value).toBe(`622901********${MA.slice(-4)}`)
    expect(masked.getCell(5, 12).value).toBe('138****1234')
    expect(partXml(result.data, 'xl/sharedStrings.xml')).not.toContain(MA)
    expect(partXml(result.data, 'xl/sharedStrings.xml')).not.toContain('13809301234')
  })

  it('records every export in the audit history: who, when, which output, how many rows, full numbers or not', async () => {
    writeSettings(db.ctx.db, { operatorName: '李会计' })
    await invoke(db.ctx, 'export.form', { form: 'roster', fullNumbers: true })
    const { rows } = await invoke(db.ctx, 'audit.list', { entity: 'output' })
    expect(rows[0]).toMatchObject({
      at: NOW.toISOString(),
      operator: '李会计',
      action: 'export-full-numbers',
      summary: '导出“志愿者花名册”含完整身份证号码和联系电话，共 4 行',
      after: { output: '志愿者花名册', kind: 'export', rows: 4, fullNumbers: true },
    })
    const before = rows.length
    await invoke(db.ctx, 'export.form', { form: 'roster' })
    const masked = (await invoke(db.ctx, 'audit.list', { entity: 'output' })).rows
    expect(masked).toHaveLength(before + 1)
    expect(masked[0]).toMatchObject({ action: 'export', after: { rows: 4, fullNumbers: false, filter: '无' } })
  })

  it('applies the roster filters', async () => {
    const result = await invoke(db.ctx, 'export.form', { form: 'roster', filters: { countyCode: '622901' } })
    expect(result.rows).toBe(2)
    const byName = await invoke(db.ctx, 'export.form', { form: 'roster', filters: { q: 'wangli' } })
    expect(byName.rows).toBe(1)
  })

  it('takes the county by name, short name or code, and refuses one it does not know, listing the choices', async () => {
    for (const county of ['临夏市', '622901', ' 临夏州临夏市 ']) {
      expect((await invoke(db.ctx, 'export.form', { form: 'roster', filters: { countyCode: county } })).rows).toBe(2)
    }
    expect((await invoke(db.ctx, 'export.form', { form: 'roster', filters: { countyCode: '' } })).rows).toBe(4)
    await expect(invoke(db.ctx, 'export.form', { form: 'roster', filters: { countyCode: '兰州市' } })).rejects.toThrow(
      /所在县市“兰州市”无法识别，可选：临夏市、临夏县、康乐县\/康乐.*东乡族自治县\/东乡县\/东乡/,
    )
    await expect(invoke(db.ctx, 'roster.search', { countyCode: '临夏' })).rejects.toThrow(/无法识别/)
  })

  it('writes the file when given a path, adding .xlsx, and returns its path', async () => {
    const result = await invoke(db.ctx, 'export.form', {
      form: 'roster',
      fullNumbers: true,
      out: join(db.dir, '花名册导出'),
    })
    expect(result).toEqual({ file: join(db.dir, '花名册导出.xlsx'), rows: 4 })
    const written = sheetOf(await readWorkbook(readFileSync(join(db.dir, '花名册导出.xlsx'))), '花名册')
    expect(written.getCell(5, 7).value).toBe(MA)
  })

  it('refuses a folder that does not exist with a message the clerk can act on', async () => {
    await expect(
      invoke(db.ctx, 'export.form', { form: 'roster', out: join(db.dir, 'nope', 'a.xlsx') }),
    ).rejects.toThrow(/不存在/)
    expect(existsSync(join(db.dir, 'nope'))).toBe(false)
  })

  it('is offered on the command line as `export` and `template`', () => {
    expect(api['export.form'].cli?.command).toBe('export')
    expect(api['export.form'].cli?.flags).toMatchObject({ form: 'form', out: 'out' })
    expect(api['template.form'].cli?.command).toBe('template')
  })

  it('reports progress while writing, so the UI can show the export is running', async () => {
    const events: { phase: string; done: number; total: number }[] = []
    const original = db.ctx.progress
    db.ctx.progress = (event) => events.push(event)
    try {
      await invoke(db.ctx, 'export.form', { form: 'roster' })
    } finally {
      db.ctx.progress = original
    }
    expect(events).toContainEqual(expect.objectContaining({ phase: '写入数据', done: 4, total: 4 }))
    expect(events.at(-1)).toMatchObject({ phase: '生成文件', done: 1, total: 1 })
  })

  it('names the forms it can export when asked for another', async () => {
    await expect(invoke(db.ctx, 'export.form', { form: 'payroll' })).rejects.toThrow(/roster.*plan.*activities.*hours/)
  })

  it('writes an empty roster as headers and footer only', async () => {
    const empty = openTestDb()
    try {
      const result = await invoke(empty.ctx, 'export.form', { form: 'roster' })
      if (!('data' in result)) throw new Error('expected bytes')
      const ws = sheetOf(await readWorkbook(result.data), '花名册')
      expect(result.rows).toBe(0)
      expect(ws.getCell('A3').value).toBe('序号')
      expect(ws.getCell('A5').value).toBe('单位负责人：')
    } finally {
      empty.close()
    }
  })
})
