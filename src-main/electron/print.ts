// Printing in the app (DESIGN.md "Printing"): the core makes the HTML, this file only hands it to
// Chromium inside Electron. A hidden, sandboxed window without scripts loads the document, then
// either prints it through the system print dialog (with its preview) or renders it to PDF with
// webContents.printToPDF, honouring the document's own @page rules (A4, landscape where wide).
//
// The core runs in a utility process with no windows, so the two operations that need Chromium are
// answered here: `print.pdf` (the renderer's invoke is taken by main, the core makes the document
// with print.document, this file renders it) and the preload's `print(input)`. The renderer names a
// report, never sends HTML or a path.
import { BrowserWindow, ipcMain, type WebContents } from 'electron'
import { PDFDocument } from 'pdf-lib'
import type { Envelope } from '../core/api'
import type { SupervisedCore } from '../host/supervisor'
import { PRINT_CHANNEL } from './bridge'
import { isTrustedSender } from './ipc'

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

interface PrintedDocument {
  html: string
  title: string
  /** A document too long for one print (a bulk run of certificates): rendered part by part, joined. */
  parts?: string[]
}

async function documentFrom(core: SupervisedCore, input: unknown): Promise<Envelope<PrintedDocument>> {
  const answer = await core.invoke('print.document', { ...(input as object), out: undefined })
  if (!answer.ok) return answer
  const document = answer.value as Partial<PrintedDocument>
  if (typeof document.html !== 'string')
    return { ok: false, error: { code: 'INTERNAL', message: '打印失败：没有得到打印文档' } }
  const parts = Array.isArray(document.parts)
    ? document.parts.filter((part): part is string => typeof part === 'string')
    : undefined
  return { ok: true, value: { html: document.html, title: String(document.title ?? '打印'), parts } }
}

/** One PDF of the whole document; Chromium gives up on one print of about 700 pages. */
async function renderParts(document: PrintedDocument): Promise<Uint8Array> {
  if (!document.parts || document.parts.length < 2) return printToPdf(document.html)
  const joined = await PDFDocument.create()
  for (const part of document.parts) {
    const rendered = await PDFDocument.load(await printToPdf(part))
    for (const page of await joined.copyPages(rendered, rendered.getPageIndices())) joined.addPage(page)
  }
  return joined.save()
}

/** `print.pdf` as the core answers it elsewhere: the PDF's bytes and a file name from the title. */
export async function printPdfThroughCore(core: SupervisedCore, input: unknown): Promise<Envelope<unknown>> {
  const document = await documentFrom(core, input)
  if (!document.ok) return document
  const data = await renderParts(document.value)
  return { ok: true, value: { fileName: `${document.value.title.replace(/[\\/:*?"<>|]/g, '_')}.pdf`, data, rows: 0 } }
}

/** The preload's print(input): the core makes the document, the system dialog prints it. */
export function registerPrint(core: SupervisedCore, window: WebContents, devServer: string | undefined): void {
  ipcMain.removeHandler(PRINT_CHANNEL)
  ipcMain.handle(PRINT_CHANNEL, async (event, input: unknown) => {
    if (!isTrustedSender(event, window, devServer))
      return { ok: false, error: { code: 'INVALID_INPUT', message: '拒绝来自未知页面的请求' } }
    try {
      const document = await documentFrom(core, input)
      if (!document.ok) return document
      return { ok: true, value: await printOnPaper(document.value.html) }
    } catch (error) {
      return { ok: false, error: { code: 'INTERNAL', message: `打印失败：${(error as Error).message}` } }
    }
  })
}
