// The E2E host: the built renderer in Debian's Chromium, with window.ledger bridged by
// page.exposeBinding to the real core on a real SQLite file in a temp folder. Only the transport
// differs from Electron's preload + IPC.
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve } from 'node:path'
import { test as base, type Page } from '@playwright/test'
import { closeContext, invokeEnveloped, type CoreContext, type ProgressEvent } from '../../src-main/core/index'
import type { StartupGate } from '../../src-main/core/db/startup'
import { MAIN_CHOSEN } from '../../src-main/core/mainChosen'
import { CONTENT_SECURITY_POLICY } from '../../src-main/host/shellPolicy'
import { createRendererGate } from '../../src-main/core/rendererHost'
import { renderPdf } from '../../src-main/cli/renderPdf'

const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer')
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../output/screenshots')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
}

/** Chromium will not run module scripts from file://, so the built page is served on loopback. */
export async function serveRenderer(): Promise<{ server: Server; url: string }> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build:renderer` (npm run test:e2e does it)')
  }
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname))
    let file = join(RENDERER_DIR, path)
    if (!file.startsWith(RENDERER_DIR) || !existsSync(file) || statSync(file).isDirectory())
      file = join(RENDERER_DIR, 'index.html')
    // The app's one policy (host/shellPolicy.ts), so a page that needs more than it grants fails here too.
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
    })
    createReadStream(file).pipe(response)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no address')
  return { server, url: `http://127.0.0.1:${address.port}/` }
}

/**
 * The day every E2E test lives on, whatever the machine's date: the core's clock is fixed to it and
 * the renderer asks the core for today. November 2026 is the month in progress, October is past.
 */
export const E2E_NOW = new Date('2026-11-29T10:00:00+08:00')

export interface LedgerFixture {
  ctx: CoreContext
  dir: string
  /** Opens the app at a route (hash router), e.g. '#/roster'. */
  open: (route?: string) => Promise<void>
  /** Saves a screenshot under tests/output/screenshots for a person to look at. */
  shot: (name: string) => Promise<string>
  call: (name: string, input?: unknown) => Promise<unknown>
}

/**
 * The page reaches the core as in the app: through the renderer's schemas (no paths), and a place an
 * operation needs is "chosen" here, playing the main process's dialog: the test's folder 新位置.
 */
function chosenByMain(dir: string, name: unknown): Record<string, string> {
  const wanted = MAIN_CHOSEN[String(name)]
  return wanted ? { [wanted.field]: join(dir, '新位置') } : {}
}

/**
 * Starts the core as the app's core host does, through the start-up gate over the folder's
 * ledger.db (which the test may have prepared: encrypted, damaged…), and bridges it into the page.
 */
export async function bridgeGate(page: Page, dir: string): Promise<StartupGate> {
  const progress = (event: ProgressEvent) => {
    void page
      .evaluate((e) => (window as unknown as { __ledgerEmit: (e: unknown) => void }).__ledgerEmit(e), event)
      .catch(() => {})
  }
  const gate = createRendererGate(join(dir, 'ledger.db'), { context: { now: () => E2E_NOW, renderPdf, progress } })
  await page.exposeBinding('__ledgerInvoke', (_source, name: unknown, input: unknown) =>
    gate.invoke(String(name), input, chosenByMain(dir, name)),
  )
  await page.addInitScript(() => {
    const listeners: ((event: unknown) => void)[] = []
    const w = window as unknown as Record<string, unknown>
    w.__ledgerEmit = (event: unknown) => listeners.forEach((listener) => listener(event))
    // The bridge speaks JSON: the renderer's bytes (sent as they are to Electron's IPC) travel as base64.
    const encode = (value: unknown): unknown => {
      if (value instanceof ArrayBuffer) return encode(new Uint8Array(value))
      if (value instanceof Uint8Array) {
        let binary = ''
        for (let offset = 0; offset < value.length; offset += 0x8000)
          binary += String.fromCharCode(...value.subarray(offset, offset + 0x8000))
        return { base64: btoa(binary) }
      }
      if (Array.isArray(value)) return value.map(encode)
      if (value && typeof value === 'object')
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item)]))
      return value
    }
    w.ledger = {
      invoke: (name: string, input: unknown) =>
        (w.__ledgerInvoke as (n: string, i: unknown) => Promise<unknown>)(name, encode(input)),
      onProgress: (listener: (event: unknown) => void) => {
        listeners.push(listener)
        return () => listeners.splice(listeners.indexOf(listener), 1)
      },
    }
  })
  return gate
}

export const test = base.extend<{ ledger: LedgerFixture }>({
  ledger: async ({ page }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'))
    // The user's data folder is this test's folder: nothing a test does reaches the real one.
    process.env.VOLUNTEER_LEDGER_DATA = dir
    const gate = await bridgeGate(page, dir)
    const ctx = gate.ctx()
    if (!ctx) throw new Error(`E2E ledger did not open: ${gate.failure()?.message}`)
    const { server, url } = await serveRenderer()
    mkdirSync(SCREENSHOT_DIR, { recursive: true })
    await use({
      ctx,
      dir,
      open: async (route = '') => {
        await page.goto(url + route)
        await page.waitForSelector('[data-app-ready]')
      },
      shot: async (name) => {
        const path = join(SCREENSHOT_DIR, `${name}.png`)
        await page.screenshot({ path, fullPage: false })
        return path
      },
      call: async (name, input) => {
        const result = await invokeEnveloped(ctx, name, input ?? {})
        if (!result.ok) throw new Error(result.error.message)
        return result.value
      },
    })
    server.close()
    await closeContext(ctx)
    rmSync(dir, { recursive: true, force: true })
  },
})

export { expect } from '@playwright/test'
