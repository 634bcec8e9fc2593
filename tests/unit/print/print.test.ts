// Printing: every report as the core's HTML, rendered to PDF by Chromium (the CLI's renderPdf),
// then read back with poppler: titles, the header row on every page, 第 X 页 共 Y 页, masked
// numbers, embedded CJK fonts (no missing glyphs).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { renderPdf } from '../../../src-main/cli/renderPdf'
import { TABLE_REPORTS } from '../../../src-main/core/print/documents'
import { tablesDocument } from '../../../src-main/core/print/tableDocument'
import { HIGHLIGHTS_SHEET } from '../../../src-main/core/export/highlights'
import { seedReports, VOLUNTEERS, type ReportSeed } from '../reports/seedReports'
import { pageText, pdfFonts, pdfPages } from './pdf'

let seed: ReportSeed
beforeAll(async () => {
  seed = await seedReports('ledger-print-')
  seed.db.ctx.renderPdf = renderPdf
})
afterAll(() => seed.db.close())

const html = async (input: Record<string, unknown>) => {
  const result = await invoke(seed.db.ctx, 'print.document', input as never)
  if (!('html' in result)) throw new Error('expected html')
  return result
}

const TITLES: Record<(typeof TABLE_REPORTS)[number], string> = {
  roster: '志愿者花名册',
  plan: '志愿服务活动清单（2026年度）',
  activities: '志愿服务活动开展情况登记表',
  hours: '志愿服务时长统计表（2026年度）',
  monthly: '志愿服务月度统计表（2026年度）',
  yearly: '志愿服务年度统计表（2026年度·按责任科室）',
  highlights: '工作亮点',
}

describe('print documents', () => {
  it('makes one self-contained HTML page with the print stylesheet', async () => {
    const doc = await html({ report: 'hours', year: 2026 })
    expect(doc.title).toBe('志愿服务时长统计表（2026年度）')
    expect(doc.html).toContain('@page wide { size: A4 landscape; }')
    expect(doc.html).toMatch(/<section class="sheet wide" style="--table-size:[\d.]+pt">/)
    expect(doc.html).toContain('thead { display: table-header-group; }')
    expect(doc.html).toContain('counter(page)')
    expect(doc.html).not.toMatch(/<script|https?:\/\//)
  })

  it('masks ID numbers unless full numbers are chosen, which is recorded', async () => {
    const masked = await html({ report: 'hours', year: 2026 })
    expect(masked.html).not.toContain(VOLUNTEERS.ma.idNumber)
    expect(masked.html).toContain(`622901********${VOLUNTEERS.ma.idNumber.slice(-4)}`)
    const roster = await html({ report: 'roster' })
    expect(roster.html).not.toContain(VOLUNTEERS.ma.idNumber)
    expect(roster.html).not.toContain(VOLUNTEERS.ma.phone)
    const full = await html({ report: 'roster', fullNumbers: true })
    expect(full.html).toContain(VOLUNTEERS.ma.idNumber)
    const audit = await invoke(seed.db.ctx, 'audit.list', { entity: 'output' })
    expect(audit.rows[0]).toMatchObject({
      action: 'print-full-numbers',
      summary: '打印“志愿者花名册”含完整身份证号码和联系电话，共 3 行',
    })
  })

  it('escapes markup, so a note prints as typed and a formula-like one stays text', () => {
    const doc = tablesDocument('测试', [
      {
        sheet: HIGHLIGHTS_SHEET,
        content: {
          unitName: '<i>局</i>',
          date: null,
          year: 2026,
          rows: [[null, '2026-01-01', '<b>=1+1</b>', '@SUM(A1)']],
        },
      },
    ])
    expect(doc.html).toContain('&lt;b&gt;=1+1&lt;/b&gt;')
    expect(doc.html).toContain('&lt;i&gt;局&lt;/i&gt;')
    expect(doc.html).not.toContain('<b>')
  })
})

describe('print to PDF', () => {
  it.each(TABLE_REPORTS)(
    'renders %s to PDF with its title, page numbers and embedded CJK fonts',
    async (report) => {
      const result = await invoke(seed.db.ctx, 'print.document', {
        report,
        year: 2026,
        out: `${seed.db.dir}/${report}.pdf`,
      })
      if (!('file' in result)) throw new Error('expected a file')
      const pages = pdfPages(result.file)
      expect(pages).toBeGreaterThanOrEqual(1)
      const first = pageText(result.file, 1).replace(/\s+/g, '')
      expect(first).toContain(TITLES[report])
      expect(first).toContain(`第1页共${pages}页`)
      // Every font is embedded with a Unicode map (Chromium embeds Noto CJK as Type 3 glyphs), and
      // the text reads back: a glyph missing from every font would not.
      const fonts = pdfFonts(result.file)
        .split('\n')
        .slice(2)
        .filter((line) => line.trim())
      expect(fonts.length).toBeGreaterThan(0)
      expect(fonts.filter((line) => !/\byes\s+(yes|no)\s+yes\b/.test(line))).toEqual([])
      expect(first).toContain('填报单位（盖章）：临夏州教育局')
    },
    30_000,
  )

  it('writes .html when asked', async () => {
    const result = await invoke(seed.db.ctx, 'print.document', {
      report: 'monthly',
      year: 2026,
      out: `${seed.db.dir}/月度.html`,
    })
    expect(result).toMatchObject({ file: `${seed.db.dir}/月度.html` })
  })
})
