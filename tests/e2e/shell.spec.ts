// Issue 11 item 5: the page lives under the app's one strict policy (host/shellPolicy.ts, served by
// the harness as app:// serves it). Every screen, with data, a chart and a tooltip, must work without
// the policy refusing anything; and the page cannot name a path for the core.
import { expect, test } from './harness'
import { seedYear } from './seedYear'

const ROUTES = [
  '#/dashboard',
  '#/plan',
  '#/activities',
  '#/highlights',
  '#/roster',
  '#/outputs',
  '#/certificates',
  '#/import',
  '#/import/history',
  '#/recycle-bin',
  '#/reference/teams',
  '#/audit',
  '#/settings',
]

test('every screen works under the content security policy, and the page cannot name a path', async ({
  page,
  ledger,
}) => {
  const refused: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text())
  })
  await seedYear(ledger)
  for (const route of ROUTES) {
    await ledger.open(route)
    await expect(page.locator('main, .app-main, body').first()).toBeVisible()
    // Element Plus is registered component by component: one left out would stay an unknown <el-…> element.
    const unknown = await page.evaluate(() =>
      Array.from(document.querySelectorAll('*'), (element) => element.tagName).filter((tag) => tag.startsWith('EL-')),
    )
    expect(unknown, route).toEqual([])
  }
  // The dashboard's chart and its tooltip (ECharts styles it inline).
  await ledger.open('#/dashboard')
  const canvas = page.locator('canvas').first()
  if ((await canvas.count()) > 0) await canvas.hover()
  expect(refused).toEqual([])

  const answer = (await page.evaluate(() =>
    (window as unknown as { ledger: { invoke: (n: string, i: unknown) => Promise<unknown> } }).ledger.invoke(
      'export.form',
      { form: 'roster', out: '/tmp/leak.xlsx' },
    ),
  )) as { ok: boolean; error?: { message: string } }
  expect(answer.ok).toBe(false)
  expect(answer.error?.message).toContain('界面不能指定文件路径')
})
