// Every screen at the bureau's common 1366×768 and at 1920×1080: screenshots for a person to look at,
// and checks that the columns and buttons a task needs are inside the window (not off the right
// edge, not under a fixed column, not below the fold).
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { generateReturns } from '../fixtures/generate'
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
        name: person.name, idNumber: person.idNumber, unit: LONG_UNITS[index % LONG_UNITS.length], phone: person.phone, county: person.county,
        category: '骨干教师', political: '中共党员', ethnic: '回族', education: '大学本科', post: '一级教师', team: TEAM,
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
  return table.locator('.el-table__header-wrapper th').filter({ hasText: new RegExp(`^${label}$`) }).first()
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

for (const viewport of VIEWPORTS) {
  test.describe(`${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport })

    test('roster, activities, dashboard, checklist, audit, reference and settings fit the window', async ({ page, ledger }) => {
      await seedRoster(ledger, 30)
      await seedYear(ledger)

      await ledger.open('#/dashboard')
      await expect(page.locator('.programme-strip')).toBeVisible()
      await shot(page, ledger, 'dashboard')
      // A red month reads in full: no tile cut to 未开展（空…
      const gap = page.locator('.programme-strip [data-state="gap"]').first()
      await expect(gap).toContainText('未开展')
      for (const note of await page.locator('.programme-strip .month-note').all()) {
        expect(await note.evaluate((element) => element.scrollWidth <= element.clientWidth), 'a month note is not cut').toBe(true)
      }

      await ledger.open('#/roster')
      const roster = page.locator('.roster-table')
      await expect(roster.locator('.el-table__body-wrapper tr.el-table__row').first()).toBeVisible()
      await shot(page, ledger, 'roster')
      for (const label of ['姓名', '身份证号码', '工作单位', '联系电话', '所属服务队', '操作']) await expectColumnClear(page, roster, label)
      // 工作单位 in full (an eleven-character school name), the toolbar on one line, more than 15 rows.
      const unitCell = roster.locator('.el-table__body-wrapper td .cell').filter({ hasText: new RegExp(`^${LONG_UNITS[0]}$`) }).first()
      await expect(unitCell).toBeVisible()
      expect(await unitCell.evaluate((element) => element.scrollWidth <= element.clientWidth), '工作单位 is not cut').toBe(true)
      const toolbar = (await page.locator('.page-toolbar').boundingBox())!
      expect(toolbar.height, 'the toolbar is one line').toBeLessThanOrEqual(36)
      const room = await page.locator('.page-toolbar').evaluate((element) => element.clientWidth - Array.from(element.children).reduce((sum, child) => sum + (child as HTMLElement).offsetWidth + 8, 0))
      expect(room, 'room left in the toolbar for another button').toBeGreaterThanOrEqual(100)
      expect(await visibleRows(roster), 'rows visible without scrolling').toBeGreaterThan(15)

      await ledger.open('#/activities')
      const activities = page.locator('.activity-table')
      await expect(activities.locator('.el-table__body-wrapper tr.el-table__row').first()).toBeVisible()
      await shot(page, ledger, 'activities')
      for (const label of ['活动名称', '参与人数', '亮点', '操作']) await expectColumnClear(page, activities, label)
      await page.getByRole('button', { name: '登记活动' }).click()
      await expect(page.locator('.activity-dialog')).toBeVisible()
      await expectInViewport(page, page.locator('.activity-dialog').getByRole('button', { name: '保存' }))
      await shot(page, ledger, 'activity-form')

      await ledger.open('#/plan')
      await shot(page, ledger, 'plan')
      await ledger.open('#/audit')
      await shot(page, ledger, 'audit')
      await ledger.open('#/reference/departments')
      await shot(page, ledger, 'reference')
      await ledger.open('#/settings')
      await shot(page, ledger, 'settings')
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
      await shot(page, ledger, 'import-preview')
    })
  })
}
