// Error workbooks of returns saved by other tools than exceljs: LibreOffice (one style shared by
// every cell, column widths, merges, a hyperlink, validations over several ranges) and openpyxl
// (worksheets zipped before the workbook part, absolute relation targets).
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { buildErrorWorkbook, ERROR_FILL, WARNING_FILL } from '../../../src-main/core/import/errorWorkbook'
import type { ImportIssue } from '../../../src-main/core/import/types'
import { ROSTER_FORM } from '../../../src-main/core/forms'
import { makeId } from '../../support/people'
import { xlsxParts, zipParts, type RawPart, type RawValue } from '../../fixtures/rawXlsx'
import {
  changedCells,
  fillOf,
  loadBook,
  notes,
  overlappingValidations,
  sheetXml,
  summaryRows,
  validations,
} from './errorBook'
import { openLedger, type Ledger } from './support'

let ledger: Ledger
beforeEach(() => {
  ledger = openLedger()
})
afterEach(() => ledger.close())

const HEADERS = ROSTER_FORM.sheets[0]!.columns.map((column) => column.name)
const MA = makeId('622901', '19850312', 1, true)
const WANG = makeId('622926', '19900701', 2, false)
const ZHANG = makeId('622921', '19781105', 3, true)
const BAD = MA.slice(0, 17) + (MA.endsWith('1') ? '2' : '1')

/** LibreOffice's habit: one cell format (xf 1: 宋体, thin borders, text) for every cell of the table. */
const SHARED_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="@"/></numFmts><fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="2"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

const VALIDATIONS =
  '<dataValidations count="2"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="C4:C53"><formula1>"男,女"</formula1></dataValidation><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="K4:K20 K30:K53"><formula1>"临夏市,临夏县,康乐县,永靖县,广河县,和政县,东乡县,积石山县"</formula1></dataValidation></dataValidations>'

function rosterRow(name: string, gender: string, id: string, unit: string | null, phone: string): RawValue[] {
  const values: (string | null)[] = HEADERS.map(() => null)
  values[1] = name
  values[2] = gender
  values[6] = id
  values[8] = unit
  values[10] = '临夏市'
  values[11] = phone
  return values.map((value) => ({ value: value ?? undefined, style: 1, type: value === null ? 'n' : undefined }))
}

/** 花名册 as LibreOffice Calc saves it: every cell of the table, empty ones too, on xf 1. */
function libreOfficeParts(): RawPart[] {
  const blank = (): RawValue[] => HEADERS.map(() => ({ style: 1, type: 'n' as const }))
  const rows: RawValue[][] = [
    ['临夏州教育系统新时代文明实践志愿服务队志愿者花名册'],
    ['填报单位（盖章）：临夏州中学'],
    HEADERS.map((header) => ({ value: header, style: 1 })),
    rosterRow('马建国', '男', MA, '临夏州中学', '13812341234'),
    rosterRow('王芳', '女', BAD, null, '13912345678'),
    rosterRow('张伟', '男', ZHANG, null, '12345'),
    ...Array.from({ length: 47 }, blank),
  ]
  const parts = xlsxParts({
    sheets: [
      { name: '花名册', rows, merges: ['A1:S1', 'I4:I6'] },
      { name: '说明', rows: [['请用本表填报']] },
    ],
  })
  return parts
    .map((part) => {
      if (part.name === 'xl/styles.xml') return { ...part, data: SHARED_STYLES }
      if (part.name !== 'xl/worksheets/sheet1.xml') return part
      const xml = String(part.data)
        .replace('<sheetData>', '<cols><col min="1" max="19" width="13.5" customWidth="1"/></cols><sheetData>')
        .replace(
          '</mergeCells>',
          `</mergeCells>${VALIDATIONS}<hyperlinks><hyperlink ref="A2" r:id="rIdLink"/></hyperlinks>`,
        )
      return { ...part, data: xml }
    })
    .concat([
      {
        name: 'xl/worksheets/_rels/sheet1.xml.rels',
        data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://jyj.linxia.gov.cn/" TargetMode="External"/></Relationships>',
      },
    ])
}

async function errorWorkbookOf(name: string, bytes: Buffer) {
  const path = join(ledger.dir, name)
  writeFileSync(path, bytes)
  const result = await invoke(ledger.ctx, 'import.run', { form: 'roster', files: [path] })
  const { workbooks } = await invoke(ledger.ctx, 'import.errors', { batch: result.batch as number })
  expect(workbooks).toHaveLength(1)
  return { result, data: workbooks[0]!.data as Uint8Array }
}

