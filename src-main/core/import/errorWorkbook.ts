// The error workbook sent back to a school: its own file, unchanged except that each bad cell is
// filled (red for errors, yellow for warnings) and carries a comment saying what to fix. The school
// corrects its own layout instead of retyping into ours.
import ExcelJS from 'exceljs'
import type { ImportIssue } from './types'

const ERROR_FILL = 'FFFF7C80'
const WARNING_FILL = 'FFFFFF00'

interface CellMark {
  level: ImportIssue['level']
  messages: string[]
}

function marksBySheet(issues: readonly ImportIssue[]): Map<string, Map<string, CellMark>> {
  const sheets = new Map<string, Map<string, CellMark>>()
  for (const issue of issues) {
    if (!issue.sheet || issue.row === null) continue
    // An issue about the row as a whole (no column) is marked on its first cell.
    const address = issue.cell ?? `A${issue.row}`
    const cells = sheets.get(issue.sheet) ?? new Map<string, CellMark>()
    sheets.set(issue.sheet, cells)
    const mark = cells.get(address) ?? { level: issue.level, messages: [] }
    if (issue.level === 'error') mark.level = 'error'
    mark.messages.push(`${issue.level === 'error' ? '错误' : '提醒'}：${issue.message}`)
    cells.set(address, mark)
  }
  return sheets
}

export async function buildErrorWorkbook(source: Buffer, issues: readonly ImportIssue[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(source as unknown as ArrayBuffer)
  for (const [sheetName, cells] of marksBySheet(issues)) {
    const sheet = workbook.getWorksheet(sheetName)
    if (!sheet) continue
    for (const [address, mark] of cells) {
      const cell = sheet.getCell(address)
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: mark.level === 'error' ? ERROR_FILL : WARNING_FILL } }
      cell.note = mark.messages.join('\n')
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** 学校A.xlsx → 学校A（错误标注）.xlsx; a suffix keeps two files of the same name apart. */
export function errorWorkbookName(file: string, taken: Set<string>): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')
  let name = `${base}（错误标注）.xlsx`
  for (let counter = 2; taken.has(name); counter++) name = `${base}（错误标注）-${counter}.xlsx`
  taken.add(name)
  return name
}
