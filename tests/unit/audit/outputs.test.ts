// Every export and every print leaves exactly one entry in the audit history, with the output,
// its filter in Chinese, its rows and whether numbers were full. The list of output operations is
// taken from the handler table, so a new export that is not declared through outputHandler fails here.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, invoke, type OperationName } from '../../../src-main/core/api'
import { describeOutputFilter } from '../../../src-main/core/export/outputs'
import { writeSettings } from '../../../src-main/core/settings/settings'
import { seedReports, VOLUNTEERS, type ReportSeed } from '../reports/seedReports'

let seed: ReportSeed
let dir: string
beforeAll(async () => {
  seed = await seedReports('ledger-outputs-')
  // The host's Chromium is not what is tested here: any bytes stand for the PDF.
  seed.db.ctx.renderPdf = async () => new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n'))
  writeSettings(seed.db.ctx.db, { operatorName: '李会计' })
  // One highlight of 2026, so the highlights list has a row.
  seed.db.ctx.db
    .prepare("UPDATE activities SET highlight = 1, highlight_text = '送教到校' WHERE name = '新年宣讲'")
    .run()
  dir = mkdtempSync(join(tmpdir(), 'ledger-outputs-files-'))
})
afterAll(() => {
  seed.db.close()
  rmSync(dir, { recursive: true, force: true })
})

async function clerkTemplate(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('上传模板')
  sheet.getRow(1).values = ['姓名', '证件号码']
  sheet.getRow(2).values = ['{{姓名}}', '{{身份证号码}}']
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
}

/** A school's 表1 return with a bad ID number, imported, so its batch has an error workbook. */
async function batchWithIssues(): Promise<number> {
  const ctx = seed.db.ctx
  const blank = (await invoke(ctx, 'template.form', { form: 'roster' })) as { data: Uint8Array }
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(blank.data) as unknown as ArrayBuffer)
  const sheet = book.getWorksheet('花名册')!
  for (const [address, value] of Object.entries({ B4: '赵小明', C4: '男', G4: '62290119850312001X', I4: '临夏州中学' }))
    sheet.getCell(address).value = value
  const path = join(dir, '学校甲.xlsx')
  writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()))
  const result = await invoke(ctx, 'import.run', { form: 'roster', files: [path] })
  return result.batch as number
}

/** Which operations are outputs: declared through outputHandler (export/outputs.ts). */
const outputOperations = (Object.entries(api) as [OperationName, { output?: string }][])
  .filter(([, operation]) => operation.output !== undefined)
  .map(([name]) => name)

type Case = { name: OperationName; input: () => Promise<Record<string, unknown>>; output: RegExp; filter: string }

const CASES: Case[] = [
  {
    name: 'export.form',
    input: async () => ({ form: 'roster', filters: { countyCode: '临夏市' } }),
    output: /^志愿者花名册$/,
    filter: '县市 临夏市',
  },
  {
    name: 'export.form',
    input: async () => ({ form: 'hours', year: 2026, fullNumbers: true }),
    output: /^志愿服务时长统计表$/,
    filter: '年份 2026',
  },
  {
    name: 'export.form',
    input: async () => ({ form: 'activities', year: 2026 }),
    output: /活动开展情况登记表/,
    filter: '年份 2026',
  },
  { name: 'export.highlights', input: async () => ({ year: 2026 }), output: /工作亮点/, filter: '年份 2026' },
  {
    name: 'print.document',
    input: async () => ({ report: 'roster', filters: { unit: '东乡县锁南中学', q: 'wangli' } }),
    output: /^志愿者花名册$/,
    filter: '单位 东乡县锁南中学、查询“wangli”',
  },
  {
    name: 'print.pdf',
    input: async () => ({ report: 'monthly', from: '2026-01-01', to: '2026-06-30', filters: { task: '送教下乡' } }),
    output: /月度统计表/,
    filter: '期间 2026-01-01 至 2026-06-30、活动类别 送教下乡',
  },
  {
    name: 'certificates.issue',
    input: async () => ({ volunteers: [VOLUNTEERS.ma.idNumber], year: 2026, out: join(dir, '证明.pdf') }),
    output: /^志愿服务证明/,
    filter: '年份 2026、志愿者 1 人',
  },
  {
    name: 'fill.template',
    input: async () => ({ template: { name: '上传模板.xlsx', data: await clerkTemplate() }, form: 'roster' }),
    output: /^自定义模板“上传模板.xlsx”$/,
    filter: '无',
  },
  {
    name: 'import.errors',
    input: async () => ({ batch: await batchWithIssues() }),
    output: /^退回学校的工作簿 1 份$/,
    filter: '导入批次',
  },
]

const outputEntries = async () => (await invoke(seed.db.ctx, 'audit.list', { entity: 'output' })).rows

describe('the audit history of outputs', () => {
  it('knows every export and print of the handler table as an output (the blank template holds no records)', () => {
    const looksLikeOutput = Object.keys(api).filter(
      (name) => /^(export|print|fill)\./.test(name) || name === 'import.errors' || name === 'certificates.issue',
    )
    expect(outputOperations.sort()).toEqual(looksLikeOutput.sort())
    expect(new Set(CASES.map((testCase) => testCase.name))).toEqual(new Set(outputOperations))
  })

  for (const testCase of CASES) {
    it(`${testCase.name} writes exactly one entry: output, filter, rows, numbers`, async () => {
      const input = await testCase.input()
      const before = (await outputEntries()).length
      await invoke(seed.db.ctx, testCase.name, input as never)
      const entries = await outputEntries()
      expect(entries).toHaveLength(before + 1)
      const entry = entries[0]!
      const after = entry.after as { output: string; filter: string; rows: number; fullNumbers: boolean }
      expect(entry.operator).toBe('李会计')
      expect(after.output).toMatch(testCase.output)
      expect(after.filter.startsWith(testCase.filter)).toBe(true)
      expect(after.rows).toBeGreaterThan(0)
      expect(after.fullNumbers).toBe(input.fullNumbers === true)
      expect(entry.summary).toContain(`共 ${after.rows} 行`)
      expect(entry.summary).toContain(input.fullNumbers === true ? '含完整身份证号码' : '号码打码')
      expect(JSON.stringify(entry)).not.toContain(VOLUNTEERS.ma.idNumber)
    })
  }

  it('counts the rows the output holds and names the filter in the summary', async () => {
    const result = await invoke(seed.db.ctx, 'export.form', { form: 'roster', filters: { countyCode: '临夏市' } })
    const [entry] = await outputEntries()
    expect(entry).toMatchObject({
      action: 'export',
      actionLabel: '导出',
      summary: `导出“志愿者花名册”（县市 临夏市）号码打码，共 ${result.rows} 行`,
    })
  })

  it('records nothing when certificates are issued without printing them (the print records itself)', async () => {
    const before = (await outputEntries()).length
    await invoke(seed.db.ctx, 'certificates.issue', { volunteers: [VOLUNTEERS.wang.idNumber], year: 2026 })
    expect(await outputEntries()).toHaveLength(before)
  })

  it('says 无 for an output without a filter', () => {
    expect(describeOutputFilter({})).toBe('无')
    expect(describeOutputFilter({ year: 2026, filters: { countyCode: '622927', unit: '临夏州中学' } })).toBe(
      '年份 2026、县市 积石山保安族东乡族撒拉族自治县、单位 临夏州中学',
    )
  })
})
