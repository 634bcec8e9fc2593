// 工作台's charts and the 统计 screen in the built renderer against the real core (clock fixed at
// 2026-11-29 by the harness; the year of seedYear.ts: no activity in April, July or August).
import ExcelJS from 'exceljs'
import type { Locator, Page } from '@playwright/test'
import { expect, test, type LedgerFixture } from './harness'
import { ACTIVITIES, seedYear, TEAM } from './seedYear'

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
      await chart(page, '各责任科室清单：计划、已开展、逾期').scrollIntoViewIfNeeded()
      await shot(page, ledger, `statistics-dashboard-middle-${width}`)
      // As a black-and-white printer sees it: a person checks the series stay apart (palette.ts).
      const grey = await page.addStyleTag({ content: 'html { filter: grayscale(1) }' })
      await shot(page, ledger, `statistics-dashboard-grey-${width}`)
      await grey.evaluate((element) => (element as HTMLStyleElement).remove())
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

  test('a red month opens its empty list, and 登记活动 from there starts in that month', async ({ page, ledger }) => {
    await seedYear(ledger)
    await ledger.open('#/dashboard')
    await label(chart(page, '每月开展活动次数'), '4月').click()
    await expect(page).toHaveURL(/#\/activities$/)
    await expect(page.getByTestId('drill-scope')).toHaveText('2026 年 4 月开展的集中服务')
    await expect(page.locator('.activity-table')).toContainText('2026 年 4 月没有登记集中服务（空档月）')
    await shot(page, ledger, 'drill-gap-month-list')
    await page.getByRole('button', { name: '登记 4 月的活动' }).click()
    const form = page.locator('.el-dialog:visible')
    // The first day of April (today, 29 November, is not in it), as a 集中服务.
    await expect(form.locator('[data-field="heldOn"] input')).toHaveValue('2026-04-01')
    await expect(form.locator('[data-field="concentrated"] .el-select__placeholder')).toHaveText('是')
    await shot(page, ledger, 'drill-gap-month-form')
    await form.getByRole('button', { name: '取消', exact: true }).click()

    // A month of the strip opens as many 集中服务 as its cell says.
    await page.locator('.nav-menu').getByText('工作台').click()
    const march = page.locator('.programme-strip [data-month="3"]')
    const count = Number((await march.locator('.month-count').innerText()).replace(/\D/g, ''))
    expect(count).toBe(ACTIVITIES.filter((activity) => activity.month === '03').length)
    await march.click()
    await expect(page.getByTestId('drill-scope')).toHaveText('2026 年 3 月开展的集中服务')
    await expect(rows(page)).toHaveCount(count)

    // The headline figures: the year's 集中服务, and all the year's activities behind the hours.
    await page.locator('.nav-menu').getByText('工作台').click()
    await page.locator('[data-figure="activities"]').click()
    await expect(page.getByTestId('drill-scope')).toHaveText('2026 年开展的集中服务')
    await expect(rows(page)).toHaveCount(ACTIVITIES.length)
    await page.locator('.nav-menu').getByText('工作台').click()
    await page.locator('[data-figure="hours"]').click()
    await expect(page).toHaveURL(/#\/activities$/)
    await expect(page.getByTestId('drill-scope')).toHaveText('2026 年开展的活动')
    await expect(rows(page)).toHaveCount(ACTIVITIES.length)
    // Removing the tag shows the whole list again, and the form opens blank.
    await page.getByTestId('drill-scope').locator('.el-tag__close').click()
    await expect(page.getByTestId('drill-scope')).toHaveCount(0)
    await page.getByRole('button', { name: '登记活动' }).click()
    await expect(page.locator('.el-dialog:visible [data-field="heldOn"] input')).toHaveValue('')
  })

  test('a department’s bar opens as many of its activities as it shows, and 登记 carries the department', async ({
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
    // The department's band: its longest bar is 集中服务 (2 held, 1 item planned and done).
    const band = await name.boundingBox()
    if (!band) throw new Error('no chart layout')
    const bars = await departments.locator('svg path').evaluateAll(
      (paths, y) =>
        paths
          .map((path) => path.getBoundingClientRect())
          .filter((box) => box.height > 2 && box.height < 20 && Math.abs(box.y + box.height / 2 - y) < 16)
          .map((box) => ({ x: box.x, y: box.y, width: box.width, height: box.height })),
      band.y + band.height / 2,
    )
    const longest = bars.sort((a, b) => b.width - a.width)[0]
    if (!longest) throw new Error('no bar for 职教成教科')
    const expected = ACTIVITIES.filter((activity) => activity.departments.includes('职教成教科'))
    const barValue = departments
      .locator('svg text')
      .filter({ hasText: /^\d+$/ })
      .filter({ hasText: String(expected.length) })
    await expect(barValue.first()).toBeAttached()
    await page.mouse.click(longest.x + longest.width / 2, longest.y + longest.height / 2)
    await expect(page).toHaveURL(/#\/activities$/)
    await expect(rows(page)).toHaveCount(expected.length)
    for (const activity of expected) await expect(page.locator('.activity-table')).toContainText(activity.name)
    await expect(page.locator('.page-toolbar')).toContainText('职教成教科')
    await expect(page.getByTestId('drill-scope')).toHaveText('2026 年开展的集中服务')
    await shot(page, ledger, 'drill-department-list')
    await page.getByRole('button', { name: '登记活动' }).click()
    const form = page.locator('.el-dialog:visible')
    await expect(form.locator('[data-field="departments"]')).toContainText('职教成教科')
    await expect(form.locator('[data-field="heldOn"] input')).toHaveValue('2026-11-29')
    await form.getByRole('button', { name: '取消', exact: true }).click()

    // The table view of the same chart: a checklist count opens those checklist items.
    await page.locator('.nav-menu').getByText('工作台').click()
    await departments.locator('.el-radio-button', { hasText: '表' }).click()
    const planned = departments.locator('[data-cell="职教成教科|清单计划（项）"]')
    const plannedCount = Number(await planned.innerText())
    await planned.click()
    await expect(page).toHaveURL(/#\/plan$/)
    await expect(page.locator('.page-toolbar')).toContainText('职教成教科')
    await expect(rows(page)).toHaveCount(plannedCount)

    await page.locator('.nav-menu').getByText('工作台').click()
    const counties = chart(page, '按所在县市')
    await counties.getByRole('radio', { name: '表' }).click({ force: true })
    await expect(counties.locator('[data-cell="和政县|开展活动（次）"]')).toHaveText('1')
    await counties.locator('[data-cell="和政县|开展活动（次）"]').click()
    await expect(page.getByTestId('linked-county')).toHaveText('所在县市：和政县')
    await expect(rows(page)).toHaveCount(1)
    await expect(page.locator('.activity-table')).toContainText('和政县送教')
    await page.getByRole('button', { name: '登记活动' }).click()
    await expect(page.locator('.el-dialog:visible [data-field="county"]')).toContainText('和政县')
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

    // A count opens the records behind it: that volunteer's participations in the period, as many.
    const first = rows(page).first()
    const participations = Number(await first.locator('td:nth-child(7)').innerText())
    await first.locator('td:nth-child(7) a').click()
    const drawer = page.locator('.service-drawer')
    await expect(drawer).toContainText(`服务记录：${byName.at(-1)}`)
    await expect(drawer.locator('.totals')).toContainText('2026年度参加活动')
    await expect(drawer.getByTestId('service-count')).toHaveText(String(participations))
    await expect(drawer.locator('.lines-table tbody tr')).toHaveCount(participations)
    await expect(drawer.locator('.lines-table')).toContainText('2026-')
    await drawer.getByRole('button', { name: /关闭|Close/ }).click()
    await expect(drawer).toBeHidden()

    await page.getByRole('radio', { name: '表5 月度统计' }).click({ force: true })
    await page.locator('.monthly-table a[data-month="2026-03"]').click()
    await expect(page.getByTestId('drill-scope')).toHaveText('2026 年 3 月开展的活动')
    await expect(rows(page)).toHaveCount(ACTIVITIES.filter((activity) => activity.month === '03').length)
  })
})

test.describe('drill-down within a period', () => {
  test.use({ viewport: { width: 1366, height: 768 } })

  test('a 表5 年度 cell of a period and a team opens as many activities, and 登记 carries them', async ({
    page,
    ledger,
  }) => {
    await seedYear(ledger)
    await ledger.open('#/statistics')
    await page.getByRole('radio', { name: '表5 年度统计' }).click({ force: true })
    await page.getByPlaceholder('起始日期').fill('2026-03-01')
    await page.getByPlaceholder('结束日期').fill('2026-06-30')
    await page.getByPlaceholder('结束日期').press('Enter')
    await expect(page.locator('[data-table="department"]')).toContainText('合计')
    await page.getByRole('combobox', { name: '服务队' }).click()
    await page
      .locator('.el-select-dropdown__item:visible')
      .filter({ hasText: /^临夏州新时代助学支教志愿服务队$/ })
      .click()
    const inPeriod = ACTIVITIES.filter(
      (activity) => activity.month >= '03' && activity.month <= '06' && activity.team === TEAM,
    )
    const total = page.locator('[data-table="task"] .total-row a.drill')
    await expect(total).toHaveText(String(inPeriod.length))
    await total.click()
    await expect(page).toHaveURL(/#\/activities$/)
    await expect(page.getByTestId('drill-scope')).toHaveText(`2026-03-01 至 2026-06-30 开展的活动 · 服务队 ${TEAM}`)
    await expect(rows(page)).toHaveCount(inPeriod.length)
    for (const activity of inPeriod) await expect(page.locator('.activity-table')).toContainText(activity.name)
    await page.getByRole('button', { name: '登记活动' }).click()
    const form = page.locator('.el-dialog:visible')
    await expect(form.locator('[data-field="heldOn"] input')).toHaveValue('2026-03-01')
    await expect(form.locator('[data-field="team"]')).toContainText(TEAM)
  })
})
