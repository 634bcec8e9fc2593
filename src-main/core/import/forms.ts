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

export interface FormImporter<Item, Data = unknown> {
  key: string
  sheet: FormSheet
  /**
   * Loads what validation needs once per batch (vocabularies, tasks, today) as plain data: the rows
   * are checked in a parse worker (import/parsePool.ts), which has no database and receives a copy.
   */
  load: (ctx: CoreContext) => Data
  /** The row check made from that data, in the worker or in process. */
  checker: (data: Data) => (row: SheetRow) => RowCheck<Item>
}

/** The row check for this batch, in process. */
export function prepareCheck<Item, Data>(
  importer: FormImporter<Item, Data>,
  ctx: CoreContext,
): (row: SheetRow) => RowCheck<Item> {
  return importer.checker(importer.load(ctx))
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
export function columnIssues(
  sheet: FormSheet,
  issues: readonly { field: string; level: IssueLevel; message: string }[],
): RowIssue[] {
  return issues.map((issue) => ({
    column: sheet.columns.find((column) => column.field === issue.field)?.name ?? null,
    level: issue.level,
    message: issue.message,
  }))
}
