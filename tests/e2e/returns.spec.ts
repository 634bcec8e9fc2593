// 报送情况 in the built renderer against the real core (clock 2026-11-29): the units directory with
// returns imported from schools — one complete, one with a refused row, one with only 表1, one with
// nothing — filtered by county and type, and the 未报送提醒名单 exported. At 1366×768.
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { idCheckChar } from '../../src-main/core/domain'
import { expect, test, type LedgerFixture } from './harness'

test.use({ viewport: { width: 1366, height: 768 } })

function idFor(n: number): string {
  const first17 = `62290119850312${String(n).padStart(3, '0')}`
  return first17 + idCheckChar(first17)
}

async function workbook(
  ledger: LedgerFixture,
  name: string,
  sheets: Record<string, (string | number)[][]>,
): Promise<string> {
  const book = new ExcelJS.Workbook()
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(sheetName)
    for (const row of rows) sheet.addRow(row)
  }
  const path = join(ledger.dir, name)
  await book.xlsx.writeFile(path)
  return path
}

const ROSTER = ['序号', '姓名', '身份证号码', '工作单位']

test('shows who has sent 表1 and 表3, with problems, filters, and exports the reminder list', async ({
  page,
  ledger,
}) => {
  for (const [name, countyCode, kind, note] of [
    ['临夏州中学', '622901', '高中', null],
    ['东乡县第一中学', '622926', '初中', null],
    ['和政县城关小学', '622925', '小学', null],
    ['康乐县附城小学', '622922', '小学', '联系人 张老师 0930-5512345'],
  ] as const) {
    await ledger.call('reference.unit.save', { name, countyCode, kind, note })
  }
  await ledger.call('import.run', {
    form: 'roster',
    files: [
      await workbook(ledger, '学校1.xlsx', { 花名册: [ROSTER, [1, '马建国', idFor(1), '临夏州中学']] }),
      await workbook(ledger, '学校2.xlsx', {
        花名册: [ROSTER, [1, '王芳', idFor(2), '东乡县第一中学'], [2, '马丽', '62292619900701123', '东乡县第一中学']],
      }),
      await workbook(ledger, '城关小学.xlsx', { 花名册: [ROSTER, [1, '李明', idFor(3), '和政县城关小学']] }),
    ],
  })
  await ledger.call('import.run', {
    form: 'activities',
    files: [
      await workbook(ledger, '活动.xlsx', {
        活动登记: [
          ['序号', '活动名称', '开展日期', '组织单位', '服务时长（小时）'],
          [1, '名师送教', '2026-11-20', '临夏州中学', 3],
          [2, '法治进校园', '2026-11-21', '东乡县第一中学', 2],
        ],
        参与名单: [
          ['序号', '活动名称', '开展日期', '姓名', '身份证号码', '服务时长（小时）'],
          [1, '名师送教', '2026-11-20', '马建国', idFor(1), 3],
        ],
      }),
    ],
  })

  await ledger.open('#/returns')
  const table = page.locator('.returns-table')
  const rowOf = (unit: string) => table.locator('.el-table__body-wrapper tr.el-table__row').filter({ hasText: unit })
  await expect(page.locator('.page-subtitle')).toContainText(
    '2026年度：4 个单位，已报送 2，部分报送 1，未报送 1，报表有问题 1',
  )
  await expect(rowOf('东乡县第一中学')).toContainText('退回 1 行')
  await expect(rowOf('和政县城关小学')).toContainText('部分报送')
  await expect(rowOf('康乐县附城小学')).toContainText('未报送')
  await expect(rowOf('康乐县附城小学')).toContainText('联系人 张老师')
  await expect(page.locator('.nav-menu')).toContainText('报送情况')
  await page.waitForTimeout(300)
  await ledger.shot('returns-inbox')

  await page.getByLabel('单位类型').click()
  await page.locator('.el-select-dropdown:visible li', { hasText: '小学' }).click()
  await expect(table.locator('.el-table__body-wrapper tr.el-table__row')).toHaveCount(2)

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出未报送提醒名单' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('未报送提醒名单（2026年度）-20261129.xlsx')
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(await file.path())
  const sheet = book.getWorksheet('未报送提醒名单')!
  expect([4, 5].map((row) => sheet.getRow(row).getCell(3).text)).toEqual(['康乐县附城小学', '和政县城关小学'])
  expect(sheet.getRow(6).getCell(3).text).toBe('')
})
