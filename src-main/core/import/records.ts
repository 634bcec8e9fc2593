// The batch bookkeeping of the import pipelines: the batch row, its files and issues (shared by 表1,
// 表2 and 表3), and for 表2/表3 the record of each entity a batch created or changed, and undo from those.
import type { Database } from 'better-sqlite3'
import type { CoreContext } from '../context'
import { recordAudit } from '../audit/audit'
import { CoreError } from '../errors'
import { deleteActivity, deleteParticipation, refreshTotals } from '../activities/repository'
import { deletePlanItem } from '../plan/repository'
import type { ParsedFile, ParsedRow } from './parseFile'
import type { PipelinePlan } from './pipeline'
import { findBatch, forgetSchoolFiles, insertBatch, insertFile, insertIssues } from './store'
import { assertWithinUndoWindow, forgetChangeRecords } from './undoWindow'
import { summarise, type Summary } from './summary'
import type { RowAction } from './types'
import type { UndoReport } from './roster/undo'

export type RecordEntity = 'plan_item' | 'activity' | 'participation'

export function recordChange(
  db: Database,
  batch: number,
  change: {
    entity: RecordEntity
    entityId: number
    volunteerId?: number
    action: 'created' | 'updated'
    before?: unknown
  },
): void {
  db.prepare(
    'INSERT INTO import_records (batch_id, entity, entity_id, volunteer_id, action, before) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    batch,
    change.entity,
    change.entityId,
    change.volunteerId ?? null,
    change.action,
    change.before === undefined ? null : JSON.stringify(change.before),
  )
}

/**
 * The batch, its files (bytes kept only for files with issues: that is when an error workbook is
 * wanted) and its issues. Returns the file ids in the order of `files`, for records that point at one.
 */
export function writeBatchHeader<Item>(
  db: Database,
  form: string,
  at: string,
  operator: string | null,
  files: readonly ParsedFile<Item>[],
  plan: Pick<PipelinePlan, 'issues' | 'counts'> & { rows: Map<ParsedRow<Item>, { action: RowAction }> },
): { batch: number; summary: Summary; fileIds: number[] } {
  const summary = summarise(files, plan.rows, plan.issues, plan.counts)
  const batch = insertBatch(db, { form, at, operator, files: files.map((file) => file.name), counts: summary.totals })
  const fileIds = summary.files.map((result, index) =>
    insertFile(
      db,
      batch,
      result,
      summary.issues.some((issue) => issue.fileIndex === index) ? (files[index]?.bytes ?? null) : null,
    ),
  )
  insertIssues(db, fileIds, summary.issues)
  return { batch, summary, fileIds }
}

interface StoredRecord {
  entity: RecordEntity
  entityId: number
  volunteerId: number | null
  action: 'created' | 'updated'
  before: string | null
}

/**
 * Undoes a batch in one transaction: refuses a batch unknown or already undone, runs the form's own
 * `body`, then marks the batch undone and writes the audit entry. Every form's undo goes through here.
 */
export function undoBatch(
  ctx: CoreContext,
  batchId: number,
  operator: string | null,
  body: (db: Database) => UndoReport,
  describe: (report: UndoReport) => string = (report) =>
    `撤销导入批次 ${batchId}：删除 ${report.removed} 条，恢复 ${report.restored} 条`,
): UndoReport {
  const { db } = ctx
  return db.transaction(() => {
    const batch = findBatch(db, batchId)
    if (!batch) throw new CoreError('NOT_FOUND', `找不到导入批次 ${batchId}`)
    if (batch.undoneAt) throw new CoreError('CONFLICT', `导入批次 ${batchId} 已于 ${batch.undoneAt} 撤销，不能重复撤销`)
    assertWithinUndoWindow(ctx, batch)
    const report = body(db)
    const at = ctx.now().toISOString()
    db.prepare('UPDATE import_batches SET undone_at = ?, undo_report = ? WHERE id = ?').run(
      at,
      JSON.stringify(report),
      batchId,
    )
    // Undone: the records and the school's rows of the batch are no longer needed by anyone.
    forgetChangeRecords(db, [batchId])
    forgetSchoolFiles(db, batchId)
    recordAudit(db, ctx.now(), operator, {
      action: 'undo-import',
      entity: 'import_batch',
      entityId: batchId,
      summary: describe(report),
    })
    return report
  })()
}

/** Restores what a 表2/表3 batch changed, newest first, in one transaction. */
export function undoRecordsBatch(
  ctx: CoreContext,
  batchId: number,
  operator: string | null,
  restore: Record<RecordEntity, (db: Database, id: number, before: unknown, volunteerId: number | null) => void>,
): UndoReport {
  return undoBatch(ctx, batchId, operator, (db) => {
    const records = db
      .prepare(
        'SELECT entity, entity_id AS entityId, volunteer_id AS volunteerId, action, before FROM import_records WHERE batch_id = ? ORDER BY id DESC',
      )
      .all(batchId) as StoredRecord[]
    // 表2/表3 records have no field-level history, so nothing is binned or kept as a later edit.
    const report: UndoReport = { batch: batchId, removed: 0, binned: [], restored: 0, kept: [], missing: 0 }
    const touchedActivities = new Set<number>()
    for (const record of records) {
      if (record.entity !== 'plan_item') touchedActivities.add(record.entityId)
      if (record.action === 'created') {
        removeCreated(db, record)
        report.removed++
      } else {
        restore[record.entity](db, record.entityId, JSON.parse(record.before ?? 'null'), record.volunteerId)
        report.restored++
      }
    }
    for (const id of touchedActivities) refreshTotals(db, id)
    return report
  })
}

function removeCreated(db: Database, record: StoredRecord): void {
  if (record.entity === 'plan_item') deletePlanItem(db, record.entityId)
  else if (record.entity === 'activity') deleteActivity(db, record.entityId)
  else deleteParticipation(db, record.entityId, record.volunteerId as number)
}
