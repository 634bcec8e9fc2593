// Writes one 表1 batch: inside the transaction the preview's plan is checked against the roster (and
// made again if the roster changed since the preview), then every volunteer created or changed, the
// batch, its files, issues and change records go in together, or nothing does.
import type { Database } from 'better-sqlite3'
import type { CoreContext } from '../../context'
import { maskIdNumber, maskPersonField, type Person } from '../../domain'
import { recordAudit } from '../../audit/audit'
import { diffPerson } from '../../roster/merge'
import { personOf } from '../../roster/rows'
import * as roster from '../../roster/repository'
import type { ParsedFile } from '../parseFile'
import type { CommitHooks } from '../pipeline'
import { writeBatchHeader } from '../records'
import type { Summary } from '../summary'
import { planForCommit, type PlannedPerson, type RosterPlan } from './plan'

export function peopleCounts(plan: RosterPlan): { created: number; updated: number; unchanged: number } {
  const count = (action: PlannedPerson['action']) => plan.people.filter((person) => person.action === action).length
  return { created: count('created'), updated: count('updated'), unchanged: count('unchanged') }
}

export function writeRosterBatch(
  ctx: CoreContext,
  files: readonly ParsedFile<Person>[],
  operator: string | null,
  hooks: CommitHooks = {},
): { batch: number; summary: Summary } {
  const { db } = ctx
  const at = ctx.now().toISOString()
  return db.transaction(() => {
    const plan = planForCommit(db, files)
    const { batch, summary, fileIds } = writeBatchHeader(db, 'roster', at, operator, files, {
      ...plan,
      counts: peopleCounts(plan),
    })
    const change = db.prepare(
      `INSERT INTO import_changes (batch_id, volunteer_id, action, before, after, file_id, sheet, row) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const halfway = Math.floor(plan.people.length / 2)
    for (const [index, person] of plan.people.entries()) {
      if (index === halfway) hooks.onWriting?.()
      if (person.action === 'unchanged') continue
      const fileId = fileIds[person.source.fileIndex] ?? null
      const { id, before, after } = writePerson(db, person, at)
      change.run(batch, id, person.action, before, after, fileId, person.source.sheet, person.source.row)
    }
    recordAudit(db, ctx.now(), operator, {
      action: 'import',
      entity: 'import_batch',
      entityId: batch,
      summary: `导入花名册 ${files.length} 个文件：新增 ${summary.totals.created} 人，更新 ${summary.totals.updated} 人，未变 ${summary.totals.unchanged} 人，退回 ${summary.totals.rejected} 行`,
    })
    return { batch, summary }
  })()
}

function maskedNumbers(person: Person): Person {
  return { ...person, idNumber: maskIdNumber(person.idNumber), phone: maskPersonField('phone', person.phone) }
}

/**
 * Writes one person; returns the JSON the undo needs and no more (PIPL): for an update only the
 * changed fields. What the batch wrote is kept with ID and phone numbers masked (undo only asks
 * whether they still hold it); the previous values of an update are kept whole, since undo
 * writes them back.
 */
function writePerson(
  db: Database,
  person: PlannedPerson,
  at: string,
): { id: number; before: string | null; after: string } {
  if (!person.existing) {
    const id = roster.insertVolunteer(db, person.final, at)
    return { id, before: null, after: JSON.stringify(maskedNumbers(person.final)) }
  }
  const id = person.existing.id
  const changes = diffPerson(personOf(person.existing), person.final)
  const before: Record<string, string | null> = {}
  const after: Record<string, string | null> = {}
  for (const change of changes) {
    before[change.field] = change.before
    after[change.field] = maskPersonField(change.field, change.after)
  }
  if (changes.length > 0) roster.updateVolunteer(db, id, person.final, at)
  if (person.existing.deletedAt !== null) {
    roster.setDeleted(db, [id], null)
    before.deletedAt = person.existing.deletedAt
    after.deletedAt = null
  }
  return { id, before: JSON.stringify(before), after: JSON.stringify(after) }
}
