// Mapping a column by hand, remembering it, and the error workbooks sent back to schools.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { PEOPLE } from '../../fixtures/generate'
import { makeFixtures, openLedger, storedIds, type FixturePaths, type Ledger } from './support'
import { ERROR_FILL, WARNING_FILL } from '../../../src-main/core/import/errorWorkbook'
import { fillOf, loadBook, noteText, summaryRows } from './errorBook'

let fixtures: { dir: string; paths: FixturePaths }
let ledger: Ledger

beforeAll(async () => {
  fixtures = await makeFixtures()
})
afterAll(() => rmSync(fixtures.dir, { recursive: true, force: true }))
beforeEach(() => {
  ledger = openLedger()
})
afterEach(() => ledger.close())

describe('column mapping by hand', () => {
  it('asks for a required column it cannot find, imports once mapped, and remembers the mapping', async () => {
    const first = await invoke(ledger.ctx, 'import.preview', { form: 'roster', files: [fixtures.paths.unmapped] })
    expect(first.files[0]).toMatchObject({
      status: 'failed',
      needsMapping: true,
      missing: ['身份证号码'],
      headers: ['序号', '姓名', '证件号码', '工作单位'],
      headerRow: 1,
    })
    const mapped = await invoke(ledger.ctx, 'import.preview', {
      form: 'roster',
      files: [fixtures.paths.unmapped],
      mappings: [{ fileIndex: 0, columns: { 身份证号码: 3 } }],
    })
    expect(mapped.files[0]).toMatchObject({ status: 'imported', mappingSource: 'manual', rows: 1, accepted: 1 })
    const again = await invoke(ledger.ctx, 'import.run', { form: 'roster', files: [fixtures.paths.unmapped] })
    expect(again.files[0]).toMatchObject({ status: 'imported', accepted: 1 })
    expect(storedIds(ledger.ctx)).toEqual([PEOPLE.qi.idNumber])
  })

  it('lets a detected column be unmapped', async () => {
    const preview = await invoke(ledger.ctx, 'import.preview', {
      form: 'roster',
      files: [fixtures.paths.standard],
      mappings: [{ fileIndex: 0, columns: { 联系电话: null } }],
    })
    expect(preview.files[0]?.mapping['联系电话']).toBeUndefined()
    await invoke(ledger.ctx, 'import.commit', { previewId: preview.previewId })
    const phones = ledger.ctx.db.prepare('SELECT count(*) AS n FROM volunteers WHERE phone IS NOT NULL').get() as {
      n: number
    }
    expect(phones.n).toBe(0)
  })

  it('refuses to commit a preview twice or one that does not exist', async () => {
    const preview = await invoke(ledger.ctx, 'import.preview', { form: 'roster', files: [fixtures.paths.standard] })
    await invoke(ledger.ctx, 'import.commit', { previewId: preview.previewId })
    await expect(invoke(ledger.ctx, 'import.commit', { previewId: preview.previewId })).rejects.toThrow(
      /预览已过期或不存在/,
    )
  })
})

describe('error workbooks', () => {
  it('copies each file with problems, bad cells red with the reason, warnings yellow; a file it could not read gets a reply', async () => {
    const result = await invoke(ledger.ctx, 'import.run', { form: 'roster', files: Object.values(fixtures.paths) })
    const { workbooks } = await invoke(ledger.ctx, 'import.errors', { batch: result.batch as number })
    expect(workbooks.map((workbook) => [workbook.name, workbook.kind])).toEqual([
      ['02-东乡县锁南中学（错误标注）.xlsx', 'marked'],
      ['03-重复与补充（错误标注）.xlsx', 'marked'],
      ['04-旧格式（问题说明）.xlsx', 'reply'],
      ['05-损坏（问题说明）.xlsx', 'reply'],
      ['06-截断（问题说明）.xlsx', 'reply'],
      ['07-名单（问题说明）.xlsx', 'reply'],
      ['08-证件号码列（问题说明）.xlsx', 'reply'],
      ['09-WPS表格（问题说明）.xlsx', 'reply'],
    ])
    const messy = await loadBook(workbooks[0]?.data as Uint8Array)
    const sheet = messy.getWorksheet('Sheet1') as ExcelJS.Worksheet
    expect(fillOf(sheet.getCell('C9'))).toBe(ERROR_FILL)
    expect(noteText(sheet.getCell('C9'))).toMatch(/^错误：.*文本/)
    expect(fillOf(sheet.getCell('D11'))).toBe(WARNING_FILL)
    expect(fillOf(sheet.getCell('E11'))).toBe(WARNING_FILL)
    expect(fillOf(sheet.getCell('C5'))).toBeUndefined()
    // The school's own layout is kept: its 填表说明 sheet, its header, its rows; 问题汇总 comes first.
    expect(messy.worksheets.map((worksheet) => worksheet.name)).toEqual(['问题汇总', '填表说明', 'Sheet1'])
    expect(sheet.getCell('B5').value).toBe(PEOPLE.liu.name)
    const repeats = await loadBook(workbooks[1]?.data as Uint8Array)
    expect(noteText(repeats.getWorksheet('名单')!.getCell('A3'))).toMatch(/姓名与本行不同/)
    // A legacy .xls is answered with why and what to do; a missing ID column names it.
    expect(summaryRows(await loadBook(workbooks[2]?.data as Uint8Array))).toEqual([
      ['', '', '', '错误', expect.stringMatching(/旧版 \.xls/), expect.stringMatching(/另存为 \.xlsx.*重新报送/)],
    ])
    expect(summaryRows(await loadBook(workbooks[6]?.data as Uint8Array))[0]?.[4]).toMatch(/找不到必填列“身份证号码”/)
  })

  it('writes them into a folder the clerk chose', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ledger-errors-'))
    try {
      const result = await invoke(ledger.ctx, 'import.run', {
        form: 'roster',
        files: [fixtures.paths.messy, fixtures.paths.standard],
      })
      const { workbooks } = await invoke(ledger.ctx, 'import.errors', { batch: result.batch as number, outDir: out })
      expect(readdirSync(out)).toEqual(['02-东乡县锁南中学（错误标注）.xlsx'])
      expect(workbooks[0]?.path).toBe(join(out, '02-东乡县锁南中学（错误标注）.xlsx'))
      expect(readFileSync(join(out, '02-东乡县锁南中学（错误标注）.xlsx')).subarray(0, 2).toString()).toBe('PK')
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })

  it('can be made from a preview before anything is committed', async () => {
    const preview = await invoke(ledger.ctx, 'import.preview', { form: 'roster', files: [fixtures.paths.messy] })
    const { workbooks } = await invoke(ledger.ctx, 'import.errors', { previewId: preview.previewId })
    expect(workbooks).toHaveLength(1)
  })
})
