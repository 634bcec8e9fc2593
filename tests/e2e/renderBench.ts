// npm run bench -- render [--no-build] (run.ts starts this file with tsx; it lives beside the harness
// for the DOM types): the dashboard with all its charts in Debian's Chromium on the
// benchmark programme (statsSeed.ts), through the E2E harness's bridge to the real core. Prints the
// time from navigation to every chart drawn: the first open after the core started (what it keeps
// is made then), and the opens after it. Builds the renderer first unless --no-build.
import { execSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import type { StartupGate } from '../../src-main/core/db/startup'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src-main/cli/renderPdf'
import { seededContext } from '../bench/statsSeed'
import { bridgeGate, serveRenderer } from './harness'

const GOAL_MS = 1000
const OPENS = 4
/** 7 charts: months, people, task, department, county, top volunteers, the year before. */
const CHARTS = 7

async function runRenderBench(): Promise<void> {
  if (!process.argv.includes('--no-build')) execSync('npm run build:renderer', { stdio: 'inherit' })
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-render-'))
  process.env.VOLUNTEER_LEDGER_DATA = dir
  // Seeded (or copied from the kept seed) and closed: the start-up gate opens it as the app does.
  seededContext(join(dir, 'ledger.db')).db.close()
  const { server, url } = await serveRenderer()
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  let gate: StartupGate | undefined
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })
    page.on('pageerror', (error) => console.error('page error:', error.message))
    // tsx (esbuild, keepNames) wraps the harness's page functions in __name(), which the page lacks:
    // without it the bridge's init script throws and the app finds no window.ledger.
    await page.addInitScript({ content: 'window.__name = (target) => target' })
    gate = await bridgeGate(page, dir)
    // The page's own clock (from its navigation's start) as the shell shows: without the driver's round trips.
    await page.addInitScript(() => {
      const w = window as unknown as { __shellAt?: number }
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[data-app-ready]')) return
        w.__shellAt = performance.now()
        observer.disconnect()
      }).observe(document, { subtree: true, childList: true, attributes: true })
    })
    if (!gate.ctx()) throw new Error(`bench ledger did not open: ${gate.failure()?.message}`)
    for (let open = 0; open < OPENS; open++) {
      // A fresh document each time (another query string), so each figure is a whole open.
      const start = Date.now()
      await page.goto(`${url}?open=${open}#/dashboard`)
      // The shell first (lock state, settings, reference lists), then the dashboard's charts.
      await page.waitForSelector('[data-app-ready]', { timeout: 60_000 })
      const shell = Date.now() - start
      // StatChart marks data-drawn on ECharts' 'finished' event, once its SVG is drawn.
      const inPage = await page
        .waitForFunction(
          (count) => {
            const charts = Array.from(document.querySelectorAll('section.stat-chart'))
            const drawn =
              charts.length >= count &&
              charts.every((chart) => chart.hasAttribute('data-drawn') && chart.querySelector('svg path') !== null)
            const shellAt = (window as unknown as { __shellAt?: number }).__shellAt
            return drawn && [Math.round(performance.now()), Math.round(shellAt ?? Number.NaN)]
          },
          CHARTS,
          { timeout: 60_000, polling: 'raf' },
        )
        .catch(async (error: unknown) => {
          const shot = join(tmpdir(), 'ledger-bench-render-timeout.png')
          await page.screenshot({ path: shot })
          const drawn = await page.locator('section.stat-chart[data-drawn]').count()
          const charts = await page.locator('section.stat-chart').count()
          throw new Error(`charts not drawn (${drawn} of ${charts}, ${CHARTS} expected); the page: ${shot}`, {
            cause: error,
          })
        })
      const [drawnAt, shellAt] = (await inPage.jsonValue()) as [number, number]
      const ms = Date.now() - start
      const label = open === 0 ? 'first open after the core started' : `open ${open + 1}`
      console.log(
        `dashboard, ${CHARTS} charts drawn: ${label.padEnd(34)} ${String(ms).padStart(6)} ms (shell ready at ${shell} ms)  ${(ms / GOAL_MS).toFixed(2)} of the ${GOAL_MS} ms goal;` +
          ` the page's clock: shell ${shellAt} ms, charts ${drawnAt} ms`,
      )
      if (open === 0) await page.screenshot({ path: join(dir, 'dashboard.png') })
    }
    if (process.env.KEEP_BENCH_SHOT) {
      await page.screenshot({ path: process.env.KEEP_BENCH_SHOT })
      console.log('screenshot', process.env.KEEP_BENCH_SHOT)
    }
  } finally {
    await browser.close()
    server.close()
    gate?.ctx()?.db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

await runRenderBench()
