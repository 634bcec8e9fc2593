// Preview and commit in one call, with the result in the shape the CLI prints (`import --json`).
import type { CoreContext } from '../context'
import { commitPreview, cancelPreview, previewImport, type PreviewInput } from './service'
import type { Summary } from './summary'
import type { FileResult, ImportIssue } from './types'

export interface RunInput extends PreviewInput {
  dryRun?: boolean
}

export interface RunOutput {
  batch: number | null
  files: Pick<
    FileResult,
    'file' | 'status' | 'error' | 'sheet' | 'headerRow' | 'rows' | 'accepted' | 'rejected' | 'warnings'
  >[]
  issues: Pick<ImportIssue, 'file' | 'sheet' | 'row' | 'column' | 'level' | 'message'>[]
  totals: { accepted: number; rejected: number; warnings: number; created: number; updated: number; unchanged: number }
}

function toRunOutput(batch: number | null, summary: Summary): RunOutput {
  return {
    batch,
    files: summary.files.map((file) => ({
      file: file.file,
      status: file.status,
      ...(file.error ? { error: file.error } : {}),
      sheet: file.sheet,
      headerRow: file.headerRow,
      rows: file.rows,
      accepted: file.accepted,
      rejected: file.rejected,
      warnings: file.warnings,
    })),
    issues: summary.issues.map((issue) => ({
      file: issue.file,
      sheet: issue.sheet,
      row: issue.row,
      column: issue.column,
      level: issue.level,
      message: issue.message,
    })),
    totals: {
      accepted: summary.totals.accepted,
      rejected: summary.totals.rejected,
      warnings: summary.totals.warnings,
      created: summary.totals.created,
      updated: summary.totals.updated,
      unchanged: summary.totals.unchanged,
    },
  }
}

export async function runImport(ctx: CoreContext, input: RunInput): Promise<RunOutput> {
  const preview = await previewImport(ctx, input)
  if (input.dryRun) {
    cancelPreview(preview.previewId)
    return toRunOutput(null, preview)
  }
  const committed = await commitPreview(ctx, preview.previewId)
  return toRunOutput(committed.batch, committed)
}

/** 0 when every file imported and every row was accepted; 1 otherwise. */
export function runExitCode(output: RunOutput): number {
  return output.files.some((file) => file.status === 'failed') || output.totals.rejected > 0 ? 1 : 0
}
