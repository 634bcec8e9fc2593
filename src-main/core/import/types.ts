// The shapes an import passes around and hands to the UI. One set for every form: 表1 now,
// 表2 and 表3 later plug in their own record validation (see forms.ts).
import type { FieldChange } from '../roster/merge'

/** A file to import: the CLI gives a path, the UI gives the bytes it read. */
export interface ImportSource {
  name: string
  path?: string
  data?: Uint8Array
}

export type IssueLevel = 'error' | 'warning'

export interface ImportIssue {
  file: string
  /** Index of the file in the batch, so two files with the same name stay apart. */
  fileIndex: number
  sheet: string | null
  /** The Excel row number; null for an issue about the file or a column. */
  row: number | null
  /** The form's column name (身份证号码), whatever the school called it. */
  column: string | null
  /** The cell address in the school's sheet (H12), for the error workbook. */
  cell: string | null
  level: IssueLevel
  message: string
}

export type FileStatus = 'imported' | 'failed'

export interface FileResult extends RowOutcomes {
  file: string
  fileIndex: number
  status: FileStatus
  error?: string
  /** The file's layout needs a column mapped by hand before it can be imported. */
  needsMapping?: boolean
  sheet: string | null
  headerRow: number | null
  /** The header texts as found, column A first, for the mapping editor. */
  headers: string[]
  /** Form column name → 1-based column number in the sheet. */
  mapping: Record<string, number>
  /** Form columns that are required and not mapped. */
  missing: string[]
  /** Header texts that match no form column: ignored, reported once. */
  extraColumns: string[]
  /** Where the mapping came from: found by name, remembered from an earlier manual mapping, or given now. */
  mappingSource: 'detected' | 'remembered' | 'manual'
  /** The form's sheet this entry was read for (表3 reads 活动登记 and 参与名单 from each file). */
  formSheet?: string
  headerKey: string | null
  rows: number
}

/** What became of a file's or a batch's rows. */
export interface RowOutcomes {
  accepted: number
  rejected: number
  warnings: number
  created: number
  updated: number
  unchanged: number
}

/** Nothing counted yet. */
export const NO_OUTCOMES: Readonly<RowOutcomes> = {
  accepted: 0,
  rejected: 0,
  warnings: 0,
  created: 0,
  updated: 0,
  unchanged: 0,
}

export type RowAction = 'create' | 'update' | 'unchanged' | 'rejected'

export interface PlannedRow {
  fileIndex: number
  file: string
  sheet: string
  row: number
  action: RowAction
  name: string
  /** Masked: the preview never shows full ID numbers. */
  idMasked: string
  /** For an update: the fields that change, old → new. Personal numbers are masked. */
  changes: FieldChange[]
  /** The row as the school wrote it, by form column name (ID and phone masked); only for rows with issues. */
  values: Record<string, string>
}

export interface ImportTotals extends RowOutcomes {
  files: number
  failedFiles: number
  rows: number
}
