// 登录密码 through the real core: set in 设置 after the warning about forgetting it, the database is
// encrypted; 锁定 covers the window and the core refuses data until the right password unlocks.
import { readFileSync } from 'node:fs'
import { expect, test } from './harness'
import { isEncryptedFile } from '../../src-main/core/db/cipher'
import { makeId } from '../support/people'

const PASSWORD = 'linxia-2026'

test('set a password, lock, fail with a wrong one, unlock with the right one', async ({ page, ledger }) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await ledger.call('roster.save', {
    fields: { name: '马晓兰', idNumber: makeId('622901', '19850312', 1, false), unit: '临夏州中学', county: '临夏市' },
    mode: 'keep',
  })
  await ledger.open('#/settings')
  const section = page.locator('.password-section')
  await expect(section).toContainText('未设置登录密码')
  await section.getByLabel('新密码', { exact: true }).fill(PASSWORD)
  await section.getByLabel('再输一次新密码').fill(PASSWORD)
  await section.getByRole('button', { name: '设置密码并加密' }).click()
  const confirm = page.locator('.el-message-box')
  await expect(confirm).toContainText('忘记密码就再也打不开这些数据')
  await confirm.getByRole('button', { name: '我已知晓，设置密码' }).click()
  await expect(section).toContainText('已设置登录密码')
  await section.scrollIntoViewIfNeeded()
  await ledger.shot('settings-password-1366')
  expect(isEncryptedFile(ledger.ctx.dbPath)).toBe(true)
  ledger.ctx.db.pragma('wal_checkpoint(TRUNCATE)')
  expect(JSON.stringify(await ledger.call('roster.search', {}))).toContain('临夏州中学')
  expect(readFileSync(ledger.ctx.dbPath).includes(Buffer.from('临夏州中学'))).toBe(false)

  await page.locator('.app-header').getByRole('button', { name: '锁定' }).click()
  const screen = page.getByTestId('lock-screen')
  await expect(screen).toContainText('志愿服务台账已锁定')
  await expect(ledger.call('roster.search', {})).rejects.toThrow(/已锁定/)
  await ledger.shot('lock-screen-1366')

  await screen.getByLabel('登录密码').fill('wrong-password')
  await screen.getByRole('button', { name: '解锁' }).click()
  await expect(screen).toContainText('登录密码不正确')
  await ledger.shot('lock-screen-wrong-1366')
  await screen.getByLabel('登录密码').fill(PASSWORD)
  await screen.getByRole('button', { name: '解锁' }).click()
  await expect(screen).toHaveCount(0)
  await expect(ledger.call('roster.search', {})).resolves.toBeTruthy()
})

test('locks by itself after the idle minutes the clerk set', async ({ page, ledger }) => {
  await ledger.call('security.setPassword', { password: PASSWORD, understood: true })
  await ledger.call('security.setIdle', { minutes: 1 })
  await page.clock.install()
  await ledger.open('#/roster')
  await page.clock.fastForward('00:30')
  await expect(page.getByTestId('lock-screen')).toHaveCount(0)
  await page.clock.fastForward('00:31')
  await expect(page.getByTestId('lock-screen')).toBeVisible()
  await expect(ledger.call('system.stats', {})).rejects.toThrow(/已锁定/)
})
