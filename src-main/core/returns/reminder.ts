// 未报送提醒名单: the units of the inbox that still owe a return, for the clerk to phone or send to the
// counties. Export-only, declared here like the highlights list, and written through the same
// writer, so paper and file agree (export/workbook.ts, print/tableDocument.ts).
import type { CoreContext } from '../context'
import type { FormSheet } from '../forms/types'
import { recordRows } from '../export/rows'
import { writeFormSheets, type ExportedWorkbook, type SheetToWrite } from '../export/workbook'
import { localDay } from '../plan/plannedTime'
import { readSettings } from '../settings/settings'
import { RETURN_FORMS, returnsInbox, type InboxFilter, type InboxRow } from './inbox'
import type { Period } from '../reports/period'

export const REMINDER_SHEET: FormSheet = {
  name: '未报送提醒名单',
  title: '临夏州教育系统志愿服务报表未报送提醒名单（{period}）',
  columns: [
    { name: '序号', kind: 'sequence', width: 6, help: '' },
    { name: '所在县市', field: 'county', kind: 'text', width: 14, help: '' },
    { name: '单位名称', field: 'unit', kind: 'text', width: 24, help: '' },
    { name: '单位类型', field: 'kind', kind: 'text', width: 10, help: '' },
    { name: '未报送', field: 'missing', kind: 'text', width: 22, help: '' },
    { name: '已报送（最近）', field: 'sent', kind: 'text', width: 24, help: '' },
    { name: '联系人及电话（名录备注）', field: 'note', kind: 'text', width: 24, help: '' },
  ],
}

function sentText(row: InboxRow): string {
  return RETURN_FORMS.flatMap((entry) => {
    const sent = row[entry.form]
    return sent ? [`${entry.label} ${localDay(new Date(sent.at))}`] : []
  }).join('；')
}

export function reminderRows(rows: readonly InboxRow[]): InboxRow[] {
  return rows.filter((row) => row.missing.length > 0)
}

export function reminderSheet(ctx: CoreContext, period: Period, filter: InboxFilter): SheetToWrite {
  const owing = reminderRows(returnsInbox(ctx.db, period, filter).rows)
  return {
    sheet: REMINDER_SHEET,
    content: {
      unitName: readSettings(ctx.db).unitName,
      date: ctx.now(),
      period: period.label,
      rows: recordRows(
        REMINDER_SHEET,
        owing.map((row) => ({
          county: row.countyName,
          unit: row.unit,
          kind: row.kind,
          missing: row.missing.join('、'),
          sent: sentText(row),
          note: row.note,
        })),
      ),
    },
  }
}

export function exportReminder(ctx: CoreContext, period: Period, filter: InboxFilter): Promise<ExportedWorkbook> {
  return writeFormSheets(ctx, [reminderSheet(ctx, period, filter)])
}
