/* eslint-disable no-loss-of-precision -- an 18-digit ID typed into a number cell loses digits; that is the case under test */
// Reading workbooks: header matching, sheet choice, merged cells, cell values, and the limits.
import { readFileSync, rmSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROSTER_FORM } from '../../../src-main/core/forms/roster'
import { extractRows } from '../../../src-main/core/import/rows'
import { DEFAULT_READ_LIMITS, MESSAGES, ReadFileError, type ReadLimits } from '../../../src-main/core/xlsx/readGuard'
import { findHeader, headerLookup, matchHeader, normaliseHeader } from '../../../src-main/core/xlsx/readHeader'
import { readWorkbook, type FoundSheet } from '../../../src-main/core/xlsx/readWorkbook'
import { generateReturns } from '../../fixtures/generate'
import { makeFixtures } from '../import/support'

const SHEET = ROSTER_FORM.sheets[0]!
let fixtures: Awaited<ReturnType<typeof makeFixtures>>

beforeAll(async () => {
  fixtures = await makeFixtures()
})
afterAll(() => rmSync(fixtures.dir, { recursive: true, force: true }))

async function bytesOf(build: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  build(workbook.addWorksheet('花名册'), workbook)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

async function read(bytes: Buffer, limits: Partial<ReadLimits> = {}, name = 'x.xlsx'): Promise<FoundSheet | undefined> {
  return (await readWorkbook(name, bytes, [SHEET], { limits: { ...DEFAULT_READ_LIMITS, ...limits } })).get(SHEET.name)
}

async function readError(bytes: Buffer, limits: Partial<ReadLimits> = {}, name = 'x.xlsx'): Promise<string> {
  try {
    await read(bytes, limits, name)
  } catch (error) {
    if (error instanceof ReadFileError) return error.message
    throw error
  }
  throw new Error('expected a ReadFileError')
}

describe('header matching', () => {
  const lookup = headerLookup(SHEET)
  it.each([
    ['＊姓名', '姓名'],
    ['身份证号（18位）', '身份证号码'],
    ['公民身份号码', '身份证号码'],
    ['县（市）', '所在县市'],
    ['职务（职称）', '职务/职称'],
    ['职称', '职务/职称'],
    [' 联 系\n电 话 ', '联系电话'],
    ['手机号码', '联系电话'],
    ['学校', '工作单位'],
    ['出生日期', '出生年月'],
    ['类别', '志愿者类别'],
    ['服务队', '所属服务队'],
    ['身份证号码：', '身份证号码'],
  ])('reads %s as %s', (text, column) => {
    expect(matchHeader(text, lookup)?.name).toBe(column)
  })

  it('ignores texts that name no column', () => {
    expect(matchHeader('邮箱', lookup)).toBeUndefined()
    expect(normaliseHeader('\u200b身份证\u3000号码*')).toBe('身份证号码')
  })

  it('finds the header under a title and a 填报单位 line, not in a 填表说明 list', () => {
    const rows = [[SHEET.title], ['填报单位：某校'], [], ['序号', '姓名', '身份证号', '性别']]
    expect(findHeader(rows, SHEET)).toMatchObject({ index: 3, mapping: { 序号: 1, 姓名: 2, 身份证号码: 3, 性别: 4 } })
    expect(
      findHeader(
        [
          ['姓名', '必填'],
          ['身份证号码', '18 位'],
          ['性别', '男或女'],
        ],
        SHEET,
      ),
    ).toBeNull()
  })
})

describe('reading a workbook', () => {
  it('picks the data sheet over a 填表说明 sheet and reads merged ranges', async () => {
    const found = await read(readFileSync(fixtures.paths.messy))
    expect(found?.name).toBe('Sheet1')
    expect(found?.rows[found.header.index]?.number).toBe(4)
    expect(found?.merges).toContainEqual({ top: 5, left: 8, bottom: 13, right: 8 })
  })

  it('names other sheets that also carry the form header, so none is dropped silently', async () => {
    const bytes = await bytesOf((sheet, workbook) => {
      sheet.addRow(['姓名', '身份证号码'])
      sheet.addRow(['甲', '1'])
      const second = workbook.addWorksheet('学生志愿者')
      second.addRow(['姓名', '身份证号码'])
      second.addRow(['乙', '2'])
    })
    const found = await read(bytes)
    expect(found).toMatchObject({ name: '花名册', others: ['学生志愿者'] })
  })

  it('keeps numbers as numbers, dates as days, formulas as their cached result, rich text as text', async () => {
    const bytes = await bytesOf((sheet) => {
      sheet.addRow(['姓名', '身份证号码', '出生年月', '备注'])
      sheet.addRow([
        { richText: [{ text: '马' }, { text: '建国' }] },
        622901198503120011,
        new Date(Date.UTC(1985, 2, 12)),
        { formula: 'A1&"x"', result: '算好的' },
      ])
    })
    const found = await read(bytes)
    expect(found?.rows[1]?.cells).toEqual(['马建国', 622901198503120011, '1985-03-12', '算好的'])
  })

  it('skips blank, numbered-only, footer and repeated header rows and fills merged cells', async () => {
    const bytes = await bytesOf((sheet) => {
      sheet.addRow(['序号', '姓名', '身份证号码', '工作单位'])
      sheet.addRow([1, '甲', 'A', '某校'])
      sheet.addRow([2, '乙', 'B', null])
      sheet.addRow([3])
      sheet.addRow([])
      sheet.addRow(['序号', '姓名', '身份证号码', '工作单位'])
      sheet.addRow([4, '丙', 'C', null])
      sheet.addRow(['单位负责人：', null, '填表人：'])
      sheet.mergeCells('D2:D3')
    })
    const found = (await read(bytes)) as FoundSheet
    const { rows, skipped } = extractRows(found, SHEET, found.header.mapping)
    expect(rows.map((row) => [row.number, row.values['姓名'], row.values['工作单位']])).toEqual([
      [2, '甲', '某校'],
      [3, '乙', '某校'],
      [7, '丙', null],
    ])
    // The empty row never reaches the reader (Excel writes no XML for it); the other three are skipped.
    expect(skipped).toBe(3)
  })
})

describe('refusing files', () => {
  it('refuses legacy, CSV, empty, damaged and truncated files with the reason', async () => {
    const dir = `${fixtures.dir}/again`
    const paths = await generateReturns(dir)
    expect(await readError(readFileSync(paths.legacy), {}, 'a.xls')).toBe(MESSAGES.legacy)
    expect(await readError(readFileSync(paths.csv), {}, 'a.csv')).toBe(MESSAGES.csv)
    expect(await readError(Buffer.alloc(0))).toBe(MESSAGES.empty)
    expect(await readError(readFileSync(paths.damaged))).toBe(MESSAGES.damaged)
    expect(await readError(readFileSync(paths.truncated))).toBe(MESSAGES.damaged)
  })

  it('bounds size, unpacked size, rows and time', async () => {
    const bytes = await bytesOf((sheet) => {
      sheet.addRow(['姓名', '身份证号码'])
      for (let index = 0; index < 600; index++) sheet.addRow([`人${index}`, String(index)])
    })
    expect(await readError(bytes, { maxBytes: 1000 })).toMatch(/^文件过大/)
    expect(await readError(bytes, { maxUncompressed: 10_000 })).toMatch(/^文件解压后过大/)
    expect(await readError(bytes, { maxRows: 100 })).toMatch(/超过 100 行/)
    expect(await readError(bytes, { maxMillis: -1 })).toMatch(/读取超时/)
  })
})
