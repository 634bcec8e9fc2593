// Returns laid out by other tools (openpyxl, a school system's export, WPS): the report names the
// sheet the school really has, a merged 工作单位 reaches every row it covers, and every bad row is
// reported at its sheet, row and cell.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import {
  OTHER_TOOL_EXPECTED,
  OTHER_TOOL_FILES,
  PEOPLE_BY_FILE,
  UNITS,
  generateOtherToolReturns,
  type OtherToolKey,
} from '../../fixtures/otherTools'
import { xlsxParts, zipParts } from '../../fixtures/rawXlsx'
import { readWorkbook } from '../export/helpers'
import { openLedger, type Ledger } from './support'

let dir: string
let paths: Record<OtherToolKey, string>
let ledger: Ledger
const KEYS = Object.keys(OTHER_TOOL_FILES) as OtherToolKey[]

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-other-tools-'))
  paths = generateOtherToolReturns(dir)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))
beforeEach(() => {
  ledger = openLedger()
})
afterEach(() => ledger.close())

function unitOf(idNumber: string): string | null | undefined {
  return (
    ledger.ctx.db.prepare('SELECT unit FROM volunteers WHERE id_number = ?').get(idNumber) as
      { unit: string | null } | undefined
  )?.unit
}

describe('returns written by other tools', () => {
  it.each(KEYS)('%s: the report names the real sheet and counts every row', async (key) => {
    const result = await invoke(ledger.ctx, 'import.run', { form: 'roster', files: [paths[key]] })
    const expected = OTHER_TOOL_EXPECTED[key]
    expect(result.files[0]).toMatchObject({
      status: 'imported',
      sheet: expected.sheet,
      headerRow: expected.headerRow,
      rows: expected.rows,
      accepted: expected.rows - expected.rejected,
      rejected: expected.rejected,
      warnings: expected.warnings,
    })
  })

  it.each(KEYS)('%s: every bad row is reported at its sheet, row and cell', async (key) => {
    const result = await invoke(ledger.ctx, 'import.preview', { form: 'roster', files: [paths[key]] })
    const expected = OTHER_TOOL_EXPECTED[key]
    expect(result.issues.map((issue) => `${issue.row}:${issue.cell}:${issue.column}:${issue.level}`)).toEqual(
      expected.issues,
    )
    for (const issue of result.issues) {
      expect(issue.sheet).toBe(expected.sheet)
      expect(issue.message).toMatch(new RegExp(`^第 ${issue.row} 行“${issue.column}”：`))
    }
  })

  it.each(KEYS)('%s: the merged 工作单位 reaches every row it covers', async (key) => {
    await invoke(ledger.ctx, 'import.run', { form: 'roster', files: [paths[key]] })
    const firstDataRow = OTHER_TOOL_EXPECTED[key].headerRow + 1
    const stored = PEOPLE_BY_FILE[key].filter((_, index) =>
      OTHER_TOOL_EXPECTED[key].unitRows.includes(firstDataRow + index),
    )
    expect(stored.length).toBe(OTHER_TOOL_EXPECTED[key].unitRows.length)
    for (const person of stored) expect(unitOf(person.idNumber)).toBe(UNITS[key])
  })

  it('the error workbook sent back marks every bad cell on the real sheet', async () => {
    const preview = await invoke(ledger.ctx, 'import.preview', { form: 'roster', files: KEYS.map((key) => paths[key]) })
    expect(preview.files.map((file) => [basename(file.file), file.sheet])).toEqual(
      KEYS.map((key) => [OTHER_TOOL_FILES[key], OTHER_TOOL_EXPECTED[key].sheet]),
    )
    const { workbooks } = await invoke(ledger.ctx, 'import.errors', { previewId: preview.previewId })
    expect(workbooks.map((workbook) => workbook.file).map((file) => basename(file))).toEqual(
      KEYS.map((key) => OTHER_TOOL_FILES[key]),
    )
    // The x:-prefixed export is not one exceljs can load for copying (errorWorkbook.ts); the two others are.
    for (const key of ['openpyxl', 'wps'] as const) {
      const book = await readWorkbook(workbooks[KEYS.indexOf(key)]?.data as Uint8Array)
      const sheet = book.getWorksheet(OTHER_TOOL_EXPECTED[key].sheet)
      for (const issue of OTHER_TOOL_EXPECTED[key].issues) {
        const cell = issue.split(':')[1] as string
        expect(sheet?.getCell(cell).note, `${key} ${cell}`).toBeTruthy()
      }
    }
  })

  it('a sheet whose part is missing fails that file with the sheet named, and the others still import', async () => {
    const parts = xlsxParts({
      order: 'sheets-first',
      sheets: [
        { name: '填表说明', rows: [['说明']] },
        {
          name: '花名册',
          rows: [
            ['姓名', '身份证号码'],
            ['马', PEOPLE_BY_FILE.wps[0]!.idNumber],
          ],
        },
      ],
    })
    const broken = join(dir, '缺少工作表.xlsx')
    writeFileSync(broken, zipParts(parts.filter((part) => part.name !== 'xl/worksheets/sheet2.xml')))
    const result = await invoke(ledger.ctx, 'import.run', { form: 'roster', files: [broken, paths.wps] })
    expect(result.files[0]).toMatchObject({ status: 'failed' })
    expect(result.files[0]?.error).toMatch(
      /^工作簿已损坏：工作表“花名册”的数据部分（xl\/worksheets\/sheet2\.xml）不在文件里/,
    )
    expect(result.files[1]).toMatchObject({ status: 'imported', sheet: '花名册' })
  })
})
