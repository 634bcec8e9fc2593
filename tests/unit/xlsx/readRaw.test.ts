/* eslint-disable no-loss-of-precision -- an 18-digit ID typed into a number cell loses digits; that is the case under test */
// The workbook reader on files laid out part by part the way other tools write them: part order,
// relation targets, namespace prefixes, cell types, and the file errors a broken structure gives.
import { describe, expect, it } from 'vitest'
import { ROSTER_FORM } from '../../../src-main/core/forms/roster'
import { DEFAULT_READ_LIMITS, MESSAGES, ReadFileError, type ReadLimits } from '../../../src-main/core/xlsx/readGuard'
import { isDateFormat, resolveTarget } from '../../../src-main/core/xlsx/readParts'
import { readWorkbook, type FoundSheet } from '../../../src-main/core/xlsx/readWorkbook'
import {
  rawXlsx,
  xlsxParts,
  zipParts,
  type RawPart,
  type RawSheet,
  type RawValue,
  type RawWorkbook,
} from '../../fixtures/rawXlsx'

const SHEET = ROSTER_FORM.sheets[0]!
const HELP: RawSheet = {
  name: '填表说明',
  rows: [
    ['列名', '填写要求'],
    ['姓名', '必填'],
  ],
}
const HEADER = ['姓名', '身份证号码', '出生年月', '备注']

async function read(bytes: Buffer, limits: Partial<ReadLimits> = {}): Promise<FoundSheet> {
  const found = (await readWorkbook('x.xlsx', bytes, [SHEET], { limits: { ...DEFAULT_READ_LIMITS, ...limits } })).get(
    SHEET.name,
  )
  if (!found) throw new Error('no sheet found')
  return found
}

async function readError(bytes: Buffer, limits: Partial<ReadLimits> = {}): Promise<string> {
  try {
    await read(bytes, limits)
  } catch (error) {
    if (error instanceof ReadFileError) return error.message
    throw error
  }
  throw new Error('expected a ReadFileError')
}

function book(rows: RawValue[][], options: Partial<RawWorkbook> = {}, merges: string[] = []): Buffer {
  return rawXlsx({ ...options, sheets: [HELP, { name: '花名册', rows: [HEADER, ...rows], merges }] })
}

function withoutPart(spec: RawWorkbook, name: string, edit?: (parts: RawPart[]) => RawPart[]): Buffer {
  const parts = xlsxParts(spec).filter((part) => part.name !== name)
  return zipParts(edit ? edit(parts) : parts)
}

