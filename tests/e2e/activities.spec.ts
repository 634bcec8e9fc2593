// The checklist, activity records and the dashboard in the built renderer, against the real core.
// The harness fixes the core's clock at 2026-11-29 (E2E_NOW): October 2026 is past, November is in progress.
import { readFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import { idCheckChar } from '../../src-main/core/domain'
import { expect, test, type LedgerFixture } from './harness'
import { ACTIVITIES, PLAN_ITEMS, seedYear, TEAM } from './seedYear'

function idFor(n: number): string {
  const first17 = `62290119850312${String(n).padStart(3, '0')}`
  return first17 + idCheckChar(first17)
}

async function seedVolunteer(ledger: LedgerFixture, name: string, idNumber: string, unit: string): Promise<number> {
  const saved = (await ledger.call('roster.save', {
    fields: { name, idNumber, unit, county: '临夏市', team: TEAM },
    mode: 'keep',
  })) as { id: number }
  return saved.id
}

async function seedThree(ledger: LedgerFixture): Promise<number[]> {
  return [
    await seedVolunteer(ledger, '马建国', idFor(11), '临夏州中学'),
    await seedVolunteer(ledger, '王芳', idFor(22), '和政县第一中学'),
    await seedVolunteer(ledger, '韩玉梅', idFor(34), '东乡县锁南中学'),
  ]
}

function dialog(page: Page): Locator {
  return page.locator('.el-dialog:visible')
}

function rows(page: Page): Locator {
  return page.locator('.el-table__body-wrapper tr.el-table__row')
}

async function choose(page: Page, field: Locator, option: string): Promise<void> {
  await field.locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown:visible').getByRole('option', { name: option, exact: true }).click()
}

async function chooseMany(page: Page, field: Locator, options: string[]): Promise<void> {
  await field.locator('.el-select__wrapper').click()
  for (const option of options)
    await page.locator('.el-select-dropdown:visible').getByRole('option', { name: option, exact: true }).click()
  await page.keyboard.press('Escape')
}

async function addParticipant(page: Page, query: string, name: string): Promise<void> {
  await page.getByLabel('查找参与志愿者').fill(query)
  await page.locator('.participant-suggestions li', { hasText: name }).click()
  await expect(page.locator('.participants-table')).toContainText(name)
}

/** Screenshots wait for toasts and transitions, so they show the screen at rest. */
async function shot(page: Page, ledger: LedgerFixture, name: string): Promise<void> {
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 8000 })
  await page.waitForTimeout(400)
  await ledger.shot(name)
}

/** An export button hands the core's workbook to the browser as an .xlsx download. */
async function expectDownload(page: Page, button: string): Promise<void> {
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: button }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/)
  const bytes = await readFile((await file.path())!)
  expect(bytes.subarray(0, 2).toString()).toBe('PK')
  await expect(page.locator('.el-message').first()).toContainText('已导出')
}

/** A small picture made by the page's own canvas, as a clerk's photo would arrive. */
async function pngPhoto(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas')
    canvas.width = 640
    canvas.height = 420
    const context = canvas.getContext('2d')!
    const gradient = context.createLinearGradient(0, 0, 640, 420)
    gradient.addColorStop(0, '#7fb3d5')
    gradient.addColorStop(1, '#f5cba7')
    context.fillStyle = gradient
    context.fillRect(0, 0, 640, 420)
    context.fillStyle = '#1f3550'
    context.font = '48px sans-serif'
    context.fillText('送教下乡', 220, 220)
    return canvas.toDataURL('image/png').split(',')[1]!
  })
  return Buffer.from(base64, 'base64')
}

