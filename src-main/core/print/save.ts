// Where a printed document goes: an .html file as is, or a .pdf through the host's renderPdf.
import type { CoreContext } from '../context'
import { CoreError } from '../errors'
import { saveFile } from '../export/workbook'
import type { HtmlDocument } from './html'

/** Writes a document where `out` says: .html as is, .pdf through the host's Chromium. */
export async function saveDocument(ctx: CoreContext, document: HtmlDocument, out: string): Promise<{ file: string; bytes: number }> {
  if (/\.html?$/i.test(out)) {
    return { file: saveFile(out, document.html, out.toLowerCase().endsWith('.htm') ? '.htm' : '.html'), bytes: Buffer.byteLength(document.html) }
  }
  if (!/\.pdf$/i.test(out)) throw new CoreError('INVALID_INPUT', `输出文件“${out}”须以 .pdf 或 .html 结尾。`)
  const pdf = await renderer(ctx)(document.html)
  return { file: saveFile(out, pdf, '.pdf'), bytes: pdf.byteLength }
}

export function renderer(ctx: CoreContext): NonNullable<CoreContext['renderPdf']> {
  if (!ctx.renderPdf) throw new CoreError('INTERNAL', '此环境不能生成 PDF：请在程序中用“打印”另存为 PDF，或输出 .html 文件。')
  return ctx.renderPdf
}
