// Every screen at the bureau's common 1366×768 and at 1920×1080: screenshots for a person to look at,
// and checks that the columns and buttons a task needs are inside the window (not off the right
// edge, not under a fixed column, not below the fold).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { generateReturns } from '../fixtures/generate'
import { writeStandardStream } from '../fixtures/returns'
import { makePeople } from '../support/people'
import { expect, test, type LedgerFixture } from './harness'
import { seedYear, TEAM } from './seedYear'

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
]

/** Long, real unit names (eleven characters): the roster must show them in full at 1366 pixels. */
const LONG_UNITS = ['东乡族自治县锁南镇中学', '积石山县吹麻滩镇中学', '临夏州职业技术学校', '和政县第一中学']

async function seedRoster(ledger: LedgerFixture, count: number): Promise<void> {
  for (const [index, person] of makePeople(count, 11).entries()) {
    await ledger.call('roster.save', {
      fields: {
        name: person.name,
        idNumber: person.idNumber,
        unit: LONG_UNITS[index % LONG_UNITS.length],
        phone: person.phone,
        county: person.county,
        category: '骨干教师',
        political: '中共党员',
        ethnic: '回族',
        education: '大学本科',
        post: '一级教师',
        team: TEAM,
      },
      mode: 'keep',
    })
  }
}

async function settle(page: Page): Promise<void> {
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 8000 })
  await page.waitForTimeout(300)
}

async function shot(page: Page, ledger: LedgerFixture, name: string): Promise<void> {
  await settle(page)
  const { width, height } = page.viewportSize()!
  await ledger.shot(`screens-${width}x${height}-${name}`)
}

/** Wholly inside the window: not cut at the right edge nor below the fold. */
async function expectInViewport(page: Page, target: Locator): Promise<void> {
  const box = await target.boundingBox()
  expect(box, 'element is rendered').not.toBeNull()
  const { width, height } = page.viewportSize()!
  expect.soft(box!.x, 'left edge').toBeGreaterThanOrEqual(0)
  expect.soft(box!.y, 'top edge').toBeGreaterThanOrEqual(0)
  expect.soft(box!.x + box!.width, 'right edge inside the window').toBeLessThanOrEqual(width + 0.5)
  expect.soft(box!.y + box!.height, 'bottom edge inside the window').toBeLessThanOrEqual(height + 0.5)
}

/** Body rows wholly inside the table's visible area. */
async function visibleRows(table: Locator): Promise<number> {
  return table.evaluate((element) => {
    const area = element.querySelector('.el-table__body-wrapper')!.getBoundingClientRect()
    return Array.from(element.querySelectorAll('.el-table__body-wrapper tr.el-table__row')).filter((row) => {
      const box = row.getBoundingClientRect()
      return box.top >= area.top - 0.5 && box.bottom <= area.bottom + 0.5
    }).length
  })
}

/** A table's header cell, by its label. */
function header(table: Locator, label: string): Locator {
  return table
    .locator('.el-table__header-wrapper th')
    .filter({ hasText: new RegExp(`^${label}$`) })
    .first()
}

/** A column is readable when its header is in the window and not under the table's fixed right column. */
async function expectColumnClear(page: Page, table: Locator, label: string): Promise<void> {
  const cell = header(table, label)
  await expectInViewport(page, cell)
  const fixed = table.locator('.el-table__header-wrapper th.el-table-fixed-column--right').first()
  if ((await fixed.count()) === 0) return
  const [box, fixedBox] = [await cell.boundingBox(), await fixed.boundingBox()]
  if (await cell.evaluate((element) => element.classList.contains('el-table-fixed-column--right'))) return
  expect.soft(box!.x + box!.width, `${label} ends before the fixed column`).toBeLessThanOrEqual(fixedBox!.x + 0.5)
}

/** The red months read in full: no tile cut to 未开展（空… */
async function checkDashboard(page: Page, ledger: LedgerFixture): Promise<void> {
  await ledger.open('#/dashboard')
  await expect(page.locator('.programme-strip')).toBeVisible()
  await shot(page, ledger, 'dashboard')
  await expect(page.locator('.programme-strip [data-state="gap"]').first()).toContainText('未开展')
  for (const note of await page.locator('.programme-strip .month-note').all()) {
    expect(
      await note.evaluate((element) => element.scrollWidth <= element.clientWidth),
      'a month note is not cut',
    ).toBe(true)
  }
  // A red month opens its list: the tag and the button to record one still fit the toolbar's line.
  await page.locator('.programme-strip [data-state="gap"]').first().click()
  await expect(page.getByTestId('linked-month')).toBeVisible()
  await expectInViewport(page, page.getByRole('button', { name: /^登记 \d+ 月的活动$/ }))
  expect((await page.locator('.page-toolbar').boundingBox())!.height, 'the toolbar is one line').toBeLessThanOrEqual(36)
  await shot(page, ledger, 'activities-gap-month')
}

