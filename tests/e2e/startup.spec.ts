// The built page opened without its host's bridge (window.ledger): one clear Chinese start-up error,
// not every screen failing with "Cannot read properties of undefined (reading 'invoke')".
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { SCREENSHOT_DIR, serveRenderer } from './harness'

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
