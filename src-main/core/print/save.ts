// Where a printed document goes: an .html file as is, or a .pdf through the host's renderPdf.
// A document with parts (a bulk run of certificates) is rendered part by part and the PDFs joined:
// Chromium gives up on one print of about 700 pages or more.
import { PDFDocument } from 'pdf-lib'
import type { CoreContext } from '../context'
import { CoreError } from '../errors'
import { saveFile } from '../export/workbook'
import type { HtmlDocument } from './html'

/** A printed document for the audit history: its title, and its rows (a single page counts as one). */
export function printed(document: HtmlDocument): { output: string; rows: number } {
  return { output: document.title, rows: document.rows ?? 1 }
}

/** Writes a document where `out` says: .html as is, .pdf through the host's Chromium. */
export async function saveDocument(
  ctx: CoreContext,
  document: HtmlDocument,
  out: string,
): Promise<{ file: string; bytes: number }> {
  if (/\.html?$/i.test(out)) {
    return {
      file: saveFile(out, document.html, out.toLowerCase().endsWith('.htm') ? '.htm' : '.html'),
      bytes: Buffer.byteLength(document.html),
    }
  }
  if (!/\.pdf$/i.test(out)) throw new CoreError('INVALID_INPUT', `输出文件“${out}”须以 .pdf 或 .html 结尾。`)
  const pdf = await documentPdf(ctx, document)
  return { file: saveFile(out, pdf, '.pdf'), bytes: pdf.byteLength }
}

export async function documentPdf(ctx: CoreContext, document: HtmlDocument): Promise<Uint8Array> {
  const render = renderer(ctx)
  if (!document.parts || document.parts.length < 2) return render(document.html)
  const joined = await PDFDocument.create()
  for (const [index, part] of document.parts.entries()) {
    ctx.progress({ job: 'print', phase: '生成 PDF', done: index, total: document.parts.length })
    const rendered = await PDFDocument.load(await render(part))
    for (const page of await joined.copyPages(rendered, rendered.getPageIndices())) joined.addPage(page)
  }
  ctx.progress({ job: 'print', phase: '生成 PDF', done: document.parts.length, total: document.parts.length })
  return joined.save()
}

export function renderer(ctx: CoreContext): NonNullable<CoreContext['renderPdf']> {
  if (!ctx.renderPdf)
    throw new CoreError('INTERNAL', '此环境不能生成 PDF：请在程序中用“打印”另存为 PDF，或输出 .html 文件。')
  return ctx.renderPdf
}
