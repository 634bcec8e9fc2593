// The workbook sent back to a school marks exactly its bad cells, keeps everything else of the
// school's file, says only what the school must fix in its own file, and opens on 问题汇总.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { buildErrorWorkbook, ERROR_FILL, WARNING_FILL } from '../../../src-main/core/import/errorWorkbook'
import type { ImportIssue } from '../../../src-main/core/import/types'
import { makeId } from '../../support/people'
import {
  changedCells,
  fillOf,
  loadBook,
  notes,
  overlappingValidations,
  partText,
  summaryRows,
  typeIntoCells,
  validations,
} from './errorBook'
import { openLedger, type Ledger } from './support'

let ledger: Ledger
beforeEach(() => {
  ledger = openLedger()
})
afterEach(() => ledger.close())

const MA = makeId('622901', '19850312', 1, true)
const WANG = makeId('622926', '19900701', 2, false)
const ZHANG = makeId('622921', '19781105', 3, true)
const LI = makeId('622922', '19920220', 4, false)
const BAD_CHECKSUM = MA.slice(0, 17) + (MA.endsWith('1') ? '2' : '1')

/** 姓名, 性别, 身份证号码, 工作单位, 所在县市, 联系电话 of one roster row (columns B, C, G, I, K, L). */
type Row = [string, string, string, string, string, string]

const COLUMNS = ['B', 'C', 'G', 'I', 'K', 'L'] as const

/** The bureau's blank template, typed into as in Excel (only the cells change), or saved by exceljs. */
async function templateReturn(
  name: string,
  rows: Row[],
  savedBy: 'excel' | 'exceljs' = 'excel',
): Promise<{ path: string; bytes: Buffer }> {
  const template = Buffer.from(
    ((await invoke(ledger.ctx, 'template.form', { form: 'roster' })) as { data: Uint8Array }).data,
  )
  const values = Object.fromEntries(
    rows.flatMap((row, index) => row.map((value, column) => [`${COLUMNS[column]}${4 + index}`, value])),
  )
  let bytes: Buffer
  if (savedBy === 'excel') bytes = await typeIntoCells(template, '花名册', values)
  else {
    const book = await loadBook(template)
    for (const [address, value] of Object.entries(values)) book.getWorksheet('花名册')!.getCell(address).value = value
    bytes = Buffer.from(await book.xlsx.writeBuffer())
  }
  const path = join(ledger.dir, name)
  writeFileSync(path, bytes)
  return { path, bytes }
}

async function errorsOf(paths: string[]) {
  const result = await invoke(ledger.ctx, 'import.run', { form: 'roster', files: paths })
  const { workbooks } = await invoke(ledger.ctx, 'import.errors', { batch: result.batch as number })
  return { result, workbooks }
}

