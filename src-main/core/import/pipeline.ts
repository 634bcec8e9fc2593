// What a form brings to the shared import machinery beyond reading its sheets: how checked rows
// become a plan (dedupe, compare with the database), how a plan is written as one batch, and how a
// batch is undone. 表1, 表2 and 表3 each register one pipeline.
import type { Database } from 'better-sqlite3'
import type { CoreContext } from '../context'
import type { FieldChange } from '../roster/merge'
import type { FormImporter } from './forms'
import type { UndoReport } from './roster/undo'
import type { ParsedFile, ParsedRow } from './parseFile'
import type { Summary } from './summary'
import type { ImportIssue, RowAction } from './types'

export interface PipelineOptions {
  /** 表2's year, given by the clerk (the checklist's rows do not carry it). */
  year?: number
}

export interface PipelinePlan {
  rows: Map<ParsedRow<unknown>, { action: RowAction; changes: FieldChange[] }>
  issues: ImportIssue[]
  counts: { created: number; updated: number; unchanged: number }
}

export interface CommitHooks {
  /** Test-only: called inside the transaction halfway through the writes (the crash test kills here). */
  onWriting?: () => void
}

export interface FormPipeline {
  key: string
  /** One importer per sheet; a file is read once per sheet. */
  sheets: readonly FormImporter<unknown>[]
  plan: (db: Database, files: readonly ParsedFile<unknown>[], options: PipelineOptions) => PipelinePlan
  write: (
    ctx: CoreContext,
    files: readonly ParsedFile<unknown>[],
    operator: string | null,
    hooks: CommitHooks,
    options: PipelineOptions,
  ) => { batch: number; summary: Summary }
  undo: (ctx: CoreContext, batch: number, operator: string | null) => UndoReport
}
