// The error workbook sent back to a school: its own file, unchanged except that each bad cell is
// filled (red for errors, yellow for warnings) and carries a comment saying what to fix, and a
// first sheet 问题汇总 lists every problem. The school corrects its own layout instead of retyping
// into ours.
//
// Exactly the bad cells change. A cell's style is shared with every cell that looks the same
// (exceljs hands all of them one style object; LibreOffice writes one style for a whole column), so
// a marked cell gets a copy of its style with the fill changed; the shared one is never touched.
// What exceljs does not keep faithfully (data validations, comment authors and box sizes) is put
// right in the written zip afterwards (xlsx/writePatch.ts).
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { finishComments, restoreValidations, type NoteBox } from '../xlsx/writePatch'
import { NOTE_FONT, noteBox } from './errorNotes'
import { prependSummary } from './errorSummary'
import { schoolIssue, type SchoolIssue } from './schoolText'
import type { ImportIssue } from './types'

export const ERROR_FILL = 'FFFF7C80'
export const WARNING_FILL = 'FFFFFF00'

export interface ErrorWorkbookOptions {
  /** The bureau's unit name: the comments' author and 反馈单位 on 问题汇总. */
  unitName: string
  /** 反馈日期 on 问题汇总; null leaves it blank. */
  now: Date | null
}

/** An error workbook that cannot be made as asked (a sheet named in the issues is not in the file). */
export class ErrorWorkbookError extends Error {}

interface CellMark {
  level: ImportIssue['level']
  lines: string[]
}

function noteLine(issue: SchoolIssue): string {
  return `${issue.level === 'error' ? '错误' : '提醒'}：${issue.problem}。${issue.fix}。`
}

/** The school's issues, each said once (two checks can find the same thing on one cell). */
export function schoolIssues(issues: readonly ImportIssue[]): SchoolIssue[] {
  const seen = new Set<string>()
  const kept: SchoolIssue[] = []
  for (const issue of issues) {
    const school = schoolIssue(issue)
    if (!school) continue
    const key = `${school.sheet}|${school.row}|${school.cell}|${school.problem}`
    if (seen.has(key)) continue
    seen.add(key)
    kept.push(school)
  }
  return kept
}

function marksBySheet(issues: readonly SchoolIssue[]): Map<string, Map<string, CellMark>> {
  const sheets = new Map<string, Map<string, CellMark>>()
  for (const issue of issues) {
    if (!issue.sheet || issue.row === null) continue
    // An issue about the row as a whole (no column) is marked on its first cell.
    const address = issue.cell ?? `A${issue.row}`
    const cells = sheets.get(issue.sheet) ?? new Map<string, CellMark>()
    sheets.set(issue.sheet, cells)
    const mark = cells.get(address) ?? { level: issue.level, lines: [] }
    // Red wins over yellow, whatever order the issues come in.
    if (issue.level === 'error') mark.level = 'error'
    const line = noteLine(issue)
    if (!mark.lines.includes(line)) mark.lines.push(line)
    cells.set(address, mark)
  }
  return sheets
}

/** Errors first in a comment, as in the summary. */
function orderedLines(mark: CellMark): string[] {
  return [
    ...mark.lines.filter((line) => line.startsWith('错误')),
    ...mark.lines.filter((line) => !line.startsWith('错误')),
  ]
}

function previousNote(cell: ExcelJS.Cell): ExcelJS.RichText[] {
  const note = cell.note as string | ExcelJS.Comment | undefined
  if (!note) return []
  const texts = typeof note === 'string' ? [{ text: note }] : (note.texts ?? [])
  return [...texts, { text: '\n' }]
}

function markCell(sheet: ExcelJS.Worksheet, address: string, mark: CellMark): NoteBox {
  const cell = sheet.getCell(address)
  const style = structuredClone(cell.style ?? {})
  style.fill = {
    type: 'pattern',
    pattern: 'solid',
    fgColor: { argb: mark.level === 'error' ? ERROR_FILL : WARNING_FILL },
  }
  cell.style = style
  const texts = [...previousNote(cell), { text: orderedLines(mark).join('\n'), font: NOTE_FONT }]
  cell.note = {
    texts,
    margins: { insetmode: 'auto', inset: [0.13, 0.13, 0.25, 0.25] },
    editAs: 'absolute',
  } as ExcelJS.Comment
  return noteBox(
    sheet,
    Number(cell.row),
    Number(cell.col),
    texts
      .map((text) => text.text)
      .join('')
      .split('\n'),
  )
}

/**
 * A cell inside a merged range is hidden under the range's first cell: that one is marked, and
 * each comment line names its row (a 工作单位 merged down twenty rows may be wrong on two of them).
 */
function visibleMarks(sheet: ExcelJS.Worksheet, cells: Map<string, CellMark>): Map<string, CellMark> {
  const visible = new Map<string, CellMark>()
  for (const [address, mark] of cells) {
    const cell = sheet.getCell(address)
    const target = cell.isMerged ? cell.master.address : address
    const lines = target === address ? mark.lines : mark.lines.map((line) => `第 ${cell.row} 行${line}`)
    const known = visible.get(target)
    if (!known) visible.set(target, { level: mark.level, lines: [...lines] })
    else {
      if (mark.level === 'error') known.level = 'error'
      known.lines.push(...lines)
    }
  }
  return visible
}

/** Marks every cell of `issues` and returns the comment boxes to size, by sheet. */
function markCells(workbook: ExcelJS.Workbook, issues: readonly SchoolIssue[]): Map<string, NoteBox[]> {
  const boxes = new Map<string, NoteBox[]>()
  for (const [sheetName, cells] of marksBySheet(issues)) {
    const sheet = workbook.getWorksheet(sheetName)
    if (!sheet) throw new ErrorWorkbookError(`文件中没有工作表“${sheetName}”，无法在其中标注问题`)
    boxes.set(
      sheetName,
      [...visibleMarks(sheet, cells)].map(([address, mark]) => markCell(sheet, address, mark)),
    )
  }
  return boxes
}

export async function buildErrorWorkbook(
  source: Buffer,
  issues: readonly ImportIssue[],
  options: ErrorWorkbookOptions & { file?: string },
): Promise<Buffer> {
  const school = schoolIssues(issues)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(source as unknown as ArrayBuffer)
  const boxes = markCells(workbook, school)
  prependSummary(workbook, school, {
    file: options.file ?? issues[0]?.file ?? '',
    unitName: options.unitName,
    now: options.now,
  })
  const written = await JSZip.loadAsync(await workbook.xlsx.writeBuffer())
  await restoreValidations(await JSZip.loadAsync(source), written)
  await finishComments(written, options.unitName, boxes)
  return written.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } })
}

/** 学校A.xlsx → 学校A（错误标注）.xlsx; a suffix keeps two files of the same name apart. */
export function errorWorkbookName(file: string, taken: Set<string>, suffix = '错误标注'): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '')
  let name = `${base}（${suffix}）.xlsx`
  for (let counter = 2; taken.has(name); counter++) name = `${base}（${suffix}）-${counter}.xlsx`
  taken.add(name)
  return name
}
