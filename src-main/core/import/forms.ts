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