test('an activity recorded with three participants fulfils its checklist item and turns October green', async ({
  page,
  ledger,
}) => {
  await seedThree(ledger)
  await ledger.open('#/plan')
  await page.getByRole('button', { name: '新增清单项目' }).click()
  const planForm = dialog(page)
  await expect(planForm).toContainText('如 2026年3月、2026年3月—5月、2026-03-05')
  await choose(page, planForm.locator('[data-field="task"]'), '送教下乡')
  await planForm.locator('[data-field="name"] input').fill('名师送教下乡和政行')
  await planForm.locator('[data-field="plannedText"] input').fill('2026年10月')
  await planForm.locator('[data-field="targetGroup"] input').fill('农村中小学教师')
  await chooseMany(page, planForm.locator('[data-field="departments"]'), ['教师发展科'])
  await planForm.getByRole('button', { name: '保存' }).click()
  await expect(planForm).toBeHidden()
  const item = rows(page).filter({ hasText: '名师送教下乡和政行' })
  await expect(item).toContainText('逾期未开展')
  await expect(item).toContainText('教师发展科')

  await ledger.open('#/activities')
  await page.getByRole('button', { name: '登记活动' }).click()
  const form = dialog(page)
  await form.locator('[data-field="heldOn"] input').fill('2026-10-15')
  await form.locator('[data-field="heldOn"] input').press('Enter')
  await form.locator('[data-field="planSeq"] .el-select__wrapper').click()
  await page.locator('.el-select-dropdown:visible li', { hasText: '名师送教下乡和政行' }).click()
  // Choosing the item fills what the clerk has not typed yet: name, task and departments.
  await expect(form.locator('[data-field="name"] input')).toHaveValue('名师送教下乡和政行')
  await expect(form.locator('[data-field="task"]')).toContainText('送教下乡')
  await expect(form.locator('[data-field="departments"]')).toContainText('教师发展科')
  await choose(page, form.locator('[data-field="team"]'), TEAM)
  await form.locator('[data-field="place"] input').fill('和政县城关小学')
  await choose(page, form.locator('[data-field="county"]'), '和政县')
  await form.locator('[data-field="organizer"] input').fill('教师发展科')
  await form.getByLabel('活动负责人').fill('马建国')
  // Recorded on 29 November, 31 working days after: a 补录, and the form asks why.
  await expect(form.locator('[data-field="lateReason"]')).toContainText('属于补录')
  await form.getByLabel('补录原因').fill('送教团返程后统一整理材料')
  await form.locator('[data-field="targetGroup"] input').fill('农村小学教师')
  await form.locator('[data-field="beneficiaries"] input').fill('120')
  await form.locator('[data-field="defaultHours"] input').fill('3')
  await form
    .locator('[data-field="summary"] textarea')
    .fill('组织州级名师 3 人赴和政县城关小学上示范课、开展专题讲座和教研交流。')
  await addParticipant(page, 'mjg', '马建国')
  await addParticipant(page, 'wangfang', '王芳')
  await addParticipant(page, idFor(34).slice(-6), '韩玉梅')
  await form.getByLabel('王芳的服务时长').fill('4')
  await expect(form.locator('.participants')).toContainText('共 3 人，服务时长合计 10 小时')
  await shot(page, ledger, 'activity-form-participants')

  await form.getByRole('button', { name: '保存' }).click()
  await expect(page.locator('.el-message').first()).toContainText('活动已登记')
  // The new activity stays open for its photos.
  await expect(form.locator('.el-dialog__title')).toContainText('编辑活动')
  await form
    .getByLabel('选择照片')
    .setInputFiles({ name: '送教现场.png', mimeType: 'image/png', buffer: await pngPhoto(page) })
  await expect(form.locator('.photo-grid img')).toHaveCount(1)
  await shot(page, ledger, 'activity-form-photos')
  await form.getByRole('button', { name: '查看照片 送教现场.png' }).click()
  await expect(page.locator('.el-image-viewer__wrapper')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.locator('.el-image-viewer__wrapper')).toHaveCount(0)
  await form.getByRole('button', { name: '关闭', exact: true }).click()

  const activity = rows(page).filter({ hasText: '名师送教下乡和政行' })
  await expect(activity).toContainText('2026-10-15')
  await expect(activity.locator('td').nth(10)).toHaveText('10')
  await expect(activity.locator('td').nth(9)).toHaveText('3')

  await page.locator('.nav-menu').getByText('活动清单').click()
  await expect(rows(page).filter({ hasText: '名师送教下乡和政行' })).toContainText('已开展（2026-10-15）')

  await page.locator('.nav-menu').getByText('工作台').click()
  const strip = page.locator('.programme-strip')
  await expect(strip.locator('[data-month="10"]')).toHaveAttribute('data-state', 'met')
  await expect(strip.locator('[data-month="9"]')).toHaveAttribute('data-state', 'gap')
  await expect(strip.locator('[data-month="11"]')).toHaveAttribute('data-state', 'current')
  await expect(strip.locator('[data-month="12"]')).toHaveAttribute('data-state', 'future')
  await expect(page.locator('.department-strips tr[data-row="教师发展科"] [data-month="10"]')).toHaveAttribute(
    'data-state',
    'met',
  )
  await expect(page.locator('[data-figure="plan"]')).toContainText('已开展 1')
})

