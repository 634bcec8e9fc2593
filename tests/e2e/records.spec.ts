// Records as the national rules ask, in the built renderer against the real core (clock 2026-11-29):
// a multi-day activity with its leader, the dashboard counting only concentrated services, the 补录
// list, and an hours change logged on the volunteer's record. At 1366×768, the clerk's usual screen.
import type { Locator, Page } from '@playwright/test'
import { idCheckChar } from '../../src-main/core/domain'
import { expect, test, type LedgerFixture } from './harness'

test.use({ viewport: { width: 1366, height: 768 } })

const TEAM = '临夏州新时代助学支教志愿服务队'

function idFor(n: number): string {
  const first17 = `62290119850312${String(n).padStart(3, '0')}`
  return first17 + idCheckChar(first17)
}

const dialog = (page: Page): Locator => page.locator('.el-dialog:visible')

async function pickDate(field: Locator, day: string): Promise<void> {
  await field.locator('input').fill(day)
  await field.locator('input').press('Enter')
}

async function shot(page: Page, ledger: LedgerFixture, name: string): Promise<void> {
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 8000 })
  await page.waitForTimeout(400)
  await ledger.shot(name)
}

test('a five-day 红色研学 across a month boundary, with its leader, on the dashboard and in the 补录 list', async ({
  page,
  ledger,
}) => {
  const ma = (
    (await ledger.call('roster.save', {
      fields: { name: '马建国', idNumber: idFor(11), unit: '临夏州中学', team: TEAM },
      mode: 'keep',
    })) as { id: number }
  ).id
  // A talk that is not concentrated service: shown on the dashboard, never counted toward 12.
  await ledger.call('activities.save', {
    fields: {
      name: '校内讲座',
      heldOn: '2026-09-15',
      leader: '王芳',
      concentrated: '否',
      lateReason: '学期初补登',
      defaultHours: 2,
    },
    participants: [],
  })

  await ledger.open('#/activities')
  await page.getByRole('button', { name: '登记活动' }).click()
  const form = dialog(page)
  await form.locator('[data-field="name"] input').fill('红色研学·会宁')
  await pickDate(form.locator('[data-field="heldOn"]'), '2026-09-28')
  await pickDate(form.locator('[data-field="endedOn"]'), '2026-10-02')
  await form.locator('[data-field="defaultHours"] input').fill('30')
  await form.getByLabel('查找参与志愿者').fill('mjg')
  await page.locator('.participant-suggestions li', { hasText: '马建国' }).click()
  await form.getByRole('button', { name: '保存' }).click()
  // Refused, each at its field: no leader, and a 补录 with no reason.
  await expect(form.locator('[data-field="leader"] .field-issue.error')).toContainText('活动负责人必填')
  await form.getByLabel('活动负责人').fill('马建国')
  await expect(form.locator('[data-field="lateReason"]')).toContainText('属于补录')
  await form.getByRole('button', { name: '保存' }).click()
  await expect(form.locator('[data-field="lateReason"] .field-issue.error')).toContainText('属于补录，请填写补录原因')
  await form.getByLabel('补录原因').fill('研学团国庆返程后统一登记')
  await shot(page, ledger, 'records-activity-form')
  await form.getByRole('button', { name: '保存' }).click()
  await expect(page.locator('.el-message').first()).toContainText('活动已登记')

  // 30 hours over five days is allowed; editing them to 31 needs a reason, kept on the record.
  await form.getByLabel('马建国的服务时长').fill('31')
  await expect(form.getByLabel('修改原因')).toBeVisible()
  await form.getByRole('button', { name: '保存' }).click()
  await expect(form.locator('[data-field="changeReason"] .field-issue.error')).toContainText('请填写修改原因')
  await form.getByLabel('修改原因').fill('核对行程单后更正')
  await form.getByRole('button', { name: '保存' }).click()
  await expect(form).toBeHidden()
  const row = page.locator('.el-table__body-wrapper tr.el-table__row').filter({ hasText: '红色研学·会宁' })
  await expect(row).toContainText('至 10-02')
  await expect(row).toContainText('补录')
  await expect(page.locator('.el-table__body-wrapper tr.el-table__row').filter({ hasText: '校内讲座' })).toContainText(
    '非集中',
  )

  await page.getByRole('button', { name: '补录清单' }).click()
  const late = dialog(page)
  await expect(late.locator('.late-table')).toContainText('红色研学·会宁')
  await expect(late.locator('.late-table')).toContainText('研学团国庆返程后统一登记')
  await expect(late.locator('.late-table tr.el-table__row')).toHaveCount(3) // two activities and 马建国
  await shot(page, ledger, 'records-late-list')
  await page.keyboard.press('Escape')

  await page.locator('.nav-menu').getByText('工作台').click()
  const strip = page.locator('.programme-strip')
  await expect(strip.locator('[data-month="9"]')).toHaveAttribute('data-state', 'met')
  await expect(strip.locator('[data-month="9"] .month-count')).toHaveText('1次')
  await expect(strip.locator('[data-month="9"] .month-extra')).toContainText('非集中 1')
  // October: covered by the trip but not counted, so still a gap.
  await expect(strip.locator('[data-month="10"]')).toHaveAttribute('data-state', 'gap')
  await expect(strip.locator('[data-month="10"] .month-extra')).toContainText('跨月续 1')
  await expect(page.locator('[data-figure="activities"]')).toContainText('1 次 / 全年目标 12 次')
  await expect(page.locator('[data-note="concentrated"]')).toContainText('另有非集中服务 1 次，不计入')
  await shot(page, ledger, 'records-dashboard')

  const record = (await ledger.call('volunteers.service', { volunteerId: ma })) as {
    hoursChanges: { before: number; after: number; reason: string }[]
  }
  expect(record.hoursChanges).toEqual([expect.objectContaining({ before: 30, after: 31, reason: '核对行程单后更正' })])
})

