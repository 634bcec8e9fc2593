// Import history storage: batches, their files, issues, change records and remembered mappings.
// Callers own the transaction.
import type { Database } from 'better-sqlite3'
import type { FileResult, ImportIssue, ImportTotals } from './types'

export interface BatchRow {
  id: number
  form: string
  createdAt: string
  operator: string | null
  files: string[]
  counts: ImportTotals
  undoneAt: string | null
}

export function insertBatch(
  db: Database,
  batch: { form: string; at: string; operator: string | null; files: string[]; counts: ImportTotals },
): number {
  const result = db
    .prepare('INSERT INTO import_batches (form, created_at, operator, files, counts) VALUES (?, ?, ?, ?, ?)')
    .run(batch.form, batch.at, batch.operator, JSON.stringify(batch.files), JSON.stringify(batch.counts))
  return Number(result.lastInsertRowid)
}

export function insertFile(db: Database, batchId: number, result: FileResult, source: Buffer | null): number {
  const counts = {
    rows: result.rows,
    accepted: result.accepted,
    rejected: result.rejected,
    warnings: result.warnings,
    created: result.created,
    updated: result.updated,
    unchanged: result.unchanged,
  }
  const inserted = db
    .prepare(
      `INSERT INTO import_files (batch_id, position, name, status, error, sheet, header_row, mapping, counts, source)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      batchId,
      result.fileIndex,
      result.file,
      result.status,
      result.error ?? null,
      result.sheet,
      result.headerRow,
      JSON.stringify(result.mapping),
      JSON.stringify(counts),
      source,
    )
  return Number(inserted.lastInsertRowid)
}

export function insertIssues(db: Database, fileIds: readonly number[], issues: readonly ImportIssue[]): void {
  const statement = db.prepare(
    'INSERT INTO import_issues (file_id, sheet, row, column_name, cell, level, message) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  for (const issue of issues) {
    const fileId = fileIds[issue.fileIndex]
    if (fileId !== undefined)
      statement.run(fileId, issue.sheet, issue.row, issue.column, issue.cell, issue.level, issue.message)
  }
}

export function listBatches(db: Database, limit: number, offset: number): { total: number; rows: BatchRow[] } {
  const total = (db.prepare('SELECT count(*) AS n FROM import_batches').get() as { n: number }).n
  const rows = db
    .prepare(
      `SELECT id, form, created_at AS createdAt, operator, files, counts, undone_at AS undoneAt
       FROM import_batches ORDER BY id DESC LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as (Omit<BatchRow, 'files' | 'counts'> & { files: string; counts: string })[]
  return {
    total,
    rows: rows.map((row) => ({
      ...row,
      files: JSON.parse(row.files) as string[],
      counts: JSON.parse(row.counts) as ImportTotals,
    })),
  }
}

export function findBatch(db: Database, id: number): BatchRow | undefined {
  const row = db
    .prepare(
      `SELECT id, form, created_at AS createdAt, operator, files, counts, undone_at AS undoneAt FROM import_batches WHERE id = ?`,
    )
    .get(id) as (Omit<BatchRow, 'files' | 'counts'> & { files: string; counts: string }) | undefined
  return row && { ...row, files: JSON.parse(row.files) as string[], counts: JSON.parse(row.counts) as ImportTotals }
}

export interface StoredFileIssues {
  name: string
  position: number
  source: Buffer | null
  issues: ImportIssue[]
}

/** Files of a batch that had issues, with their bytes and issues: the error workbooks' input. */
export function filesWithIssues(db: Database, batchId: number): StoredFileIssues[] {
  const files = db
    .prepare(
      'SELECT id, name, position, source FROM import_files WHERE batch_id = ? AND source IS NOT NULL ORDER BY position',
    )
    .all(batchId) as { id: number; name: string; position: number; source: Buffer }[]
  const issues = db.prepare(
    `SELECT sheet, row, column_name AS "column", cell, level, message FROM import_issues WHERE file_id = ? ORDER BY id`,
  )
  return files.map((file) => ({
    name: file.name,
    position: file.position,
    source: file.source,
    issues: (issues.all(file.id) as Omit<ImportIssue, 'file' | 'fileIndex'>[]).map((issue) => ({
      ...issue,
      file: file.name,
      fileIndex: file.position,
    })),
  }))
}

/** Every mapping remembered for a form, by header key: what a parse worker is given. */
export function rememberedMappings(db: Database, form: string): Record<string, Record<string, number>> {
  const rows = db.prepare('SELECT header_key AS key, mapping FROM import_mappings WHERE form = ?').all(form) as {
    key: string
    mapping: string
  }[]
  return Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.mapping) as Record<string, number>]))
}

