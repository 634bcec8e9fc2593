// 工作台's charts and the 统计 screen in the built renderer against the real core (clock fixed at
// 2026-11-29 by the harness; the year of seedYear.ts: no activity in April, July or August).
import ExcelJS from 'exceljs'
import type { Locator, Page } from '@playwright/test'
import { expect, test, type LedgerFixture } from './harness'
import { ACTIVITIES, seedYear } from './seedYear'

function chart(page: Page, title: string): Locator {
  return page.locator(`.stat-chart[data-chart="${title}"]`)
}

function rows(page: Page): Locator {
  return page.locator('.el-table__body-wrapper tr.el-table__row')
}

async function shot(page: Page, ledger: LedgerFixture, name: string): Promise<void> {
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 8000 })
  await page.waitForTimeout(400)
  await ledger.shot(name)
}

/** The text of an SVG label of a chart, exactly. */
function label(of: Locator, text: string): Locator {
  return of.locator('svg text').filter({ hasText: new RegExp(`^${text}$`) })
}

async function names(page: Page): Promise<string[]> {
  return rows(page).locator('td:nth-child(2)').allInnerTexts()
}

for (const [width, height] of [
  [1366, 768],
  [1920, 1080],
] as const) {
  test.describe(`${width}×${height}`, () => {
    test.use({ viewport: { width, height } })

    test('the dashboard draws every chart with data, and 统计 shows 表4 and 表5', async ({ page, ledger }) => {
      await seedYear(ledger)
      await ledger.open('#/dashboard')
      for (const title of [
        '每月开展活动次数',
        '每月服务时长与参与人次',
        '按活动类别',
        '各责任科室清单：计划、已开展、逾期',
        '按所在县市',
        '服务时长前 20 名志愿者',
        '2025 年与 2026 年对比',
      ]) {
        const one = chart(page, title)
        await expect(one.locator('svg path').first(), title).toBeAttached()
        // Bars carry their values as labels, so a chart with data has numbers drawn on it.
        await expect(
          one
            .locator('svg text')
            .filter({ hasText: /^\d+(\.\d+)?$/ })
            .first(),
          title,
        ).toBeAttached()
      }
      const months = chart(page, '每月开展活动次数')
      await expect(label(months, '4月')).toHaveAttribute('fill', '#c0392b')
      await expect(label(months, '3月')).not.toHaveAttribute('fill', '#c0392b')
      await expect(months.locator('svg text').filter({ hasText: '全年目标 12 次' })).toBeAttached()
      await expect(label(chart(page, '按活动类别'), '送教下乡')).toBeAttached()
      await page.locator('.stat-chart').first().scrollIntoViewIfNeeded()
      await shot(page, ledger, `statistics-dashboard-${width}`)
      await chart(page, '按所在县市').scrollIntoViewIfNeeded()
      await shot(page, ledger, `statistics-dashboard-lower-${width}`)

      await page.locator('.nav-menu').getByText('统计', { exact: true }).click()
      await expect(rows(page)).toHaveCount(12)
      await shot(page, ledger, `statistics-hours-${width}`)
      await page.getByRole('radio', { name: '表5 月度统计' }).click({ force: true })
      await expect(page.locator('.monthly-table')).toContainText('2026年4月')
      await expect(page.locator('.monthly-table .gap-row')).toHaveCount(5) // 4, 7, 8, and 11, 12 with nothing yet
      await shot(page, ledger, `statistics-monthly-${width}`)
      await page.getByRole('radio', { name: '表5 年度统计' }).click({ force: true })
      await expect(page.locator('[data-table="department"]')).toContainText('合计')
      await shot(page, ledger, `statistics-yearly-${width}`)
      await page.getByRole('radio', { name: '年度对比' }).click({ force: true })
      await expect(page.locator('.compare-table')).toContainText('清单完成率')
      await expect(page.locator('.compare-table tbody tr').first()).toContainText(/集中服务（次）\s*0\s*8\s*\+8/)
      await shot(page, ledger, `statistics-compare-${width}`)
    })
  })
}