test('star levels in the roster, the volunteer’s record with its hours changes, and the 星级名单', async ({
  page,
  ledger,
}) => {
  const ma = (
    (await ledger.call('roster.save', {
      fields: { name: '马建国', idNumber: idFor(11), unit: '临夏州中学', team: TEAM },
      mode: 'keep',
    })) as { id: number }
  ).id
  const fields = {
    name: '暑期支教',
    heldOn: '2026-07-06',
    endedOn: '2026-07-17',
    leader: '王芳',
    lateReason: '支教结束后统一登记',
  }
  const { id } = (await ledger.call('activities.save', { fields, participants: [{ volunteerId: ma, hours: 96 }] })) as {
    id: number
  }
  await ledger.call('activities.save', {
    id,
    fields,
    participants: [{ volunteerId: ma, hours: 100 }],
    changeReason: '补记两天晚自习辅导',
  })

  await ledger.open('#/roster')
  const row = page.locator('.el-table__body-wrapper tr.el-table__row').filter({ hasText: '马建国' })
  await expect(row.locator('.star')).toHaveText('★1')
  await expect(row.locator('.star')).toHaveAttribute('title', '一星志愿者，累计服务 100 小时')
  await row.getByRole('button', { name: '服务记录' }).click()
  const drawer = page.locator('.service-drawer')
  await expect(drawer.getByTestId('star-level')).toContainText('星级：一星，距下一星级还差 200 小时')
  const change = drawer.locator('.changes-table tr.el-table__row')
  await expect(change).toContainText('补记两天晚自习辅导')
  await expect(change).toContainText('96')
  await expect(change).toContainText('100')
  await shot(page, ledger, 'records-service-drawer')
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: '星级名单' }).click()
  const reached = dialog(page)
  await expect(reached.locator('.reached-table tr.el-table__row')).toHaveCount(1)
  await expect(reached.locator('.reached-table')).toContainText('2026-07-06')
  await expect(reached).toContainText('一星 100 小时')
})

test('a pupil under 10: the participants editor asks for the reason with the core’s message; the record shows the guardian', async ({
  page,
  ledger,
}) => {
  // Born 2017-05-01: 9 on the activity's date, under 14 today.
  const first17 = '62290120170501211'
  const child = (
    (await ledger.call('roster.save', {
      fields: {
        name: '马小宝',
        idNumber: first17 + idCheckChar(first17),
        unit: '临夏市第一小学',
        guardianName: '马福',
        guardianConsentOn: '2026-09-01',
        volunteerNo: '6229012026000123',
      },
      mode: 'keep',
    })) as { id: number }
  ).id

  await ledger.open('#/activities')
  await page.getByRole('button', { name: '登记活动' }).click()
  const form = dialog(page)
  await form.locator('[data-field="name"] input').fill('亲子环保行')
  await pickDate(form.locator('[data-field="heldOn"]'), '2026-11-20')
  await form.getByLabel('活动负责人').fill('王芳')
  await form.locator('[data-field="defaultHours"] input').fill('2')
  await form.getByLabel('查找参与志愿者').fill('mxb')
  await page.locator('.participant-suggestions li', { hasText: '马小宝' }).click()
  const box = page.locator('.young-reason-box')
  await expect(box).toContainText('志愿者“马小宝”在活动开展日期 2026-11-20 时未满 10 周岁（9 岁）')
  await box.locator('input').fill('随监护人参加社区亲子志愿服务')
  await shot(page, ledger, 'records-young-reason')
  await box.getByRole('button', { name: '确认登记' }).click()
  await expect(form.locator('.participants-table')).toContainText('未满10岁')
  await form.getByRole('button', { name: '保存' }).click()
  // A new activity stays open for its photos (as every new one does); then the clerk closes it.
  await expect(page.locator('.el-message').first()).toContainText('活动已登记')
  await expect(form.locator('.el-dialog__title')).toContainText('编辑活动：亲子环保行')
  await form.locator('.el-dialog__footer').getByRole('button', { name: '关闭' }).click()
  await expect(form).toBeHidden()
  const audit = ledger.ctx.db.prepare("SELECT summary FROM audit WHERE summary LIKE '确认未满10周岁%'").pluck().get()
  expect(audit).toContain('随监护人参加社区亲子志愿服务')

  await ledger.open('#/roster')
  const row = page.locator('.el-table__body-wrapper tr.el-table__row').filter({ hasText: '马小宝' })
  await row.getByRole('button', { name: '服务记录' }).click()
  const identity = page.locator('.service-drawer').getByTestId('service-identity')
  await expect(identity).toContainText('志愿者编号：6229012026000123')
  await expect(identity).toContainText('监护人：马福')
  await expect(identity).toContainText('监护人同意日期：2026-09-01')
  await expect(identity).toContainText('未满14周岁（9 岁）')
  await expect(page.locator('.service-drawer .person')).toContainText(/622901\*{8}211[\dX]/)
  await shot(page, ledger, 'records-minor-drawer')
  expect(child).toBeGreaterThan(0)
})
