// Mapping a column by hand, remembering it, and the error workbooks sent back to schools.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { PEOPLE } from '../../fixtures/generate'
import { makeFixtures, openLedger, storedIds, type FixturePaths, type Ledger } from './support'

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

async function loadWorkbook(data: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(data as unknown as ArrayBuffer)
  return workbook
}

describe('column mapping by hand', () => {
  it('asks for a required column it cannot find, imports once mapped, and remembers the mapping', async () => {
    const first = await invoke(ledger.ctx, 'import.preview', { form: 'roster', files: [fixtures.paths.unmapped] })
    expect(first.files[0]).toMatchObject({ status: 'failed', needsMapping: true, missing: ['身份证号码'], headers: ['序号', '姓名', '证件号码', '工作单位'], headerRow: 1 })
    const mapped = await invoke(ledger.ctx, 'import.preview', {
      form: 'roster', files: [fixtures.paths.unmapped], mappings: [{ fileIndex: 0, columns: { 身份证号码: 3 } }],
    })
    expect(mapped.files[0]).toMatchObject({ status: 'imported', mappingSource: 'manual', rows: 1, accepted: 1 })
    const again = await invoke(ledger.ctx, 'import.run', { form: 'roster', files: [fixtures.paths.unmapped] })
    expect(again.files[0]).toMatchObject({ status: 'imported', accepted: 1 })
    expect(storedIds(ledger.ctx)).toEqual([PEOPLE.qi.idNumber])
  })

  it('lets a detected column be unmapped', async () => {
    const preview = await invoke(ledger.ctx, 'import.preview', {
      form: 'roster', files: [fixtures.paths.standard], mappings: [{ fileIndex: 0, columns: { 联系电话: null } }],
    })
    expect(preview.files[0]?.mapping['联系电话']).toBeUndefined()
    await invoke(ledger.ctx, 'import.commit', { previewId: preview.previewId })
    const phones = ledger.ctx.db.prepare('SELECT count(*) AS n FROM volunteers WHERE phone IS NOT NULL').get() as { n: number }
    expect(phones.n).toBe(0)
  })

  it('refuses to commit a preview twice or one that does not exist', async () => {
    const preview = await invoke(ledger.ctx, 'import.preview', { form: 'roster', files: [fixtures.paths.standard] })
    await invoke(ledger.ctx, 'import.commit', { previewId: preview.previewId })
    await expect(invoke(ledger.ctx, 'import.commit', { previewId: preview.previewId })).rejects.toThrow(/预览已过期或不存在/)
  })
})

describe('error workbooks', () => {
  it('copies each file with problems, bad cells red with the reason, warnings yellow', async () => {
    const result = await invoke(ledger.ctx, 'import.run', { form: 'roster', files: Object.values(fixtures.paths) })
    const { workbooks } = await invoke(ledger.ctx, 'import.errors', { batch: result.batch as number })
    expect(workbooks.map((workbook) => workbook.name)).toEqual(['02-东乡县锁南中学（错误标注）.xlsx', '03-重复与补充（错误标注）.xlsx'])
    const messy = await loadWorkbook(workbooks[0]?.data as Uint8Array)
    const sheet = messy.getWorksheet('Sheet1') as ExcelJS.Worksheet
    const fill = (address: string) => (sheet.getCell(address).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb
    expect(fill('C9')).toBe('FFFF7C80')
    expect(String(sheet.getCell('C9').note)).toMatch(/第 9 行“身份证号码”.*文本/)
    expect(fill('D11')).toBe('FFFFFF00')
    expect(fill('E11')).toBe('FFFFFF00')
    expect(fill('C5')).not.toBe('FFFF7C80')
    // The school's own layout is kept: its 填表说明 sheet, its header, its rows.
    expect(messy.worksheets.map((worksheet) => worksheet.name)).toEqual(['填表说明', 'Sheet1'])
    expect(sheet.getCell('B5').value).toBe(PEOPLE.liu.name)
    const repeats = await loadWorkbook(workbooks[1]?.data as Uint8Array)
    expect(String(repeats.getWorksheet('名单')?.getCell('A3').note)).toMatch(/姓名不同/)
  })

  it('writes them into a folder the clerk chose', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ledger-errors-'))
    try {
      const result = await invoke(ledger.ctx, 'import.run', { form: 'roster', files: [fixtures.paths.messy, fixtures.paths.standard] })
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
