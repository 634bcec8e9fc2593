// The print stylesheet (FORMS.md, DESIGN.md "Printing"): A4, landscape for wide tables (a named
// page), the header row repeated on every page (thead as a table-header-group), 第 X 页 共 Y 页 in
// the bottom margin (CSS page-margin boxes, which Chromium renders in print preview and PDF alike),
// and font stacks that find the official fonts on Windows (仿宋, 黑体), then UOS/Kylin and Linux
// (Noto CJK), so a missing font never prints as empty boxes.

export const FONT_STACKS = {
  title: `"方正小标宋简体", "FZXiaoBiaoSong-B05S", "黑体", "SimHei", "Noto Serif CJK SC", "Noto Sans CJK SC", serif`,
  header: `"黑体", "SimHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif`,
  body: `"仿宋", "仿宋_GB2312", "FangSong", "FangSong_GB2312", "STFangsong", "Noto Serif CJK SC", "Noto Sans CJK SC", serif`,
} as const

export const PRINT_CSS = `
@page {
  size: A4 portrait;
  margin: 15mm 15mm 16mm;
  @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-family: ${FONT_STACKS.body}; font-size: 10pt; }
}
@page wide { size: A4 landscape; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${FONT_STACKS.body}; font-size: 10.5pt; color: #000; }
section.sheet.wide { page: wide; }
section.sheet + section.sheet { break-before: page; }
h1 { font-family: ${FONT_STACKS.title}; font-size: 18pt; font-weight: bold; text-align: center; margin: 0 0 4mm; line-height: 1.4; }
.unit-line { display: flex; justify-content: space-between; gap: 8mm; margin: 0 0 2mm; font-size: 10.5pt; }
table.form { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.form thead { display: table-header-group; }
table.form tr { break-inside: avoid; }
table.form th { font-family: ${FONT_STACKS.header}; font-weight: bold; background: #d9d9d9; border: 0.6pt solid #000; padding: 1.5mm 1mm; text-align: center; vertical-align: middle; }
table.form td { border: 0.6pt solid #000; padding: 0.8mm 1mm; vertical-align: middle; overflow-wrap: anywhere; white-space: pre-wrap; }
table.form td.number { text-align: right; white-space: nowrap; }
table.form td.code { white-space: nowrap; overflow-wrap: normal; }
table.form td.sequence { text-align: center; }
table.form tr.total td { font-weight: bold; }
.signatures { display: flex; justify-content: space-between; margin-top: 8mm; break-inside: avoid; }
.signatures span { flex: 1; }
@media screen {
  body { background: #e8e8e8; padding: 8mm 0; }
  section.sheet, section.page { background: #fff; width: 210mm; min-height: 297mm; margin: 0 auto 8mm; padding: 15mm; box-shadow: 0 1px 4px rgba(0,0,0,.2); }
  section.sheet.wide { width: 297mm; min-height: 210mm; }
}
`
