// 表4 and 表5 as Excel files, read back and checked against FORMS.md: the shared layout, the period
// in the title, the filter on the 填报单位 line, the 合计 rows, masked numbers by default.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { dataRowsOf, headersOf, mergesOf, partXml, readWorkbook, sheetOf } from '../export/helpers'
import { FONTS, HEADER_FILL_COLOR } from '../../../src-main/core/xlsx/writeStyles'
import { BUREAU, seedReports, VOLUNTEERS, type ReportSeed } from './seedReports'

let seed: ReportSeed
beforeAll(async () => {
  seed = await seedReports('ledger-report-export-')
})
afterAll(() => seed.db.close())

async function exported(input: Record<string, unknown>) {
  const result = await invoke(seed.db.ctx, 'export.form', input as never)
  if (!('data' in result)) throw new Error('expected bytes')
  return { result, workbook: await readWorkbook(result.data) }
}

describe('表4 export', () => {
  it('writes the shared layout: title with the period, unit line, headers, A4 landscape, footer', async () => {
    const { result, workbook } = await exported({ form: 'hours', year: 2026 })
    expect(result.fileName).toMatch(/^志愿服务时长统计表（2026年度）-\d{8}\.xlsx$/)
    const sheet = sheetOf(workbook, '时长统计')
    expect(sheet.getCell('A1').value).toBe('临夏州教育系统新时代文明实践志愿服务时长统计表（2026年度）')
    expect(mergesOf(sheet)).toContain('A1:I1')
    expect(sheet.getCell('A2').value).toBe(`填报单位（盖章）：${BUREAU}`)
    expect(headersOf(sheet)).toEqual([
      '序号',
      '姓名',
      '性别',
      '工作单位',
      '所在县市',
      '身份证号码',
      '参加活动次数',
      '累计服务时长（小时）',
      '备注',
    ])
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '1:3' })
    expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页')
    const footer = sheet.getCell(9, 1).value
    expect(footer).toBe('单位负责人：')
  })

  it('styles it as every form: 黑体 grey header, 仿宋 bordered data, ID numbers as text, frozen header, filter', async () => {
    const { workbook } = await exported({ form: 'hours', year: 2026 })
    const sheet = sheetOf(workbook, '时长统计')
    const header = sheet.getCell('F3')
    expect(header.font).toMatchObject({ name: FONTS.header.name, bold: true, size: 11 })
    expect(header.fill).toMatchObject({ fgColor: { argb: HEADER_FILL_COLOR } })
    expect(header.border?.top?.style).toBe('thin')
    const id = sheet.getCell('F4')
    expect(id.font).toMatchObject({ name: FONTS.body.name })
    expect(id.border?.left?.style).toBe('thin')
    expect(typeof id.value).toBe('string')
    expect(id.numFmt).toBe('@')
    expect(sheet.getCell('H4').alignment).toMatchObject({ horizontal: 'right' })
    expect(sheet.getCell('A1').font).toMatchObject({ name: FONTS.title.name, size: 18, bold: true })
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 })
    expect(sheet.autoFilter).toBe('A3:I7')
  })

  it('lists the volunteers by hours with masked ID numbers as text, then a 合计 row without a 序号', async () => {
    const { result, workbook } = await exported({ form: 'hours', year: 2026 })
    const rows = dataRowsOf(sheetOf(workbook, '时长统计'))
    expect(rows.map((row) => [row[0], row[1], row[6], row[7]])).toEqual([
      [1, '何志强', 2, 6.5],
      [2, '马建国', 2, 3],
      [3, '王丽', 1, 1.5],
    ])
    expect(rows[1]?.[5]).toBe(`622901********${VOLUNTEERS.ma.idNumber.slice(-4)}`)
    const sheet = sheetOf(workbook, '时长统计')
    expect([
      sheet.getCell(7, 1).value,
      sheet.getCell(7, 2).value,
      sheet.getCell(7, 4).value,
      sheet.getCell(7, 7).value,
      sheet.getCell(7, 8).value,
    ]).toEqual([null, '合计', '3 人', 5, 11])
    expect(result.rows).toBe(3)
    expect(partXml(result.data, 'xl/sharedStrings.xml')).not.toContain(VOLUNTEERS.ma.idNumber)
  })

  it('writes the filter on the 填报单位 line', async () => {
    const { workbook } = await exported({
      form: 'hours',
      year: 2026,
      filters: { countyCode: '622901', task: '教育宣讲' },
    })
    expect(sheetOf(workbook, '时长统计').getCell('A2').value).toBe(
      `填报单位（盖章）：${BUREAU}（统计范围：临夏市 · 教育宣讲）`,
    )
  })

  it('writes full numbers only when chosen, and records that in the audit history', async () => {
    const { workbook } = await exported({ form: 'hours', year: 2026, fullNumbers: true })
    expect(dataRowsOf(sheetOf(workbook, '时长统计'))[1]?.[5]).toBe(VOLUNTEERS.ma.idNumber)
    const audit = await invoke(seed.db.ctx, 'audit.list', { entity: 'output' })
    expect(audit.rows[0]).toMatchObject({
      action: 'export-full-numbers',
      after: { output: '志愿服务时长统计表', rows: 3 },
    })
  })
})