describe('a return saved by LibreOffice, one style shared by every cell', () => {
  it('colours and comments exactly the bad cells and keeps validations, merges, widths, links and sheets', async () => {
    const source = zipParts(libreOfficeParts())
    const { result, data } = await errorWorkbookOf('03-临夏州中学.xlsx', source)
    const before = (await loadBook(source)).getWorksheet('花名册') as ExcelJS.Worksheet
    const book = await loadBook(data)
    const after = book.getWorksheet('花名册') as ExcelJS.Worksheet
    expect(changedCells(before, after)).toEqual(['G5', 'L6'])
    expect(fillOf(after.getCell('G5'))).toBe(ERROR_FILL)
    expect(fillOf(after.getCell('L6'))).toBe(WARNING_FILL)
    expect(after.getCell('G5').border).toEqual(before.getCell('G5').border)
    expect([...notes(after).keys()].sort()).toEqual(['G5', 'L6'])
    expect(await validations(data, '花名册')).toEqual(await validations(source, '花名册'))
    expect(await validations(data, '花名册')).toContain(
      'K4:K20 K30:K53|"临夏市,临夏县,康乐县,永靖县,广河县,和政县,东乡县,积石山县"',
    )
    expect(overlappingValidations(await validations(data, '花名册'))).toEqual([])
    expect(Object.keys((after as unknown as { _merges: Record<string, unknown> })._merges).sort()).toEqual(['A1', 'I4'])
    expect(after.getColumn(7).width).toBe(13.5)
    expect(after.getCell('A2').hyperlink).toBe('http://jyj.linxia.gov.cn/')
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['问题汇总', '花名册', '说明'])
    expect(summaryRows(book)).toHaveLength(result.issues.length)
  })
})

describe('a return saved by openpyxl, worksheets before the workbook part', () => {
  it('marks the bad cells of the real data sheet, behind 填表说明, and lists them on 问题汇总', async () => {
    const rows: RawValue[][] = [
      ['志愿者花名册'],
      HEADERS,
      HEADERS.map((_, index) => [null, '王芳', '女', null, null, null, BAD][index] ?? null),
      HEADERS.map((_, index) => [null, '马丽', '女', null, null, null, WANG][index] ?? null),
    ]
    const source = zipParts(
      xlsxParts({
        sheets: [
          { name: '填表说明', rows: [['请填写花名册']] },
          { name: '花名册', rows },
        ],
        order: 'sheets-first',
        targets: 'absolute',
      }),
    )
    const { result, data } = await errorWorkbookOf('04-openpyxl.xlsx', source)
    const book = await loadBook(data)
    const after = book.getWorksheet('花名册') as ExcelJS.Worksheet
    expect(changedCells((await loadBook(source)).getWorksheet('花名册') as ExcelJS.Worksheet, after)).toEqual(['G3'])
    expect(fillOf(after.getCell('G3'))).toBe(ERROR_FILL)
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['问题汇总', '填表说明', '花名册'])
    expect(summaryRows(book).map((row) => row.slice(0, 4))).toEqual(
      result.issues.map((issue) => ['花名册', String(issue.row), 'G（身份证号码）', '错误']),
    )
  })
})

describe('what exceljs would lose', () => {
  it('keeps Excel 2010 list validations that point at another sheet (x14), which exceljs drops', async () => {
    const x14 =
      '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1"><x14:formula1><xm:f>选项!$A$1:$A$8</xm:f></x14:formula1><xm:sqref>K3:K50</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>'
    const parts = xlsxParts({
      sheets: [
        { name: '花名册', rows: [HEADERS, ['1', '王芳', '女', null, null, null, BAD]] },
        { name: '选项', rows: [['临夏市']] },
      ],
    }).map((part) =>
      part.name === 'xl/worksheets/sheet1.xml'
        ? { ...part, data: String(part.data).replace('</worksheet>', `${x14}</worksheet>`) }
        : part,
    )
    const issue: ImportIssue = {
      file: 'a.xlsx',
      fileIndex: 0,
      sheet: '花名册',
      row: 2,
      column: '身份证号码',
      cell: 'G2',
      level: 'error',
      message: '身份证号码校验位错误',
    }
    const data = await buildErrorWorkbook(zipParts(parts), [issue], { unitName: '临夏州教育局', now: new Date() })
    const xml = await sheetXml(data, '花名册')
    expect(xml).toContain('<xm:sqref>K3:K50</xm:sqref>')
    expect(xml).toMatch(/<extLst>.*CCE6A557.*<\/extLst><\/worksheet>$/s)
  })

  it('marks a bad cell hidden under a merged range on the range, naming the row', async () => {
    const rows: RawValue[][] = [
      HEADERS,
      ['1', '王芳', '女', null, null, null, MA, null, '临夏州中学'],
      ['2', '张伟', '男', null, null, null, ZHANG],
    ]
    const source = zipParts(xlsxParts({ sheets: [{ name: '花名册', rows, merges: ['I2:I3'] }] }))
    const issue: ImportIssue = {
      file: 'a.xlsx',
      fileIndex: 0,
      sheet: '花名册',
      row: 3,
      column: '工作单位',
      cell: 'I3',
      level: 'warning',
      message: '第 3 行“工作单位”：工作单位不在名录中，请核对',
    }
    const after = (
      await loadBook(await buildErrorWorkbook(source, [issue], { unitName: '局', now: new Date() }))
    ).getWorksheet('花名册') as ExcelJS.Worksheet
    expect(fillOf(after.getCell('I2'))).toBe(WARNING_FILL)
    expect(notes(after)).toEqual(new Map([['I2', '第 3 行提醒：工作单位不在名录中。请核对。']]))
  })
})
