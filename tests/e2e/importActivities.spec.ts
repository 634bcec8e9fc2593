// 表3 through the import screen: a school's 活动登记 + 参与名单 workbook, one bad participant row,
// commit, and the month turns green on the dashboard.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { makeId } from '../support/people'
import { expect, test } from './harness'

const MA = makeId('622901', '19850312', 1, true)
const WANG = makeId('622926', '19900701', 2, false)
const STRANGER = makeId('622923', '19880808', 4, false)

async function schoolReturn(): Promise<string> {
  const book = new ExcelJS.Workbook()
  const activities = book.addWorksheet('活动登记')
  activities.addRow(['临夏州教育系统新时代文明实践志愿服务活动开展情况登记表'])
  activities.addRow([
    '序号',
    '活动名称',
    '活动类别',
    '开展日期',
    '开展地点',
    '组织单位',
    '责任科室',
    '清单序号',
    '参与志愿者人数',
    '服务时长（小时）',
    '服务对象',
    '受益人数',
    '活动简介',
    '是否亮点',
    '备注',
  ])
  activities.addRow([
    1,
    '送艺下乡合唱展演',
    '送艺下乡',
    '2026-09-18',
    '广河县三甲集中学',
    '体育卫生与艺术教育科',
    '体卫艺科',
    null,
    3,
    2,
    '学生',
    260,
    '合唱与花儿',
    '是',
    null,
  ])
  const people = book.addWorksheet('参与名单')
  people.addRow(['序号', '活动名称', '开展日期', '姓名', '身份证号码', '服务时长（小时）', '备注'])
  people.addRow([1, '送艺下乡合唱展演', '2026-09-18', '马建国', MA, null, null])
  people.addRow([2, '送艺下乡合唱展演', '2026-09-18', '王芳', WANG, 3, null])
  people.addRow([3, '送艺下乡合唱展演', '2026-09-18', '赵丽', STRANGER, 2, null])
  const path = join(mkdtempSync(join(tmpdir(), 'ledger-e2e-activities-')), '广河县三甲集中学-活动登记.xlsx')
  await book.xlsx.writeFile(path)
  return path
}

test('imports a 表3 return: both sheets, the unknown participant at its cell, and the month on the dashboard', async ({
  page,
  ledger,
}) => {
  for (const [name, idNumber] of [
    ['马建国', MA],
    ['王芳', WANG],
  ])
    await ledger.call('roster.save', { fields: { name, idNumber }, mode: 'keep' })
  await ledger.open('#/import')
  await page.locator('.form-select .el-select__wrapper').click()
  await page.locator('.el-select-dropdown:visible').getByRole('option', { name: /表3/ }).click()
  await page.getByTestId('file-input').setInputFiles([await schoolReturn()])
  await page.getByRole('button', { name: '开始检查' }).click()
  await expect(page.getByTestId('import-totals')).toBeVisible()
  const rows = page.locator('.preview-files .el-table__body-wrapper tr.el-table__row')
  await expect(rows).toHaveCount(2)
  await expect(rows.filter({ hasText: '活动登记' }).first()).toContainText('可导入')
  await expect(rows.filter({ hasText: '参与名单' })).toContainText('可导入')
  await page.getByRole('tab', { name: /错误和警告/ }).click()
  const issue = page
    .locator('.issue-table .el-table__body-wrapper tr.el-table__row')
    .filter({ hasText: '不在志愿者花名册中' })
  await expect(issue).toContainText('身份证号码E4')
  await ledger.shot('import-activities-preview')

  await page.getByRole('button', { name: '导入', exact: true }).click()
  await page.getByRole('button', { name: '确认导入' }).click()
  await expect(page.getByTestId('import-result')).toContainText('导入完成：批次 1')
  const list = (await ledger.call('activities.list', { year: 2026 })) as {
    rows: { name: string; volunteerCount: number; hoursTotal: number }[]
  }
  expect(list.rows).toEqual([expect.objectContaining({ name: '送艺下乡合唱展演', volunteerCount: 2, hoursTotal: 5 })])

  await ledger.open('#/dashboard')
  await expect(page.locator('body')).toContainText('工作台')
  const stats = (await ledger.call('system.stats', { year: 2026 })) as { months: { month: number; met: boolean }[] }
  expect(stats.months[8]?.met).toBe(true)
  await ledger.shot('import-activities-dashboard')
})
