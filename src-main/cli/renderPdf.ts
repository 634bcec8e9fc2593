// HTML → PDF through Debian's Chromium, driven by Playwright: the one place outside Electron that
// renders the core's print documents, used by the CLI (`print --out x.pdf`, certificates) and by
// the tests. Electron prints the same HTML with webContents.printToPDF (electron/print.ts).
//
// Each call launches its own headless browser, which Playwright starts on a fresh temporary
// profile (user-data-dir) and deletes afterwards, so no state leaks between documents.
import { chromium } from '@playwright/test'
import { CoreError } from '../core/errors'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** The flags the E2E tests use too (playwright.config.ts imports them from here). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export async function renderPdf(html: string): Promise<Uint8Array> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage()
    // The documents are self-contained (inline CSS, images as data: URLs), so "load" is enough.
    await page.setContent(html, { waitUntil: 'load' })
    // The page size and margins come from the document's @page rules (A4, landscape where wide).
    try {
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
      return new Uint8Array(pdf)
    } catch (error) {
      // Chromium 156 gives up on one document of roughly 700 pages or more (12,500 table rows print,
      // 15,000 do not): say so and what to do, rather than a protocol error.
      if (/Printing failed/.test((error as Error).message)) {
        throw new CoreError(
          'FILE',
          '文档太长，Chromium 无法一次生成 PDF（约 700 页以上）。请按县市、单位或时段分批打印。',
        )
      }
      throw error
    }
  } finally {
    await browser.close()
  }
}