/** Every column clear of 操作, 工作单位 in full, the toolbar on one line with room to spare, more than 15 rows. */
async function checkRoster(page: Page, ledger: LedgerFixture): Promise<void> {
  await ledger.open('#/roster')
  const roster = page.locator('.roster-table')
  await expect(roster.locator('.el-table__body-wrapper tr.el-table__row').first()).toBeVisible()
  await shot(page, ledger, 'roster')
  for (const label of ['姓名', '身份证号码', '工作单位', '联系电话', '所属服务队', '操作'])
    await expectColumnClear(page, roster, label)
  const unitCell = roster
    .locator('.el-table__body-wrapper td .cell')
    .filter({ hasText: new RegExp(`^${LONG_UNITS[0]}$`) })
    .first()
  await expect(unitCell).toBeVisible()
  expect(await unitCell.evaluate((element) => element.scrollWidth <= element.clientWidth), '工作单位 is not cut').toBe(
    true,
  )
  const toolbar = (await page.locator('.page-toolbar').boundingBox())!
  expect(toolbar.height, 'the toolbar is one line').toBeLessThanOrEqual(36)
  const room = await page
    .locator('.page-toolbar')
    .evaluate(
      (element) =>
        element.clientWidth -
        Array.from(element.children).reduce((sum, child) => sum + (child as HTMLElement).offsetWidth + 8, 0),
    )
  expect(room, 'room left in the toolbar for another button').toBeGreaterThanOrEqual(100)
  expect(await visibleRows(roster), 'rows visible without scrolling').toBeGreaterThan(15)
}

/** 亮点 clear of 操作; the form, blank and at its tallest (a highlight with participants), shows 保存. */
async function checkActivities(page: Page, ledger: LedgerFixture): Promise<void> {
  await ledger.open('#/activities')
  const activities = page.locator('.activity-table')
  await expect(activities.locator('.el-table__body-wrapper tr.el-table__row').first()).toBeVisible()
  await shot(page, ledger, 'activities')
  for (const label of ['活动名称', '参与人数', '亮点', '操作']) await expectColumnClear(page, activities, label)
  const form = page.locator('.activity-dialog')
  await page.getByRole('button', { name: '登记活动' }).click()
  await expect(form).toBeVisible()
  await expectInViewport(page, form.getByRole('button', { name: '保存' }))
  await shot(page, ledger, 'activity-form')
  await form.getByRole('button', { name: '取消', exact: true }).click()
  await activities
    .locator('.el-table__body-wrapper tr.el-table__row')
    .filter({ hasText: '花儿进校园展演' })
    .getByRole('button', { name: '编辑' })
    .click()
  await expect(form.locator('.participants-table .el-table__body-wrapper tr.el-table__row').first()).toBeVisible()
  await expectInViewport(page, form.getByRole('button', { name: '保存' }))
  await shot(page, ledger, 'activity-form-edit')
}

async function checkPlan(page: Page, ledger: LedgerFixture): Promise<void> {
  await ledger.open('#/plan')
  const plan = page.locator('.plan-table')
  await expect(plan.locator('.el-table__body-wrapper tr.el-table__row').first()).toBeVisible()
  for (const label of ['活动名称', '责任科室', '完成情况', '操作']) await expectColumnClear(page, plan, label)
  await shot(page, ledger, 'plan')
}

/** The other screens, for a person to look at. */
async function shootTheRest(page: Page, ledger: LedgerFixture): Promise<void> {
  await ledger.open('#/highlights')
  await expect(page.locator('.highlight').first()).toBeVisible()
  await shot(page, ledger, 'highlights')
  for (const [route, name] of [
    ['#/training', 'training'],
    ['#/recycle-bin', 'recycle-bin'],
    ['#/import/history', 'import-history'],
    ['#/audit', 'audit'],
    ['#/reference/departments', 'reference'],
    ['#/settings', 'settings'],
  ]) {
    await ledger.open(route)
    await shot(page, ledger, name!)
  }
}