/** Files of a batch that could not be read at all (.xls, damaged, a required column missing), with why. */
export function failedFiles(db: Database, batchId: number): { name: string; position: number; error: string }[] {
  return db
    .prepare(
      `SELECT name, position, error FROM import_files WHERE batch_id = ? AND status = 'failed' AND error IS NOT NULL ORDER BY position`,
    )
    .all(batchId) as { name: string; position: number; error: string }[]
}

export function rememberMapping(
  db: Database,
  form: string,
  key: string,
  mapping: Record<string, number>,
  at: string,
): void {
  db.prepare(
    `INSERT INTO import_mappings (form, header_key, mapping, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (form, header_key) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`,
  ).run(form, key, JSON.stringify(mapping), at)
}

export interface BatchDetail extends BatchRow {
  fileResults: {
    position: number
    name: string
    status: string
    error: string | null
    sheet: string | null
    headerRow: number | null
    counts: Record<string, number>
    hasErrorWorkbook: boolean
  }[]
  issues: ImportIssue[]
  undoReport: unknown
}

/** One batch with its files and issues, for the history view. */
export function batchDetail(db: Database, id: number): BatchDetail | undefined {
  const batch = findBatch(db, id)
  if (!batch) return undefined
  const files = db
    .prepare(
      `SELECT id, position, name, status, error, sheet, header_row AS headerRow, counts, source IS NOT NULL AS hasErrorWorkbook
       FROM import_files WHERE batch_id = ? ORDER BY position`,
    )
    .all(id) as (Omit<BatchDetail['fileResults'][number], 'counts' | 'hasErrorWorkbook'> & {
    id: number
    counts: string
    hasErrorWorkbook: number
  })[]
  const issues = db.prepare(
    `SELECT sheet, row, column_name AS "column", cell, level, message FROM import_issues WHERE file_id = ? ORDER BY id`,
  )
  const report = db.prepare('SELECT undo_report AS report FROM import_batches WHERE id = ?').get(id) as {
    report: string | null
  }
  return {
    ...batch,
    fileResults: files.map(({ id: _id, counts, hasErrorWorkbook, ...file }) => ({
      ...file,
      counts: JSON.parse(counts) as Record<string, number>,
      hasErrorWorkbook: hasErrorWorkbook === 1,
    })),
    issues: files.flatMap((file) =>
      (issues.all(file.id) as Omit<ImportIssue, 'file' | 'fileIndex'>[]).map((issue) => ({
        ...issue,
        file: file.name,
        fileIndex: file.position,
      })),
    ),
    undoReport: report.report ? (JSON.parse(report.report) as unknown) : null,
  }
}

/**
 * After an undo the batch's school files keep nothing of its people: the kept bytes (for the
 * error workbook) and the issue list, which quotes names and cells, are removed.
 */
export function forgetSchoolFiles(db: Database, batchId: number): void {
  db.prepare('DELETE FROM import_issues WHERE file_id IN (SELECT id FROM import_files WHERE batch_id = ?)').run(batchId)
  db.prepare('UPDATE import_files SET source = NULL WHERE batch_id = ?').run(batchId)
}
