// Start-up. Without its host's bridge (window.ledger) the page shows one clear Chinese start-up error, not
// every screen failing with "Cannot read properties of undefined (reading 'invoke')". With the bridge, the
// real start-up gate comes first: an encrypted ledger asks for its password, a damaged one offers its backup.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { closeContext, createContext, invoke, type CoreContext } from '../../src-main/core/index'
import { createBackup } from '../../src-main/core/db/backup'
import type { StartupGate } from '../../src-main/core/db/startup'
import { makeId } from '../support/people'
import { E2E_NOW, SCREENSHOT_DIR, bridgeGate, serveRenderer } from './harness'

test('without the bridge the app shows one start-up error and no screen', async ({ page }) => {
  const { server, url } = await serveRenderer()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  try {
    await page.goto(url + '#/roster')
    const alert = page.getByTestId('startup-error')
    await expect(alert).toContainText('志愿服务台账无法启动')
    await expect(alert).toContainText('没有连接到数据服务')
    await expect(page.locator('body')).not.toContainText('Cannot read properties')
    await expect(page.locator('.app-shell')).toHaveCount(0)
    await expect(page.locator('.el-message')).toHaveCount(0)
    expect(errors).toEqual([])
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'startup-no-bridge.png') })
  } finally {
    server.close()
  }
})

// The ledger as the clerk left it in a folder, then the app started over it through the real gate.
const PASSWORD = 'linxia-2026'
const PERSON = {
  name: '马晓兰',
  idNumber: makeId('622901', '19850312', 1, false),
  unit: '临夏州中学',
  county: '临夏市',
}

async function preparedLedger(prepare: (ctx: CoreContext) => Promise<void>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-startup-'))
  const ctx = createContext(join(dir, 'ledger.db'), { now: () => E2E_NOW })
  await invoke(ctx, 'roster.save', { fields: PERSON, mode: 'keep' })
  await prepare(ctx)
  await closeContext(ctx)
  return dir
}

async function startApp(page: Page, dir: string): Promise<{ gate: StartupGate; close: () => Promise<void> }> {
  await page.setViewportSize({ width: 1366, height: 768 })
  const gate = await bridgeGate(page, dir)
  const { server, url } = await serveRenderer()
  await page.goto(url + '#/roster')
  return {
    gate,
    close: async () => {
      server.close()
      const ctx = gate.ctx()
      if (ctx) await closeContext(ctx)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) })

test('an encrypted ledger asks for the password at start and opens with it', async ({ page }) => {
  const dir = await preparedLedger(async (ctx) => {
    await invoke(ctx, 'security.setPassword', { password: PASSWORD, understood: true })
  })
  const app = await startApp(page, dir)
  try {
    const screen = page.getByTestId('startup-screen')
    await expect(screen).toContainText('台账数据库已加密，请输入登录密码')
    await expect(page.locator('.app-shell')).toHaveCount(0)
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await shot(page, 'startup-password-1366')

    await screen.getByLabel('登录密码').fill('wrong-password')
    await screen.getByRole('button', { name: '解锁' }).click()
    await expect(screen).toContainText('登录密码不正确')
    await expect(screen.getByLabel('登录密码')).toHaveValue('')
    await shot(page, 'startup-password-wrong-1366')

    await screen.getByLabel('登录密码').fill(PASSWORD)
    await screen.getByRole('button', { name: '解锁' }).click()
    await page.waitForSelector('[data-app-ready]')
    await expect(screen).toHaveCount(0)
    await expect(page.locator('.app-main')).toContainText('马晓兰')
    // The idle lock knows the password the clerk typed at start.
    await expect(page.locator('.app-header').getByRole('button', { name: '锁定' })).toBeVisible()
  } finally {
    await app.close()
  }
})

test('a damaged ledger with a backup shows the failure, and 从备份恢复 brings the app up with the backed-up data', async ({
  page,
}) => {
  const dir = await preparedLedger(async (ctx) => {
    await createBackup(ctx, 'manual')
  })
  const dbPath = join(dir, 'ledger.db')
  const bytes = readFileSync(dbPath)
  bytes.fill(0x5a, 100, bytes.length)
  writeFileSync(dbPath, bytes)
  const app = await startApp(page, dir)
  try {
    const screen = page.getByTestId('startup-screen')
    await expect(screen).toContainText('台账数据库文件已损坏')
    await expect(screen.getByRole('button', { name: '重试' })).toHaveCount(0)
    const restore = screen.getByRole('button', { name: /从备份恢复/ })
    await expect(restore).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 的备份 ledger-.*-manual\.db/)
    await expect(screen.getByRole('button', { name: '选择其他数据文件夹' })).toBeVisible()
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await shot(page, 'startup-corrupt-1366')

    await restore.click()
    await page.waitForSelector('[data-app-ready]')
    await expect(page.locator('.app-main')).toContainText('马晓兰')
    expect(app.gate.ctx()!.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(readdirSync(dir).some((file) => file.startsWith('ledger.db.damaged-'))).toBe(true)
  } finally {
    await app.close()
  }
})