for (const viewport of VIEWPORTS) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport })

    test('roster, activities, dashboard, checklist, audit, reference and settings fit the window', async ({
      page,
      ledger,
    }) => {
      await seedRoster(ledger, 30)
      await seedYear(ledger)

      await checkDashboard(page, ledger)
      await checkRoster(page, ledger)
      await checkActivities(page, ledger)
      await checkPlan(page, ledger)
      await shootTheRest(page, ledger)
    })

    test('a new ledger: guidance on the dashboard, not a wall of red months, and an empty roster that points to 导入', async ({
      page,
      ledger,
    }) => {
      await ledger.open('#/dashboard')
      const guide = page.getByTestId('first-run')
      await expect(guide).toContainText('2026 年度尚未登记活动')
      await expect(page.locator('.programme-strip [data-state="gap"]')).toHaveCount(0)
      for (const button of ['导入花名册', '录入活动清单', '登记活动'])
        await expectInViewport(page, guide.getByRole('button', { name: button }))
      await shot(page, ledger, 'first-run-dashboard')
      await guide.getByRole('button', { name: '导入花名册' }).click()
      await expect(page).toHaveURL(/#\/import$/)

      await ledger.open('#/roster')
      const empty = page.getByTestId('roster-empty')
      await expectInViewport(page, empty.getByRole('button', { name: '导入花名册' }))
      await expectInViewport(page, empty.getByRole('button', { name: '下载空白模板' }))
      await shot(page, ledger, 'first-run-roster')
    })

    test('import: the preview shows every file action inside the window', async ({ page, ledger }) => {
      const paths = await generateReturns(mkdtempSync(join(tmpdir(), 'ledger-e2e-screens-')))
      await ledger.open('#/import')
      await page.getByTestId('file-input').setInputFiles([paths.standard, paths.messy, paths.unmapped, paths.legacy])
      await shot(page, ledger, 'import-chosen')
      await page.getByRole('button', { name: '开始检查' }).click()
      await expect(page.getByTestId('import-totals')).toBeVisible()
      const files = page.locator('.preview-files')
      await shot(page, ledger, 'import-preview')
      for (const label of ['文件', '状态', '操作']) await expectColumnClear(page, files, label)
      await expectInViewport(page, files.getByRole('button', { name: '指定列' }))
      await expectInViewport(page, files.getByRole('button', { name: '查看问题' }).first())
      await expectInViewport(page, page.getByRole('button', { name: '导入', exact: true }))
      await page.getByRole('button', { name: '导入', exact: true }).click()
      await page.getByRole('button', { name: '确认导入' }).click()
      await expect(page.getByTestId('import-result')).toContainText('导入完成')
      await ledger.open('#/import/history')
      const history = page.locator('.el-table').first()
      await expect(history.locator('.el-table__body-wrapper tr.el-table__row')).toHaveCount(1)
      for (const label of ['文件', '状态', '操作']) await expectColumnClear(page, history, label)
      await shot(page, ledger, 'import-history-batch')
      await shot(page, ledger, 'import-preview')
    })
  })
}

test.describe('1366×768, one big file', () => {
  test.use({ viewport: VIEWPORTS[0]! })

  test('the bar moves while a 20,000-row file streams in and its length is not yet known', async ({ page, ledger }) => {
    const big = join(mkdtempSync(join(tmpdir(), 'ledger-e2e-screens-big-')), '全州汇总.xlsx')
    await writeStandardStream(big, '临夏州教育局', makePeople(20_000, 13))
    await ledger.open('#/import')
    await page.getByTestId('file-input').setInputFiles([big])
    await page.getByRole('button', { name: '开始检查' }).click()
    const progress = page.getByTestId('import-progress')
    // The reader may be through a 20,000-row file before the first progress event (it reads in a
    // worker at well over 50,000 rows a second): then the check's own counts are what the bar shows.
    await expect(progress.locator('.current-detail')).toHaveText(/已读|已检查/)
    // Read in one go, so the state and the words are of the same moment.
    const snapshot = await progress.evaluate((element) => ({
      detail: element.querySelector('.current-detail')?.textContent ?? '',
      bar: element.querySelector('[data-testid="import-bar"]')?.getAttribute('data-state'),
      percent: element.querySelector('.percent')?.textContent?.trim() ?? '',
    }))
    // Streaming with no known total: a moving bar, not 0%; once the check counts rows, a real percentage.
    if (snapshot.detail.includes('已读')) expect(snapshot).toMatchObject({ bar: 'indeterminate', percent: '读取中' })
    else expect(snapshot.percent, JSON.stringify(snapshot)).toMatch(/^[1-9]\d*%$/)
    await ledger.shot('screens-1366x768-import-progress-big-file')
    await expect(page.getByTestId('import-totals')).toBeVisible({ timeout: 60_000 })
  })
})
