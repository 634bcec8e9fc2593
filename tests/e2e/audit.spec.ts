// 操作记录 speaks Chinese: labels for the core's codes, filters by kind of record, operator and
// days, and an entry without field details opens on its full summary.
import { expect, test } from './harness'
import { ACTIVITIES, seedYear } from './seedYear'

test('the audit log shows Chinese labels, filters by type, operator and days, and summaries', async ({
  page,
  ledger,
}) => {
  await ledger.call('settings.save', { operatorName: '李娟' })
  const seeded = await seedYear(ledger)
  await ledger.call('roster.delete', { ids: [seeded.volunteerIds[0]] })

  await ledger.open('#/audit')
  const table = page.locator('.audit-table')
  const rows = table.locator('.el-table__body-wrapper tr.el-table__row')
  await expect(rows.first()).toContainText('移入回收站')
  for (const code of ['import_batch', 'plan_item', 'activity', 'volunteer', 'create'])
    await expect(table).not.toContainText(code)
  await expect(table).toContainText('清单项目')

  // 对象类型 = 活动: the eight activities recorded.
  await page.locator('.page-toolbar .el-select').nth(1).click()
  await page.locator('.el-select-dropdown:visible').getByRole('option', { name: '活动', exact: true }).click()
  await expect(rows).toHaveCount(ACTIVITIES.length)
  await expect(rows.first()).toContainText('登记活动')
  await page.getByRole('button', { name: '清空条件' }).click()

  await page.locator('.page-toolbar .el-select').nth(0).click()
  await page.locator('.el-select-dropdown:visible').getByRole('option', { name: '李娟', exact: true }).click()
  await expect(page.locator('.el-pagination')).toContainText('共 29 条')

  // The day the harness lives on (2026-11-29), then days with nothing recorded.
  const pick = async (from: string, to: string) => {
    for (const [label, value] of [
      ['开始日期', from],
      ['结束日期', to],
    ]) {
      const input = page.locator(`.days input[aria-label="${label}"]`)
      await input.fill(value!)
      await input.press('Enter')
    }
    await page.keyboard.press('Escape')
  }
  await pick('2026-11-29', '2026-11-29')
  await expect(page.locator('.el-pagination')).toContainText('共 29 条')
  await pick('2026-11-01', '2026-11-28')
  await expect(table).toContainText('没有符合条件的操作记录')
  await pick('2026-11-01', '2026-11-30')
  await expect(page.locator('.el-pagination')).toContainText('共 29 条')

  // A delete has no field details: its row opens on the summary, not a placeholder.
  await rows.first().locator('.el-table__expand-icon').click()
  await expect(page.getByTestId('audit-summary').first()).toHaveText(/^将志愿者 \S+ 移入回收站\s*$/)
  await expect(table).not.toContainText('此操作没有字段明细')
  await page.waitForTimeout(300)
  await ledger.shot('audit-filtered')
})