describe('error workbook of a return made on the bureau template', () => {
  it.each(['excel', 'exceljs'] as const)(
    'marks exactly the bad cells and changes no other cell (saved by %s)',
    async (savedBy) => {
      await invoke(ledger.ctx, 'settings.save', { unitName: '临夏州教育局基础教育科' })
      const file = await templateReturn(
        '01-临夏州中学.xlsx',
        [
          ['马建国', '男', MA, '临夏州中学', '临夏市', '13812341234'],
          ['王芳', '女', BAD_CHECKSUM, '临夏州中学', '临夏市', '13912345678'],
          ['张伟', '女', ZHANG, '临夏州中学', '临夏县', '12345'],
          ['李秀兰', '女', LI, '临夏州中学', '康乐县', '15112345678'],
        ],
        savedBy,
      )
      const { workbooks } = await errorsOf([file.path])
      expect(workbooks.map((workbook) => [workbook.name, workbook.kind])).toEqual([
        ['01-临夏州中学（错误标注）.xlsx', 'marked'],
      ])
      const data = workbooks[0]?.data as Uint8Array
      const before = (await loadBook(file.bytes)).getWorksheet('花名册') as ExcelJS.Worksheet
      const book = await loadBook(data)
      const after = book.getWorksheet('花名册') as ExcelJS.Worksheet
      // Row 5: a bad ID (error); row 6: 性别 contradicts the ID and a malformed phone (warnings).
      expect(changedCells(before, after)).toEqual(['C6', 'G5', 'L6'])
      expect(fillOf(after.getCell('G5'))).toBe(ERROR_FILL)
      expect(fillOf(after.getCell('C6'))).toBe(WARNING_FILL)
      expect(fillOf(after.getCell('L6'))).toBe(WARNING_FILL)
      expect([...notes(after).keys()].sort()).toEqual(['C6', 'G5', 'L6'])
      // Borders and fonts of the marked cells are the template's own.
      expect(after.getCell('G5').border).toEqual(before.getCell('G5').border)
      expect(after.getCell('G5').font).toEqual(before.getCell('G5').font)
      const phone = notes(after).get('L6') ?? ''
      expect(phone).toMatch(/^提醒：联系电话“12345”格式不正确/)
      expect(phone.match(/“12345”/g)).toHaveLength(1)
      // The drop-downs are the school's, range for range: no C4:C53 next to C10:C53.
      expect(await validations(data, '花名册')).toEqual(await validations(file.bytes, '花名册'))
      expect((await validations(data, '花名册')).length).toBeGreaterThan(0)
      if (savedBy === 'excel') expect(overlappingValidations(await validations(data, '花名册'))).toEqual([])
      // The comments are signed by the bureau, and their boxes are sized to the text.
      const comments = await partText(data, /comments\d*\.xml$/)
      expect(comments.join('')).toContain('<author>临夏州教育局基础教育科</author>')
      expect(comments.join('')).not.toContain('<author>Author</author>')
      const vml = (await partText(data, /\.vml$/)).join('')
      expect(vml).not.toContain('width:97.8pt;height:59.1pt')
    },
  )

  it('opens on 问题汇总, which lists every problem with what to do, in the form layout', async () => {
    const file = await templateReturn('01-临夏州中学.xlsx', [
      ['王芳', '女', BAD_CHECKSUM, '临夏州中学', '临夏市', '13912345678'],
      ['张伟', '男', ZHANG, '临夏州中学', '临夏县', '12345'],
    ])
    const { result, workbooks } = await errorsOf([file.path])
    const book = await loadBook(workbooks[0]?.data as Uint8Array)
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['问题汇总', '花名册', '填表说明', '选项'])
    const summary = book.getWorksheet('问题汇总') as ExcelJS.Worksheet
    expect(summary.getCell('A1').value).toBe('“01-临夏州中学.xlsx”问题汇总')
    expect(summary.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: '1:3' })
    const rows = summaryRows(book)
    expect(rows).toHaveLength(result.issues.length)
    expect(rows).toEqual([
      ['花名册', '4', 'G（身份证号码）', '错误', expect.stringMatching(/校验/), expect.stringMatching(/^请/)],
      [
        '花名册',
        '5',
        'L（联系电话）',
        '提醒',
        expect.stringMatching(/^联系电话“12345”格式不正确，应为 11 位手机号码/),
        '请核对',
      ],
    ])
    // The school's data sheet keeps its print titles after 问题汇总 moved in before it.
    expect(book.getWorksheet('花名册')?.pageSetup.printTitlesRow).toBe('1:3')
  })
})

