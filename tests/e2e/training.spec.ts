// 培训与表彰 in the built renderer against the real core: a training with two participants entered
// in the UI appears on a volunteer's service record, its 学时 apart from the service hours.
import type { Locator, Page } from '@playwright/test'
import { idCheckChar } from '../../src-main/core/domain'
import { expect, test, type LedgerFixture } from './harness'

function idFor(n: number): string {
  const first17 = `62290119850312${String(n).padStart(3, '0')}`
  return first17 + idCheckChar(first17)
}

function dialog(page: Page): Locator {
  return page.locator('.el-dialog:visible')
}

async function shot(page: Page, ledger: LedgerFixture, name: string): Promise<void> {
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 8000 })
  await page.waitForTimeout(400)
  await ledger.shot(name)
}

async function addPerson(page: Page, query: string, name: string): Promise<void> {
  await dialog(page).getByLabel('查找志愿者').fill(query)
  await page.locator('.training-people-suggestions li', { hasText: name }).click()
  await expect(dialog(page).locator('.people-table')).toContainText(name)
}

test('a training with two participants entered by hand shows on the volunteer record, service hours unchanged', async ({
  page,
  ledger,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  const ids: number[] = []
  for (const [name, n, unit] of [
    ['马建国', 11, '临夏州中学'],
    ['王芳', 22, '和政县第一中学'],
    ['韩玉梅', 34, '东乡县锁南中学'],
  ] as const) {
    const saved = (await ledger.call('roster.save', {
      fields: { name, idNumber: idFor(n), unit, county: '临夏市' },
      mode: 'keep',
    })) as { id: number }
    ids.push(saved.id)
  }
  await ledger.call('activities.save', {
    fields: { name: '名师送教', task: '送教下乡', heldOn: '2026-11-20', defaultHours: 3, leader: '张敏' },
    participants: [{ volunteerId: ids[0] }],
  })
  await ledger.call('awards.save', {
    fields: { name: '优秀志愿者', awardedOn: '2026-11-25', grantedBy: '临夏州教育局', level: '州级' },
    volunteerIds: [ids[0], ids[2]],
  })

  await ledger.open('#/training')
  await expect(page.locator('.page-title')).toContainText('培训与表彰')
  await page.getByRole('button', { name: '新增培训' }).click()
  const form = dialog(page)
  await form.getByLabel('培训名称').fill('志愿服务骨干培训')
  await form.getByPlaceholder('第一天').fill('2026-11-10')
  await form.getByPlaceholder('第一天').press('Enter')
  await form.getByLabel('组织单位').fill('临夏州教育局')
  // The core refuses a 学时 with two decimals and names the field.
  await form.getByLabel('学时').fill('2.25')
  await addPerson(page, 'mjg', '马建国')
  await addPerson(page, '王芳', '王芳')
  await form.getByRole('button', { name: '保存' }).click()
  await expect(form.locator('.el-alert')).toContainText('学时“2.25”最多保留一位小数')
  await shot(page, ledger, 'training-dialog')
  await form.getByLabel('学时').fill('4.5')
  await form.getByRole('button', { name: '保存' }).click()
  await expect(page.locator('.el-dialog:visible')).toHaveCount(0)
  const row = page.locator('.training-table .el-table__body-wrapper tr.el-table__row').first()
  await expect(row).toContainText('志愿服务骨干培训')
  await expect(row).toContainText('4.5')
  await expect(row).toContainText('马建国、王芳')
  await shot(page, ledger, 'training-list')

  await page.getByRole('tab', { name: /表彰记录/ }).click()
  await expect(page.locator('.awards-table')).toContainText('优秀志愿者')
  await expect(page.locator('.awards-table')).toContainText('州级')
  await shot(page, ledger, 'training-awards')

  // The list's import goes to the shared import screen with this form chosen.
  await page.getByRole('button', { name: '导入表彰记录' }).click()
  await expect(page).toHaveURL(/#\/import$/)
  await expect(page.locator('.form-select')).toContainText('表彰记录（每人每项表彰一行）')

  await page.locator('.nav-menu').getByText('志愿者花名册').click()
  await page
    .locator('.el-table__body-wrapper tr.el-table__row')
    .filter({ hasText: '马建国' })
    .getByRole('button', { name: '服务记录' })
    .click()
  const drawer = page.locator('.service-drawer')
  await expect(drawer.locator('.training-table')).toContainText('志愿服务骨干培训')
  await expect(drawer.getByTestId('training-hours')).toContainText('共 1 次，4.5 学时（不计入服务时长和星级）')
  await expect(drawer.locator('.awards-table')).toContainText('优秀志愿者')
  // The service hours are the activity's 3, not 3 + 4.5.
  await expect(drawer.locator('.totals')).toContainText('累计参加活动 1 次，服务时长 3 小时')
  await shot(page, ledger, 'training-service-drawer')
})
