// Printing: `print.document` gives the HTML of a report for the app's preview and print (Electron
// prints it with webContents.print / printToPDF), or, with `out`, writes it as .html, or as .pdf
// through the host's renderPdf (the CLI's Chromium). Personal numbers are masked unless
// `fullNumbers` is chosen for this one print, which is recorded in the audit history.
import { z } from 'zod'
import { hostPath } from '../hostPath'
import { outputHandler } from '../export/outputs'
import { periodFields, REPORT_FLAGS } from '../reports/handlers'
import { documentFor, PRINTABLE_REPORTS } from './registry'
import { documentPdf, printed, saveDocument } from './save'
import type { HtmlDocument } from './html'

const flag = z.union([z.boolean(), z.stringbool()]).default(false)

const rosterFilterFields = {
  q: z.string().max(100).optional(),
  political: z.string().max(50).optional(),
}

export const printInput = z.object({
  report: z.enum(PRINTABLE_REPORTS, { error: `可打印的内容：${PRINTABLE_REPORTS.join('、')}` }),
  ...periodFields,
  filters: periodFields.filters.unwrap().extend(rosterFilterFields).optional(),
  fullNumbers: flag,
  /** highlight-page: the activity. */
  activity: z.coerce.number().int().positive().optional(),
  /** certificate: the certificate numbers or ids to reprint. */
  certificates: z.array(z.coerce.number().int().positive()).max(5000).optional(),
  out: hostPath(z.string().trim().min(1).max(1000).optional()),
})

export type PrintInput = z.output<typeof printInput>

export type PrintResult = HtmlDocument | { file: string; bytes: number }

/** 志愿服务时长统计表（2026年度）.pdf: the document's title, safe as a file name. */
function pdfFileName(document: HtmlDocument): string {
  return `${document.title.replace(/[\\/:*?"<>|]/g, '_')}.pdf`
}

export const printHandlers = {
  'print.document': outputHandler({
    input: printInput,
    output: 'print',
    produce: async (ctx, input) => {
      const document = documentFor(ctx, input)
      const result: PrintResult = input.out ? await saveDocument(ctx, document, input.out) : document
      return { result, facts: printed(document) }
    },
    cli: {
      command: 'print',
      flags: { ...REPORT_FLAGS, report: 'report', activity: 'activity', out: 'out', 'full-numbers': 'fullNumbers' },
      summary: `打印或另存 PDF：--report ${PRINTABLE_REPORTS.join('|')} [--year 年度] [--activity 活动ID] --out 文件.pdf|文件.html`,
      exitCode: (result: PrintResult) => ('html' in result ? 2 : 0),
    },
  }),
  /** The same document as PDF bytes, for the UI to save where the clerk chooses. */
  'print.pdf': outputHandler({
    input: printInput.omit({ out: true }),
    output: 'print',
    produce: async (ctx, input) => {
      const document = documentFor(ctx, input)
      const data = await documentPdf(ctx, document)
      return { result: { fileName: pdfFileName(document), data, rows: 0 }, facts: printed(document) }
    },
  }),
}
