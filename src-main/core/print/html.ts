// The shell of every printed document: one self-contained HTML page (no scripts, no remote
// content) with the print stylesheet inline, so the app's preview, Electron's printToPDF and the
// CLI's Chromium all render exactly the same bytes.
import { PRINT_CSS } from './styles'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text for HTML: markup characters escaped, so a note like "<b>" or "=1+1" prints as typed. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char)
}

export interface HtmlDocument {
  title: string
  html: string
  /**
   * The same content as separate documents, for a PDF too long to render at once; only for
   * documents without running page numbers (certificates), since each part counts from 1.
   */
  parts?: string[]
  /** The data rows it prints (records of the first table, certificates), for the audit history. */
  rows?: number
}

export function htmlDocument(title: string, body: string, extraCss = ''): HtmlDocument {
  const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${PRINT_CSS}${extraCss}</style>
</head>
<body>
${body}
</body>
</html>
`
  return { title, html }
}