describe('what a comment may say', () => {
  it('names nothing of another school: no path, no other file, no other volunteer', async () => {
    const first = await templateReturn('01-临夏州中学.xlsx', [
      ['王芳', '女', WANG, '临夏州中学', '临夏市', '13912345678'],
    ])
    const second = await templateReturn('02-东乡县锁南中学.xlsx', [
      ['马丽', '女', WANG, '东乡县锁南中学', '东乡县', '13912345678'],
      ['张伟', '男', ZHANG, '东乡县锁南中学', '东乡县', '13712345678'],
      ['张伟', '男', ZHANG, '东乡县锁南中学', '东乡县', '13712345678'],
    ])
    const { result, workbooks } = await errorsOf([first.path, second.path])
    // The clerk's list keeps the full story.
    expect(result.issues.map((issue) => issue.message).join('\n')).toMatch(/01-临夏州中学\.xlsx.*王芳/)
    expect(workbooks.map((workbook) => workbook.name)).toEqual(['02-东乡县锁南中学（错误标注）.xlsx'])
    const book = await loadBook(workbooks[0]?.data as Uint8Array)
    const sheet = book.getWorksheet('花名册') as ExcelJS.Worksheet
    const all = [...notes(sheet).values(), ...summaryRows(book).flat()].join('\n')
    expect(all).not.toMatch(/[\\/]/)
    expect(all).not.toContain('01-临夏州中学')
    expect(all).not.toContain('王芳')
    expect(all).not.toContain(ledger.dir)
    expect(notes(sheet).get('B4')).toMatch(/另一份报送的名单中出现，但姓名与本行不同/)
    // A repeat inside the school's own file is the school's to remove; it is told so, with the row.
    expect(notes(sheet).get('G6')).toMatch(/与本表第 5 行是同一身份证号码.*删除重复的一行/)
  })

  it('leaves out a repeat the bureau merged across schools: nothing to fix, no workbook', async () => {
    const first = await templateReturn('01-临夏州中学.xlsx', [
      ['王芳', '女', WANG, '临夏州中学', '临夏市', '13912345678'],
    ])
    const second = await templateReturn('02-临夏州中学分校.xlsx', [
      ['王芳', '女', WANG, '临夏州中学', '临夏市', '13912345678'],
    ])
    const { result, workbooks } = await errorsOf([first.path, second.path])
    expect(result.issues.map((issue) => issue.message).join()).toMatch(/已合并为同一位志愿者/)
    expect(workbooks).toEqual([])
  })
})

describe('buildErrorWorkbook', () => {
  const issue = (cell: string, level: ImportIssue['level'], message: string): ImportIssue => ({
    file: 'a.xlsx',
    fileIndex: 0,
    sheet: '名单',
    row: Number(cell.slice(1)),
    column: '姓名',
    cell,
    level,
    message,
  })

  it('colours a cell red when it has an error and a warning, whatever their order', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('名单')
    sheet.getCell('B2').value = '甲'
    sheet.getCell('B3').value = '乙'
    const source = Buffer.from(await book.xlsx.writeBuffer())
    const data = await buildErrorWorkbook(
      source,
      [
        issue('B2', 'warning', '第 2 行“姓名”：姓名含有数字，请核对'),
        issue('B2', 'error', '第 2 行“姓名”：姓名必填'),
        issue('B3', 'warning', '第 3 行“姓名”：姓名含有数字，请核对'),
        issue('B3', 'warning', '第 3 行“姓名”：姓名含有数字，请核对'),
      ],
      { unitName: '临夏州教育局', now: new Date('2026-11-29T08:00:00Z') },
    )
    const marked = (await loadBook(data)).getWorksheet('名单') as ExcelJS.Worksheet
    expect(fillOf(marked.getCell('B2'))).toBe(ERROR_FILL)
    expect(fillOf(marked.getCell('B3'))).toBe(WARNING_FILL)
    expect(notes(marked).get('B2')).toBe('错误：姓名必填。请按问题改正。\n提醒：姓名含有数字。请核对。')
    expect(notes(marked).get('B3')).toBe('提醒：姓名含有数字。请核对。')
  })

  it('refuses, naming the sheet, when an issue names a sheet the file does not have', async () => {
    const book = new ExcelJS.Workbook()
    book.addWorksheet('Sheet1').getCell('A1').value = 1
    const source = Buffer.from(await book.xlsx.writeBuffer())
    await expect(
      buildErrorWorkbook(source, [issue('B2', 'error', '姓名必填')], { unitName: '局', now: new Date() }),
    ).rejects.toThrow(/没有工作表“名单”/)
  })
})
