// 撤销期限 (PIPL: keep personal data no longer than needed). An import can be undone for the days set
// in 设置 (30 by default); then its change records, which hold the people's previous values, are
// dropped, at start and at the daily backup, by the core's clock. The newest batch time whose
// records were dropped is kept as a setting, so a longer period chosen later cannot reopen a batch
// that no longer has them.
import type { Database } from 'better-sqlite3'
import type { CoreContext } from '../context'
import { CoreError } from '../errors'
import { readSettings } from '../settings/settings'
import type { BatchRow } from './store'

const DAY_MS = 24 * 60 * 60 * 1000
const DROPPED_BEFORE = 'undoRecordsDroppedBefore'

export interface UndoWindow {
  /** When undo stops being possible (ISO time). */
  undoUntil: string
  /** Past its 撤销期限: the change records are (or are about to be) gone. */
  undoExpired: boolean
}

function droppedBefore(db: Database): string | null {
  return (
    (db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(DROPPED_BEFORE) as string | undefined) ?? null
  )
}

/** Batches created before this time are past the window now. */
function cutoff(ctx: CoreContext): string {
  return new Date(ctx.now().getTime() - readSettings(ctx.db).undoDays * DAY_MS).toISOString()
}

export function undoWindowOf(ctx: CoreContext, createdAt: string, dropped = droppedBefore(ctx.db)): UndoWindow {
  const until = new Date(new Date(createdAt).getTime() + readSettings(ctx.db).undoDays * DAY_MS)
  return {
    undoUntil: until.toISOString(),
    undoExpired: ctx.now() >= until || (dropped !== null && createdAt <= dropped),
  }
}

export function withUndoWindow<Row extends { createdAt: string }>(ctx: CoreContext, rows: Row[]): (Row & UndoWindow)[] {
  const dropped = droppedBefore(ctx.db)
  return rows.map((row) => ({ ...row, ...undoWindowOf(ctx, row.createdAt, dropped) }))
}

/** Refuses to undo a batch past its 撤销期限, saying when that was. */
export function assertWithinUndoWindow(ctx: CoreContext, batch: BatchRow): void {
  const window = undoWindowOf(ctx, batch.createdAt)
  if (!window.undoExpired) return
  const days = readSettings(ctx.db).undoDays
  throw new CoreError(
    'CONFLICT',
    `导入批次 ${batch.id} 已过撤销期限（导入后 ${days} 天，至 ${window.undoUntil.slice(0, 10)}），变更记录已按期删除，不能再撤销。如需更正，请在花名册或活动中直接修改。`,
  )
}

/** The records undo would need, gone for good: after an undo, or when the window closes. */
export function forgetChangeRecords(db: Database, batchIds: readonly number[]): void {
  const changes = db.prepare('DELETE FROM import_changes WHERE batch_id = ?')
  const records = db.prepare('DELETE FROM import_records WHERE batch_id = ?')
  for (const id of batchIds) {
    changes.run(id)
    records.run(id)
  }
}

/** Drops the change records of every batch past the window; returns how many batches. */
export function dropExpiredChangeRecords(ctx: CoreContext): number {
  const { db } = ctx
  const before = cutoff(ctx)
  return db.transaction(() => {
    const expired = db
      .prepare(
        `SELECT id FROM import_batches b WHERE created_at <= ?
           AND (EXISTS (SELECT 1 FROM import_changes WHERE batch_id = b.id)
             OR EXISTS (SELECT 1 FROM import_records WHERE batch_id = b.id))`,
      )
      .pluck()
      .all(before) as number[]
    forgetChangeRecords(db, expired)
    const previous = droppedBefore(db)
    if (previous === null || previous < before)
      db.prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      ).run(DROPPED_BEFORE, before)
    if (expired.length > 0) ctx.log.write('info', 'undo-window', { batches: expired.length })
    return expired.length
  })()
}