describe('the sheet a return really has', () => {
  it.each([
    ['worksheets before workbook.xml, absolute targets (openpyxl)', { order: 'sheets-first', targets: 'absolute' }],
    ['workbook.xml first, relative targets (Excel, WPS)', { order: 'excel', targets: 'relative' }],
    [
      'x: prefix, inline strings, no cell references (a system export)',
      { prefix: 'x', strings: 'inline', cellRefs: false },
    ],
  ] as const)('names the data sheet after a 填表说明 sheet: %s', async (_, options) => {
    const found = await read(
      book(
        [
          ['马建国', '622901198503120012', '1985.03', null],
          ['王芳', '622926199007010023'],
        ],
        options,
        ['D2:D3'],
      ),
    )
    expect(found.name).toBe('花名册')
    expect(found.rows.map((row) => row.cells)).toEqual([
      HEADER,
      ['马建国', '622901198503120012', '1985.03'],
      ['王芳', '622926199007010023'],
    ])
    expect(found.merges).toEqual([{ top: 2, left: 4, bottom: 3, right: 4 }])
  })

  it('finds the data on the third sheet past a hidden one, and names other sheets with the same header', async () => {
    const bytes = rawXlsx({
      order: 'sheets-first',
      sheets: [
        HELP,
        { name: '代码表', state: 'hidden', rows: [['男'], ['女']] },
        { name: '名单', rows: [HEADER, ['甲', '1']] },
        { name: '学生', rows: [HEADER, ['乙', '2']] },
      ],
    })
    expect(await read(bytes)).toMatchObject({ name: '名单', others: ['学生'] })
  })

  it('resolves relation targets against the part that names them, whatever their case', () => {
    expect(resolveTarget('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml')
    expect(resolveTarget('xl/workbook.xml', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml')
    expect(resolveTarget('xl/workbook.xml', '../xl/./worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml')
    expect(resolveTarget('', 'xl\\workbook.xml')).toBe('xl/workbook.xml')
  })

  it('reads parts with other names and another case than the relations give', async () => {
    const spec: RawWorkbook = {
      targets: 'absolute',
      sheets: [HELP, { name: '花名册', path: 'xl/Worksheets/Data Sheet.xml', rows: [HEADER, ['甲', '1']] }],
    }
    const parts = xlsxParts(spec).map((part) =>
      part.name === 'xl/Worksheets/Data Sheet.xml' ? { ...part, name: 'XL/worksheets/data sheet.xml' } : part,
    )
    expect((await read(zipParts(parts))).name).toBe('花名册')
  })

  it('puts rows written out of order back in row order', async () => {
    const bytes = rawXlsx({
      sheets: [
        {
          name: '花名册',
          rows: [
            { number: 1, cells: HEADER },
            { number: 3, cells: ['丙', '3'] },
            { number: 2, cells: ['乙', '2'] },
          ],
        },
      ],
    })
    expect((await read(bytes)).rows.map((row) => [row.number, row.cells[0]])).toEqual([
      [1, '姓名'],
      [2, '乙'],
      [3, '丙'],
    ])
  })
})

describe('cell values', () => {
  it('keeps an ID in a number cell a number, so the importer can refuse it', async () => {
    const found = await read(book([['马建国', 622901198503120012]]))
    expect(found.rows[1]?.cells[1]).toBe(622901198503120012)
    expect(typeof found.rows[1]?.cells[1]).toBe('number')
  })

  it('reads every cell type as Excel showed it; formulas by their cached result', async () => {
    const found = await read(
      book(
        [
          [
            { rich: ['马', '建国'], phonetic: 'マ' },
            { value: '算好的', formula: 'A1&"x"' },
            new Date(Date.UTC(1985, 2, 12)),
            { value: true },
            { error: '#N/A' },
            { value: 42, formula: '6*7' },
            { value: '1990-07-01T00:00:00', type: 'd' },
            { value: 31118, style: 3 },
            { value: '第一行_x000D_\n第二行 & <三>' },
            { value: 7, style: 2 },
            { value: '' },
          ],
        ],
        { strings: 'shared' },
      ),
    )
    expect(found.rows[1]?.cells).toEqual([
      '马建国',
      '算好的',
      '1985-03-12',
      'TRUE',
      '#N/A',
      42,
      '1990-07-01',
      '1985-03-12',
      '第一行\r\n第二行 & <三>',
      7,
    ])
  })

  it('reads inline rich text without its phonetic guide, and the 1904 date system', async () => {
    const found = await read(
      book([[{ rich: ['韩', '文华'], phonetic: 'ハン' }, null, new Date(Date.UTC(1985, 2, 12))]], {
        strings: 'inline',
        date1904: true,
      }),
    )
    expect(found.rows[1]?.cells).toEqual(['韩文华', null, '1985-03-12'])
  })

  it('tells date formats from number formats', () => {
    expect(['yyyy"年"m"月"', 'yyyy-mm-dd', '[$-804]yyyy年m月d日', 'h:mm'].map(isDateFormat)).toEqual([
      true,
      true,
      true,
      true,
    ])
    expect(['General', '0.00', '@', '#,##0"元"', '0.00E+00', '[Red]0.0'].map(isDateFormat)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ])
  })
})

describe('a broken structure is a file error, never a silent skip', () => {
  const spec: RawWorkbook = { order: 'sheets-first', sheets: [HELP, { name: '花名册', rows: [HEADER, ['甲', '1']] }] }

  it('refuses a sheet whose part is missing, naming it', async () => {
    expect(await readError(withoutPart(spec, 'xl/worksheets/sheet2.xml'))).toBe(
      '工作簿已损坏：工作表“花名册”的数据部分（xl/worksheets/sheet2.xml）不在文件里：请用 Excel 或 WPS 打开文件，另存为 .xlsx 后再导入',
    )
  })

  it('refuses a sheet whose relation is missing, naming it', async () => {
    const bytes = withoutPart(spec, '', (parts) =>
      parts.map((part) =>
        part.name === 'xl/_rels/workbook.xml.rels'
          ? { ...part, data: String(part.data).replace(/<Relationship Id="rId2"[^>]*\/>/, '') }
          : part,
      ),
    )
    expect(await readError(bytes)).toMatch(
      /^工作簿已损坏：工作表“花名册”在 workbook\.xml 中登记了，但找不到它的关系（rId2）/,
    )
  })

  it('refuses a file without a workbook part or with broken XML as damaged', async () => {
    expect(await readError(withoutPart(spec, 'xl/workbook.xml'))).toBe(MESSAGES.damaged)
    const broken = withoutPart(spec, '', (parts) =>
      parts.map((part) =>
        part.name === 'xl/worksheets/sheet2.xml' ? { ...part, data: String(part.data).slice(0, -40) } : part,
      ),
    )
    expect(await readError(broken)).toBe(MESSAGES.damaged)
  })

  it('refuses merged cells it cannot read, and too many of them', async () => {
    expect(await readError(book([['甲', '1']], {}, ['D2:Q']))).toMatch(/^工作表“花名册”的合并单元格已损坏（D2:Q）/)
    expect(await readError(book([['甲', '1']], {}, ['A2:A3', 'B2:B3', 'C2:C3']), { maxMerges: 2 })).toMatch(
      /^工作表“花名册”的合并单元格过多（超过 2 处）/,
    )
  })
})