test('the core refuses more than 24 hours and the form shows its message', async ({ page, ledger }) => {
  await seedThree(ledger)
  await ledger.open('#/activities')
  await page.getByRole('button', { name: '登记活动' }).click()
  const form = dialog(page)
  await form.locator('[data-field="name"] input').fill('送法进校园宣讲')
  await form.locator('[data-field="heldOn"] input').fill('2026-09-10')
  await form.locator('[data-field="heldOn"] input').press('Enter')
  await form.getByLabel('活动负责人').fill('王芳')
  await form.getByLabel('补录原因').fill('材料迟交')
  await form.locator('[data-field="defaultHours"] input').fill('2')
  await addParticipant(page, 'mjg', '马建国')
  await form.getByLabel('马建国的服务时长').fill('25')
  await form.getByRole('button', { name: '保存' }).click()
  await expect(form.locator('.form-alert')).toContainText('超过一天 24 小时')
  await expect(form.locator('.form-alert')).toContainText('马建国')
  await shot(page, ledger, 'activity-form-hours-refused')

  await form.getByLabel('马建国的服务时长').fill('')
  await form.locator('[data-field="defaultHours"] input').fill('30')
  await form.getByRole('button', { name: '保存' }).click()
  await expect(form.locator('[data-field="defaultHours"] .field-issue.error')).toContainText('超过一天 24 小时')
  expect(((await ledger.call('activities.list', { year: 2026 })) as { total: number }).total).toBe(0)
})

