// What a form contributes to the shared import machinery: which sheet to look for and how one row
// becomes a record. Reading, header mapping, skipping, merges, issues, history and the error
// workbook are the same for every form; 表2 and 表3 add their own entry here.
import type { CoreContext } from '../context'
import type { FormSheet } from '../forms/types'
import type { IssueLevel } from './types'
import type { SheetRow } from './rows'

export interface RowIssue {
  /** The form column the issue is about, or null for the row as a whole. */
  column: string | null
  level: IssueLevel
  message: string
}

export interface RowCheck<Item> {
  item: Item | null
  issues: RowIssue[]
}

export interface FormImporter<Item> {
  key: string
  sheet: FormSheet
  /** Loads what validation needs once per batch (vocabularies) and returns the row check. */
  prepare: (ctx: CoreContext) => (row: SheetRow) => RowCheck<Item>
}

/** A row's values keyed by the declaration's field names, as the domain rules take them. */
export function rawFields(sheet: FormSheet, row: SheetRow): Record<string, unknown> {
  const raw: Record<string, unknown> = {}
  for (const column of sheet.columns) {
    if (!column.field || column.exportOnly) continue
    const value = row.values[column.name] ?? null
    if (value !== null) raw[column.field] = value
  }
  return raw
}

/** Issues from a rule keyed by field become issues at the form's column. */
export function columnIssues(sheet: FormSheet, issues: readonly { field: string; level: IssueLevel; message: string }[]): RowIssue[] {
  return issues.map((issue) => ({
    column: sheet.columns.find((column) => column.field === issue.field)?.name ?? null,
    level: issue.level,
    message: issue.message,
  }))
}
