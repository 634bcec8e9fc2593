// Printing in the app (DESIGN.md "Printing"): the core makes the HTML, this file only hands it to
// Chromium inside Electron. A hidden, sandboxed window without scripts loads the document, then
// either prints it through the system print dialog (with its preview) or renders it to PDF with
// webContents.printToPDF, honouring the document's own @page rules (A4, landscape where wide).
//
// Hooks (kept minimal, see main.ts): `printToPdf` is the core's ctx.renderPdf, so the `print.pdf`
// operation returns PDF bytes in the app as it does in the CLI and tests; `registerPrint` answers
// the preload's `print(input)`: the renderer names a report, never sends HTML or a path.
import { BrowserWindow, ipcMain, type WebContents } from 'electron'
import { invoke, type CoreContext } from '../core/index'
import { PRINT_CHANNEL } from './bridge'

async function withDocument<T>(html: string, use: (contents: WebContents) => Promise<T>): Promise<T> {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  })
  try {
    window.webContents.on('will-navigate', (event) => event.preventDefault())
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`)
    return await use(window.webContents)
  } finally {
    window.destroy()
  }
}

export function printToPdf(html: string): Promise<Uint8Array> {
  return withDocument(html, async (contents) => {
    const pdf = await contents.printToPDF({ preferCSSPageSize: true, printBackground: true })
    return new Uint8Array(pdf)
  })
}

export function printOnPaper(html: string): Promise<{ printed: boolean; reason?: string }> {
  return withDocument(
    html,
    (contents) =>
      new Promise((resolve) => {
        contents.print({ silent: false, printBackground: true }, (printed, reason) => resolve({ printed, reason }))
      }),
  )
}

/** The preload's print(input): the core makes the document, the system dialog prints it. */
export function registerPrint(ctx: CoreContext, window: WebContents): void {
  ipcMain.removeHandler(PRINT_CHANNEL)
  ipcMain.handle(PRINT_CHANNEL, async (event, input: unknown) => {
    if (event.sender !== window) return { ok: false, error: { code: 'INVALID_INPUT', message: '拒绝来自未知页面的请求' } }
    try {
      const document = await invoke(ctx, 'print.document', { ...(input as object), out: undefined })
      if (!('html' in document)) throw new Error('print.document returned a file')
      return { ok: true, value: await printOnPaper(document.html) }
    } catch (error) {
      return { ok: false, error: { code: 'INTERNAL', message: `打印失败：${(error as Error).message}` } }
    }
  })
}