test('a seeded year: dashboard strips, checklist, activity list, highlights and a volunteer profile', async ({
  page,
  ledger,
}) => {
  const seeded = await seedYear(ledger)
  await ledger.open('')
  await expect(page).toHaveURL(/#\/dashboard$/)
  const strip = page.locator('.programme-strip')
  await expect(strip.locator('[data-month="3"]')).toContainText('2')
  for (const month of [4, 7, 8])
    await expect(strip.locator(`[data-month="${month}"]`)).toHaveAttribute('data-state', 'gap')
  await expect(page.locator('[data-figure="activities"]')).toContainText(`${ACTIVITIES.length} 次 / 全年目标 12 次`)
  await expect(page.locator('.team-strips tr[data-row="教育宣讲团"] [data-month="1"]')).toHaveAttribute(
    'data-state',
    'met',
  )
  await expect(page.locator('.overdue-table')).toContainText('名师送教下乡东乡行')
  await shot(page, ledger, 'dashboard')
  await page.locator('.dashboard').evaluate((element) => element.scrollTo(0, element.scrollHeight))
  await shot(page, ledger, 'dashboard-lower')

  await page.locator('.nav-menu').getByText('活动清单').click()
  await expect(rows(page)).toHaveCount(PLAN_ITEMS.length)
  await expect(rows(page).filter({ hasText: '学前教育巡回指导' })).toContainText('逾期未开展')
  await expect(rows(page).filter({ hasText: '“宪法宣传周”' })).toContainText('未开展')
  await shot(page, ledger, 'plan-list')
  await expectDownload(page, '导出表2')

  await page.locator('.nav-menu').getByText('活动登记').click()
  await expect(rows(page)).toHaveCount(ACTIVITIES.length)
  await shot(page, ledger, 'activity-list')
  // Found by a participant: the activities the second volunteer took part in (seedYear leaves them
  // out of the 3rd, 4th and 8th), by name and by a fragment of the ID number.
  const search = page.getByLabel('查找活动')
  for (const q of [seeded.firstName, seeded.firstIdNumber.slice(6, 14)]) {
    await search.fill(q)
    await expect(rows(page)).toHaveCount(5)
    await expect(rows(page).filter({ hasText: ACTIVITIES[0]!.name })).toHaveCount(1)
    await expect(rows(page).filter({ hasText: ACTIVITIES[2]!.name })).toHaveCount(0)
  }
  await shot(page, ledger, 'activity-list-by-participant')
  await search.fill('')
  await expect(rows(page)).toHaveCount(ACTIVITIES.length)
  await expectDownload(page, '导出表3')
  await rows(page).filter({ hasText: '花儿进校园展演' }).getByRole('button', { name: '编辑' }).click()
  await expect(dialog(page).locator('.participants-table')).toContainText(seeded.firstName)
  await shot(page, ledger, 'activity-form-edit')
  await dialog(page).getByRole('button', { name: '关闭', exact: true }).click()

  await page.locator('.nav-menu').getByText('工作亮点').click()
  await expect(page.locator('.highlight')).toHaveCount(3)
  await expect(page.locator('.highlight').first()).toContainText('资助干部与班主任结对入户')
  await shot(page, ledger, 'highlights')
  await expectDownload(page, '导出亮点清单')

  await page.locator('.nav-menu').getByText('志愿者花名册').click()
  await rows(page).filter({ hasText: seeded.firstName }).getByRole('button', { name: '服务记录' }).click()
  const drawer = page.locator('.service-drawer')
  await expect(drawer).toContainText('2026')
  await expect(drawer.locator('.lines-table')).toContainText('花儿进校园展演')
  await shot(page, ledger, 'volunteer-profile')
  await page.keyboard.press('Escape')

  // A month held on the dashboard opens that month's activities, the filter shown as a tag.
  await page.locator('.nav-menu').getByText('工作台').click()
  await page.locator('.programme-strip [data-month="3"]').click()
  await expect(page).toHaveURL(/#\/activities$/)
  await expect(rows(page)).toHaveCount(2)
  await expect(page.locator('.page-toolbar')).toContainText('3月')
  await expect(page.getByTestId('drill-scope')).toHaveText('2026 年 3 月开展的集中服务')

  // A red month opens its empty list with the way to record one; leaving drops the filter.
  await page.locator('.nav-menu').getByText('工作台').click()
  const april = page.locator('.programme-strip [data-month="4"]')
  await expect(april).toHaveText(/未开展\s*空档月/)
  await april.click()
  await expect(page.getByTestId('drill-scope')).toHaveText('2026 年 4 月开展的集中服务')
  await expect(page.locator('.activity-table')).toContainText('2026 年 4 月没有登记集中服务（空档月）')
  await shot(page, ledger, 'activity-list-gap-month')
  await page.getByRole('button', { name: '登记 4 月的活动' }).click()
  await expect(dialog(page).locator('[data-field="heldOn"] input')).toHaveValue('2026-04-01')
  await dialog(page).locator('[data-field="heldOn"] input').click()
  await expect(page.locator('.el-date-picker:visible .el-date-picker__header')).toContainText('4 月')
  await page.keyboard.press('Escape')
  await dialog(page).getByRole('button', { name: '取消', exact: true }).click()
  await page.locator('.nav-menu').getByText('工作亮点').click()
  await page.locator('.nav-menu').getByText('活动登记').click()
  await expect(page.getByTestId('drill-scope')).toHaveCount(0)
  await expect(rows(page)).toHaveCount(ACTIVITIES.length)

  // Removing the tag clears the filter at once.
  await page.locator('.nav-menu').getByText('工作台').click()
  await page.locator('.programme-strip [data-month="5"]').click()
  await expect(rows(page)).toHaveCount(1)
  await page.getByTestId('drill-scope').locator('.el-tag__close').click()
  await expect(rows(page)).toHaveCount(ACTIVITIES.length)
  await expect(page.getByTestId('drill-scope')).toHaveCount(0)
})