test.describe('drill-down and 表4', () => {
  test.use({ viewport: { width: 1366, height: 768 } })

  test('a red month of the chart opens its empty list with the button to record one', async ({ page, ledger }) => {
    await seedYear(ledger)
    await ledger.open('#/dashboard')
    await label(chart(page, '每月开展活动次数'), '4月').click()
    await expect(page).toHaveURL(/#\/activities$/)
    await expect(page.getByTestId('linked-month')).toHaveText('工作台：2026 年 4 月')
    await expect(page.locator('.activity-table')).toContainText('2026 年 4 月没有登记活动（空档月）')
    await page.getByRole('button', { name: '登记 4 月的活动' }).click()
    const form = page.locator('.el-dialog:visible')
    await form.locator('[data-field="heldOn"] input').click()
    await expect(page.locator('.el-date-picker:visible .el-date-picker__header')).toContainText('4 月')
    await page.keyboard.press('Escape')
    await form.getByRole('button', { name: '取消', exact: true }).click()

    // A headline figure opens the year's activities, every one of them.
    await page.locator('.nav-menu').getByText('工作台').click()
    await page.locator('[data-figure="hours"]').click()
    await expect(page).toHaveURL(/#\/activities$/)
    await expect(rows(page)).toHaveCount(ACTIVITIES.length)
  })

  test('a department bar opens that department’s activities; a county cell opens the county’s', async ({
    page,
    ledger,
  }) => {
    await seedYear(ledger)
    await ledger.call('activities.save', {
      fields: {
        name: '和政县送教',
        heldOn: '2026-10-20',
        task: '送教下乡',
        departments: '教师发展科',
        county: '和政县',
        leader: '张敏',
        lateReason: '年底集中补登',
      },
      participants: [],
    })
    await ledger.open('#/dashboard')
    const departments = chart(page, '各责任科室清单：计划、已开展、逾期')
    const name = label(departments, '职教成教科')
    await departments.scrollIntoViewIfNeeded()
    await expect(name).toBeVisible()
    // The bar of 已开展 is the middle of the department's band, just right of the axis.
    const box = await name.boundingBox()
    if (!box) throw new Error('no chart layout')
    await page.mouse.click(box.x + box.width + 14, box.y + box.height / 2)
    await expect(page).toHaveURL(/#\/activities$/)
    const expected = ACTIVITIES.filter((activity) => activity.departments.includes('职教成教科'))
    await expect(rows(page)).toHaveCount(expected.length)
    for (const activity of expected) await expect(page.locator('.activity-table')).toContainText(activity.name)
    await expect(page.getByRole('combobox', { name: '责任科室' })).toBeAttached()
    await expect(page.locator('.page-toolbar')).toContainText('职教成教科')

    await page.locator('.nav-menu').getByText('工作台').click()
    const counties = chart(page, '按所在县市')
    await counties.getByRole('radio', { name: '表' }).click({ force: true })
    await expect(counties.locator('[data-cell="和政县|开展活动（次）"]')).toHaveText('1')
    await counties.locator('[data-cell="和政县|开展活动（次）"]').click()
    await expect(page.getByTestId('linked-county')).toHaveText('所在县市：和政县')
    await expect(rows(page)).toHaveCount(1)
    await expect(page.locator('.activity-table')).toContainText('和政县送教')
  })

  test('表4 sorts on the core and exports the same rows; a 表5 month opens its activities', async ({
    page,
    ledger,
  }) => {
    await seedYear(ledger)
    await ledger.open('#/statistics')
    await expect(rows(page)).toHaveCount(12)
    const byHours = await names(page)
    const hoursCells = await rows(page).locator('td:nth-child(8)').allInnerTexts()
    expect(hoursCells.map(Number)).toEqual([...hoursCells.map(Number)].sort((a, b) => b - a))

    await page.locator('.hours-table th').filter({ hasText: '姓名' }).click()
    await expect.poll(() => names(page)).not.toEqual(byHours)
    const byName = await names(page)
    const collator = new Intl.Collator('zh-Hans-CN-u-co-pinyin')
    expect(byName).toEqual([...byName].sort(collator.compare))
    await page.locator('.hours-table th').filter({ hasText: '姓名' }).click()
    await expect.poll(() => names(page)).toEqual([...byName].reverse())

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出表4' }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^志愿服务时长统计表（2026年度）-\d{8}\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(await file.path())
    const sheet = workbook.getWorksheet('时长统计')
    if (!sheet) throw new Error('no sheet 时长统计')
    const exported: string[] = []
    sheet.eachRow((row, number) => {
      const cell = String(row.getCell(2).value ?? '')
      if (number > 3 && cell && cell !== '合计' && !cell.startsWith('单位负责人')) exported.push(cell)
    })
    // The file keeps the form's order (most hours first): the screen's default order.
    expect(exported).toEqual(byHours)

    // A name opens the records behind the row: that volunteer's service record.
    await rows(page).first().locator('td:nth-child(2) a').click()
    const drawer = page.locator('.service-drawer')
    await expect(drawer).toContainText(`服务记录：${byName.at(-1)}`)
    await expect(drawer.locator('.lines-table')).toContainText('2026-')
    await drawer.getByRole('button', { name: /关闭|Close/ }).click()
    await expect(drawer).toBeHidden()

    await page.getByRole('radio', { name: '表5 月度统计' }).click({ force: true })
    await page.locator('.monthly-table a[data-month="2026-03"]').click()
    await expect(page.getByTestId('linked-month')).toHaveText('工作台：2026 年 3 月')
    await expect(rows(page)).toHaveCount(ACTIVITIES.filter((activity) => activity.month === '03').length)
  })
})
