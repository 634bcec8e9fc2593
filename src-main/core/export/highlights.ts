// The year's 工作亮点 list: the activities flagged as highlights, for the summing-up and promotion
// the plan asks for (DOMAIN.md). Export-only, so its declaration lives here rather than in forms/
// (which holds the forms schools fill in and the importer reads); it goes through the same writer,
// so it prints like every other form.
import type { CoreContext } from '../context'
import type { FormSheet } from '../forms/types'
import { selectActivitiesOfYear, type ActivityExportRow } from './activities'
import type { FieldValues } from './rows'
import { recordSheet, writeFormSheets, type ExportedWorkbook, type SheetToWrite } from './workbook'

export const HIGHLIGHTS_SHEET: FormSheet = {
  name: '工作亮点',
  title: '临夏州教育系统新时代文明实践志愿服务工作亮点（{year}年度）',
  columns: [
    { name: '序号', kind: 'sequence', width: 6, help: '' },
    { name: '开展日期', field: 'heldOn', kind: 'date', width: 12, help: '' },
    { name: '活动名称', field: 'name', kind: 'text', width: 22, help: '' },
    { name: '活动类别', field: 'task', kind: 'text', width: 11, help: '' },
    { name: '组织单位', field: 'organizer', kind: 'text', width: 16, help: '' },
    { name: '责任科室', field: 'departments', kind: 'text', width: 16, help: '' },
    { name: '参与志愿者人数', field: 'participantsCount', kind: 'integer', width: 10, help: '' },
    { name: '受益人数', field: 'beneficiaries', kind: 'integer', width: 9, help: '' },
    { name: '亮点做法', field: 'practice', kind: 'text', width: 48, help: '' },
  ],
}

function highlightFields(row: ActivityExportRow): FieldValues {
  return {
    heldOn: row.heldOn,
    name: row.name,
    task: row.taskName,
    organizer: row.organizer,
    departments: row.departments,
    participantsCount: row.participants,
    beneficiaries: row.beneficiaries,
    // The write-up when the clerk wrote one; otherwise the activity's own summary says what was done.
    practice: row.highlightText ?? row.summary,
  }
}

export function highlightsSheet(ctx: CoreContext, year: number): SheetToWrite {
  return recordSheet(ctx, HIGHLIGHTS_SHEET, selectActivitiesOfYear(ctx.db, year, true).map(highlightFields), { year })
}

export function exportHighlights(ctx: CoreContext, year: number): Promise<ExportedWorkbook> {
  return writeFormSheets(ctx, [highlightsSheet(ctx, year)])
}
