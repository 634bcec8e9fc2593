// Undoing a 表1 batch. The rule for later edits: a field is restored only while it still holds what
// the batch wrote; a field someone changed since keeps the newer value and is reported. A volunteer
// the batch created is deleted if untouched since, otherwise moved to the recycle bin (reported),
// so no later work is ever lost silently.
import type { Database } from 'better-sqlite3'
import type { CoreContext } from '../../context'
import { maskPersonField, type Person } from '../../domain'
import { diffPerson } from '../../roster/merge'
import { personOf } from '../../roster/rows'
import * as roster from '../../roster/repository'
import { undoBatch } from '../records'

export interface KeptEdit {
  volunteerId: number
  name: string
  /** Fields someone changed after the batch: the current value stays. */
  fields: { field: string; batchValue: string | null; currentValue: string | null }[]
}

export interface UndoReport {
  batch: number
  /** Volunteers the batch created, now deleted. */
  removed: number
  /** Volunteers the batch created and someone edited since: moved to the recycle bin instead. */
  binned: KeptEdit[]
  /** Volunteers whose fields the batch changed, restored (fully or partly). */
  restored: number
  /** Later edits left in place. */
  kept: KeptEdit[]
  /** Volunteers of the batch no longer in the database (purged since). */
  missing: number
}

interface ChangeRecord {
  volunteerId: number
  action: 'created' | 'updated'
  before: string | null
  after: string
}

type Values = Record<string, string | null>

export function undoRosterBatch(ctx: CoreContext, batchId: number, operator: string | null): UndoReport {
  const at = ctx.now().toISOString()
  return undoBatch(
    ctx,
    batchId,
    operator,
    (db) => {
      const report: UndoReport = { batch: batchId, removed: 0, binned: [], restored: 0, kept: [], missing: 0 }
      const changes = db
        .prepare(
          'SELECT volunteer_id AS volunteerId, action, before, after FROM import_changes WHERE batch_id = ? ORDER BY id DESC',
        )
        .all(batchId) as ChangeRecord[]
      for (const change of changes) {
        if (change.action === 'created') undoCreated(db, change, report, at)
        else undoUpdated(db, change, report, at)
      }
      return report
    },
    (report) =>
      `撤销导入批次 ${batchId}：删除 ${report.removed} 人，恢复 ${report.restored} 人，保留后来的修改 ${report.kept.length + report.binned.length} 人`,
  )
}

function undoCreated(db: Database, change: ChangeRecord, report: UndoReport, at: string): void {
  const current = roster.findStored(db, change.volunteerId)
  if (!current) {
    report.missing++
    return
  }
  const written = JSON.parse(change.after) as Person
  const edits = diffPerson(written, personOf(current)).filter(
    (edit) => !stillWritten(edit.field, edit.before, edit.after),
  )
  if (edits.length === 0 && current.deletedAt === null) {
    try {
      roster.deleteVolunteer(db, change.volunteerId)
      report.removed++
      return
    } catch {
      // Referenced by later records (activities, say): the recycle bin keeps those links intact.
    }
  }
  if (current.deletedAt === null) roster.setDeleted(db, [current.id], at)
  report.binned.push({
    volunteerId: current.id,
    name: current.name,
    fields: edits.map((edit) => maskedEdit({ field: edit.field, batchValue: edit.before, currentValue: edit.after })),
  })
}

/** The report leaves the core: personal numbers in it are masked like everywhere else. */
function maskedEdit(edit: KeptEdit['fields'][number]): KeptEdit['fields'][number] {
  return {
    field: edit.field,
    batchValue: maskPersonField(edit.field, edit.batchValue),
    currentValue: maskPersonField(edit.field, edit.currentValue),
  }
}

/**
 * Whether a field still holds what the batch wrote. The change record keeps ID and phone numbers
 * masked (older records whole), so those compare through the mask.
 */
function stillWritten(field: string, written: string | null, current: string | null): boolean {
  return written === current || (written !== null && written === maskPersonField(field, current))
}

function undoUpdated(db: Database, change: ChangeRecord, report: UndoReport, at: string): void {
  const current = roster.findStored(db, change.volunteerId)
  if (!current) {
    report.missing++
    return
  }
  const before = JSON.parse(change.before ?? '{}') as Values
  const after = JSON.parse(change.after) as Values
  const person = personOf(current) as unknown as Values
  const kept: KeptEdit['fields'] = []
  let restoredAny = false
  for (const [field, batchValue] of Object.entries(after)) {
    if (field === 'deletedAt') continue
    if (stillWritten(field, batchValue, person[field] ?? null)) {
      person[field] = before[field] ?? null
      restoredAny = true
    } else kept.push(maskedEdit({ field, batchValue, currentValue: person[field] ?? null }))
  }
  if (restoredAny) roster.updateVolunteer(db, current.id, person as unknown as Person, at)
  // The batch brought this volunteer back from the recycle bin: send it back unless restored since by hand.
  if ('deletedAt' in after && current.deletedAt === null) {
    roster.setDeleted(db, [current.id], before.deletedAt ?? at)
    restoredAny = true
  }
  if (restoredAny) report.restored++
  if (kept.length > 0) report.kept.push({ volunteerId: current.id, name: current.name, fields: kept })
}
