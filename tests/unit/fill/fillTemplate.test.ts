// The clerk's own template: one placeholder row repeated per record in its style, everything else
// kept — a logo image, merged title and footer, print setup, a second sheet.
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { mergesOf, readWorkbook } from '../export/helpers'
import { seedReports, VOLUNTEERS, type ReportSeed } from '../reports/seedReports'
import { png } from '../../support/png'

async function clerkTemplate(row: string[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('上传模板', { pageSetup: { orientation: 'landscape', paperSize: 9 } })
  sheet.getCell('A1').value = '全国志愿服务信息系统 批量导入'
  sheet.mergeCells('A1:E1')
  sheet.addImage(
    workbook.addImage({
      buffer: Buffer.from(png(8, 8, [128, 128, 128])) as unknown as ExcelJS.Buffer,
      extension: 'png',
    }),
    'F1:F1',
  )
  sheet.getRow(2).values = ['序号', '姓名', '证件号码', '单位', '时长']
  sheet.getRow(3).values = row
  sheet.getCell('C3').numFmt = '@'
  sheet.getCell('B3').font = { name: '仿宋', size: 12, color: { argb: 'FF0000FF' } }
  sheet.getCell('A5').value = '制表：'
  sheet.mergeCells('A5:E5')
  workbook.addWorksheet('说明').getCell('A1').value = '请勿修改表头'
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
}

let seed: ReportSeed
beforeAll(async () => {
  seed = await seedReports('ledger-fill-')
})
afterAll(() => seed.db.close())

const fill = async (data: Uint8Array, input: Record<string, unknown>) => {
  const result = await invoke(seed.db.ctx, 'fill.template', {
    template: { name: '上传模板.xlsx', data },
    ...input,
  } as never)
  if (!('data' in result)) throw new Error('expected bytes')
  return { result, workbook: await readWorkbook(result.data) }
}

describe('fill --template', () => {
  it('repeats the placeholder row per volunteer in its style and keeps the rest', async () => {
    const data = await clerkTemplate(['{{序号}}', '{{姓名}}', '{{身份证号码}}', '{{工作单位}}', '{{累计服务时长}}'])
    const { result, workbook } = await fill(data, { form: 'roster' })
    expect(result.rows).toBe(3)
    const sheet = workbook.getWorksheet('上传模板')
    if (!sheet) throw new Error('sheet gone')
    const rows = [3, 4, 5].map((row) => [1, 2, 3, 4, 5].map((column) => sheet.getCell(row, column).value))
    const ma = rows.find((row) => row[1] === '马建国')
    expect(ma).toEqual([
      expect.any(Number),
      '马建国',
      `622901********${VOLUNTEERS.ma.idNumber.slice(-4)}`,
      '临夏州中学',
      6,
    ])
    expect(rows.map((row) => row[0])).toEqual([1, 2, 3])
    for (const row of [3, 4, 5]) {
      expect(sheet.getCell(row, 2).font).toMatchObject({ name: '仿宋', color: { argb: 'FF0000FF' } })
      expect(sheet.getCell(row, 3).numFmt).toBe('@')
    }
    expect(sheet.getCell('A7').value).toBe('制表：')
    expect(mergesOf(sheet)).toEqual(expect.arrayContaining(['A1:E1', 'A7:E7']))
    expect(sheet.getImages()).toHaveLength(1)
    expect(sheet.pageSetup.orientation).toBe('landscape')
    expect(workbook.getWorksheet('说明')?.getCell('A1').value).toBe('请勿修改表头')
  })

  it('fills 表4 hours for a year, with text around a placeholder', async () => {
    const data = await clerkTemplate([
      '{{序号}}',
      '{{姓名}}',
      '{{身份证号码}}',
      '{{工作单位}}',
      '共{{累计服务时长}}小时',
    ])
    const { workbook } = await fill(data, { form: 'hours', year: 2026 })
    const sheet = workbook.getWorksheet('上传模板')
    expect([3, 4, 5].map((row) => [sheet?.getCell(row, 2).value, sheet?.getCell(row, 5).value])).toEqual([
      ['何志强', '共6.5小时'],
      ['马建国', '共3小时'],
      ['王丽', '共1.5小时'],
    ])
  })

  it('names the unknown placeholders and lists the known ones', async () => {
    const data = await clerkTemplate(['{{序号}}', '{{名字}}', '{{身份证号码}}', '{{单位}}', ''])
    await expect(fill(data, { form: 'roster' })).rejects.toThrow(
      /不认识的占位符：\{\{名字\}\}、\{\{单位\}\}。可用的占位符：.*\{\{姓名\}\}.*\{\{累计服务时长\}\}/,
    )
  })

  it('refuses a template without placeholders', async () => {
    const data = await clerkTemplate(['1', '2', '3', '4', '5'])
    await expect(fill(data, { form: 'roster' })).rejects.toThrow(/没有找到占位符/)
  })
})
