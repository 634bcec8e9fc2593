// Counts for the preview, the CLI and the history, from one plan: per file by row, in total by person.
import type { ParsedFile, ParsedRow } from './parseFile'
import { NO_OUTCOMES, type FileResult, type ImportIssue, type ImportTotals, type RowAction } from './types'

export interface Summary {
  files: FileResult[]
  issues: ImportIssue[]
  totals: ImportTotals
}

export function summarise<Item>(
  files: readonly ParsedFile<Item>[],
  rowActions: Map<ParsedRow<Item>, { action: RowAction }>,
  planIssues: readonly ImportIssue[],
  people: { created: number; updated: number; unchanged: number },
): Summary {
  const issues = orderIssues([...files.flatMap((file) => file.issues), ...planIssues])
  const results = files.map((file) => {
    const result: FileResult = {
      ...file.result,
      ...NO_OUTCOMES,
    }
    for (const row of file.rows) {
      const action = rowActions.get(row)?.action ?? 'rejected'
      if (action === 'rejected') result.rejected++
      else {
        result.accepted++
        if (action === 'create') result.created++
        else if (action === 'update') result.updated++
        else result.unchanged++
      }
    }
    return result
  })
  for (const issue of issues) {
    const result = results[issue.fileIndex]
    if (result && issue.level === 'warning') result.warnings++
  }
  const totals: ImportTotals = {
    files: results.length,
    failedFiles: results.filter((result) => result.status === 'failed').length,
    rows: sum(results, 'rows'),
    accepted: sum(results, 'accepted'),
    rejected: sum(results, 'rejected'),
    warnings: sum(results, 'warnings'),
    ...people,
  }
  return { files: results, issues, totals }
}

function sum(results: FileResult[], key: 'rows' | 'accepted' | 'rejected' | 'warnings'): number {
  return results.reduce((total, result) => total + result[key], 0)
}

/** By file, row, then errors before warnings: the order a clerk reads them in. */
function orderIssues(issues: ImportIssue[]): ImportIssue[] {
  return issues.sort(
    (a, b) =>
      a.fileIndex - b.fileIndex ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1),
  )
}
