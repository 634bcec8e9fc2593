// The 问题汇总 sheet: every problem of a school's file on one printable page in the bureau's form
// layout (FORMS.md), first in the workbook sent back, so the school sees the list before the marked
// cells. A file that could not be read at all gets a workbook of this one sheet, saying why.
import ExcelJS from 'exceljs'
import { basename } from 'node:path'
import type { FormSheet } from '../forms/types'
import { writeFormSheet } from '../xlsx/writeForm'
import type { SchoolIssue } from './schoolText'

export const SUMMARY_SHEET = '问题汇总'

const SUMMARY_FORM: FormSheet = {
  name: SUMMARY_SHEET,
  title: '报送表格问题汇总',
  columns: [
    { name: '序号', kind: 'sequence', width: 6, help: '' },
    { name: '工作表', kind: 'text', width: 12, help: '' },
    { name: '行', kind: 'integer', width: 7, help: '' },
    { name: '列', kind: 'text', width: 16, help: '' },
    { name: '类别', kind: 'text', width: 7, help: '' },
    { name: '问题', kind: 'text', width: 44, help: '' },
    { name: '如何修改', kind: 'text', width: 36, help: '' },
  ],
}

const MARKED_NOTE =
  '说明：错误（单元格标红）的行未被接收，请改正后重新报送整份文件；提醒（单元格标黄）的行已接收，请核对，确认无误可不修改。把鼠标移到标色的单元格上可看到批注。'
const FILE_NOTE = '说明：此文件未能读取，其中的数据均未接收。请按上表修改后重新报送。'

export interface SummaryContext {
  /** The school's file name (a path is cut to its name). */
  file: string
  unitName: string
  now: Date | null
}

/** 列 as the school sees it: the letter of its own sheet and the form's column name. */
function columnLabel(issue: SchoolIssue): string | null {
  const letters = issue.cell?.match(/^[A-Z]+/)?.[0]
  if (letters && issue.column) return `${letters}（${issue.column}）`
  return issue.column ?? letters ?? null
}

function addSummarySheet(
  workbook: ExcelJS.Workbook,
  issues: readonly SchoolIssue[],
  context: SummaryContext,
  note: string,
): ExcelJS.Worksheet {
  const sheet = { ...SUMMARY_FORM, title: `“${basename(context.file.replace(/\\/g, '/'))}”问题汇总` }
  const rows = issues.map((issue) => [
    null,
    issue.sheet,
    issue.row,
    columnLabel(issue),
    issue.level === 'error' ? '错误' : '提醒',
    issue.problem,
    issue.fix,
  ])
  return writeFormSheet(workbook, sheet, {
    unitName: context.unitName,
    unitLabel: '反馈单位',
    date: context.now,
    dateLabel: '反馈日期',
    rows,
    footerText: note,
  }).worksheet
}

/**
 * Puts 问题汇总 first and makes it the sheet the file opens on. A 问题汇总 left from an earlier
 * reply (a school that sends back the workbook it was given) is replaced, not doubled.
 */
export function prependSummary(
  workbook: ExcelJS.Workbook,
  issues: readonly SchoolIssue[],
  context: SummaryContext,
): void {
  const old = workbook.getWorksheet(SUMMARY_SHEET)
  if (old) workbook.removeWorksheet(old.id)
  const others = workbook.worksheets
  const summary = addSummarySheet(workbook, issues, context, MARKED_NOTE)
  // exceljs writes sheets in the order of `orderNo`, which its types do not declare.
  const order = (sheet: ExcelJS.Worksheet) => sheet as unknown as { orderNo: number }
  order(summary).orderNo = Math.min(0, ...others.map((sheet) => order(sheet).orderNo)) - 1
  for (const sheet of others) sheet.views = (sheet.views ?? []).map((view) => ({ ...view, tabSelected: false }))
  summary.views = summary.views.map((view) => ({ ...view, tabSelected: true }))
  const view = workbook.views?.[0]
  workbook.views = [
    { x: 0, y: 0, width: 12000, height: 8000, visibility: 'visible', ...view, firstSheet: 0, activeTab: 0 },
  ]
}

/** The reply for a file that failed as a whole (.xls, damaged, no 身份证号码 column, too big). */
export async function fileReplyWorkbook(
  problem: { problem: string; fix: string },
  context: SummaryContext,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = context.unitName
  if (context.now) workbook.created = context.now
  const issue: SchoolIssue = { sheet: null, row: null, column: null, cell: null, level: 'error', ...problem }
  addSummarySheet(workbook, [issue], context, FILE_NOTE)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