describe('表5 export', () => {
  it('月度统计: twelve months and a 合计, 是否达标 as 是/否', async () => {
    const { workbook } = await exported({ form: 'monthly', year: 2026 })
    const sheet = sheetOf(workbook, '月度统计')
    expect(sheet.getCell('A1').value).toBe('临夏州教育系统新时代文明实践志愿服务月度统计表（2026年度）')
    expect(headersOf(sheet)).toEqual(['月份', '开展活动次数', '参与志愿者人次', '服务时长合计', '受益人数', '是否达标'])
    const rows = dataRowsOf(sheet)
    expect(rows).toHaveLength(13)
    expect(rows[0]).toEqual(['2026年1月', 1, 2, 6, 200, '是'])
    expect(rows[1]).toEqual(['2026年2月', 0, 0, 0, 0, '否'])
    expect(rows[12]).toEqual(['合计', 3, 5, 11, 280, '3/12 个月达标'])
    expect(sheet.pageSetup.orientation).toBe('portrait')
  })

  it('年度统计: three sheets, 完成率 as a percentage, "—" where the checklist cannot be split', async () => {
    const { workbook } = await exported({ form: 'yearly', year: 2026 })
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '年度统计（责任科室）',
      '年度统计（活动类别）',
      '年度统计（所在县市）',
    ])
    const departments = sheetOf(workbook, '年度统计（责任科室）')
    expect(departments.getCell('A1').value).toBe(
      '临夏州教育系统新时代文明实践志愿服务年度统计表（2026年度·按责任科室）',
    )
    expect(headersOf(departments)).toEqual([
      '单位',
      '清单计划数',
      '已开展数',
      '完成率',
      '开展活动次数',
      '参与人次',
      '服务时长',
      '受益人数',
    ])
    const rows = dataRowsOf(departments)
    expect(rows.find((row) => row[0] === '基础教育科')).toEqual(['基础教育科', 1, 1, 1, 2, 3, 7, 230])
    expect(rows.at(-1)).toEqual(['合计', 3, 2, 2 / 3, 3, 5, 11, 280])
    expect(departments.getCell(4, 4).numFmt).toBe('0.0%')
    const counties = dataRowsOf(sheetOf(workbook, '年度统计（所在县市）'))
    expect(counties[0]).toEqual(['临夏市', '—', '—', '—', 1, 2, 6, 200])
  })
})

describe('export on the command line', () => {
  it('export --form hours --year --county --out writes the file', () => {
    const out = join(seed.db.dir, '时长.xlsx')
    const run = spawnSync(
      join('node_modules', '.bin', 'tsx'),
      [
        'src-main/cli/main.ts',
        'export',
        '--form',
        'hours',
        '--year',
        '2026',
        '--county',
        '临夏市',
        '--out',
        out,
        '--db',
        seed.db.ctx.dbPath,
        '--json',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    )
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)).toEqual({ file: out, rows: 1 })
    expect(readFileSync(out).byteLength).toBeGreaterThan(1000)
  })
})
