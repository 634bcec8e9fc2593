// Roster use cases: each one validates with the shared person rules and writes in one transaction.
import type { CoreContext } from '../context'
import { PERSON_FIELD_LABELS, validatePerson, type FieldIssue, type Person, type PersonInput } from '../domain'
import { recordAudit } from '../audit/audit'
import { CoreError } from '../errors'
import { operatorOf } from '../settings/settings'
import { mergePerson, diffPerson, maskedChanges, type FieldChange } from './merge'
import { personOf } from './rows'
import * as repo from './repository'
import { loadPersonVocabulary } from '../reference/vocabulary'

export interface SaveVolunteerInput {
  /** Present when editing a known volunteer. */
  id?: number
  fields: PersonInput
  /** replace: the edit form (empty clears); keep: CLI and imports (empty keeps what is stored). */
  mode: 'replace' | 'keep'
}

export interface SaveVolunteerResult {
  id: number
  created: boolean
  restored: boolean
  changes: FieldChange[]
  warnings: FieldIssue[]
}

/** The 表1 column names, for the audit trail's summaries. */
const CHANGE_LABELS: Record<keyof Person, string> = {
  ...PERSON_FIELD_LABELS,
  countyCode: PERSON_FIELD_LABELS.county,
}

function rejectIssues(issues: FieldIssue[]): never {
  const errors = issues.filter((issue) => issue.level === 'error')
  throw new CoreError('VALIDATION', errors.map((issue) => issue.message).join('；'), { issues })
}

export function saveVolunteer(ctx: CoreContext, input: SaveVolunteerInput): SaveVolunteerResult {
  const { db } = ctx
  const fields = { ...input.fields }
  // The form only ever shows ID and phone masked: editing without retyping the ID keeps the stored
  // one, and a phone left out of the input (not sent empty, which clears it) keeps the stored phone.
  if (input.id !== undefined) {
    const stored = repo.getStored(db, input.id)
    if (fields.idNumber === undefined || fields.idNumber === '') fields.idNumber = stored.idNumber
    if (!('phone' in fields)) fields.phone = stored.phone
  }
  const { person, issues } = validatePerson(fields, { vocabulary: loadPersonVocabulary(db), today: ctx.now() })
  if (!person) rejectIssues(issues)
  const warnings = issues.filter((issue) => issue.level === 'warning')
  const at = ctx.now().toISOString()
  const operator = operatorOf(db)

  return db.transaction((): SaveVolunteerResult => {
    const holder = repo.findByIdNumber(db, person.idNumber)
    if (input.id !== undefined && holder && holder.id !== input.id) {
      throw new CoreError(
        'CONFLICT',
        `身份证号码已属于花名册中的另一位志愿者“${holder.name}”${holder.deletedAt ? '（在回收站中）' : ''}，同一人只能登记一次。`,
        { issues: [{ field: 'idNumber', level: 'error', message: '身份证号码重复' }] },
      )
    }
    const targetId = input.id ?? holder?.id
    if (targetId === undefined) {
      const id = repo.insertVolunteer(db, person, at)
      recordAudit(db, ctx.now(), operator, {
        action: 'create',
        entity: 'volunteer',
        entityId: id,
        summary: `新增志愿者 ${person.name}`,
        after: { ...person },
      })
      return { id, created: true, restored: false, changes: [], warnings }
    }
    const existing = repo.getStored(db, targetId)
    const before = personOf(existing)
    const after = mergePerson(before, person, input.mode)
    const changes = diffPerson(before, after)
    const restored = existing.deletedAt !== null
    if (changes.length > 0) repo.updateVolunteer(db, targetId, after, at)
    if (restored) repo.setDeleted(db, [targetId], null)
    if (changes.length > 0 || restored) {
      recordAudit(db, ctx.now(), operator, {
        action: restored ? 'restore' : 'update',
        entity: 'volunteer',
        entityId: targetId,
        summary: `${restored ? '恢复并更新' : '修改'}志愿者 ${after.name}：${changes.map((c) => CHANGE_LABELS[c.field]).join('、') || '无字段变化'}`,
        before: { ...before },
        after: { ...after },
      })
    }
    // The answer travels to the window and the terminal: numbers in it are masked like everywhere else.
    return { id: targetId, created: false, restored, changes: maskedChanges(changes), warnings }
  })()
}

export function moveToRecycleBin(ctx: CoreContext, ids: readonly number[]): number {
  return setBinned(ctx, ids, true)
}

export function restoreFromRecycleBin(ctx: CoreContext, ids: readonly number[]): number {
  return setBinned(ctx, ids, false)
}

/** Into the recycle bin or back out, with one audit entry per volunteer, in one transaction. */
function setBinned(ctx: CoreContext, ids: readonly number[], binned: boolean): number {
  const { db } = ctx
  return db.transaction(() => {
    const changed = repo.setDeleted(db, ids, binned ? ctx.now().toISOString() : null)
    for (const id of ids) {
      const row = repo.findStored(db, id)
      if (!row) continue
      recordAudit(db, ctx.now(), operatorOf(db), {
        action: binned ? 'delete' : 'restore',
        entity: 'volunteer',
        entityId: id,
        summary: binned ? `将志愿者 ${row.name} 移入回收站` : `从回收站恢复志愿者 ${row.name}`,
      })
    }
    return changed
  })()
}

export type RevealField = 'idNumber' | 'phone'

const REVEAL_LABELS: Record<RevealField, string> = { idNumber: '身份证号码', phone: '联系电话' }
/** Enough for a clerk checking numbers by hand; a script paging through the roster is stopped. */
export const REVEAL_LIMIT = { count: 20, windowMs: 60_000 }
const recentReveals = new WeakMap<CoreContext, number[]>()

/**
 * The one place personal numbers leave the core unmasked: an explicit action by the clerk, one
 * field of one person at a time, recorded in the audit history and limited in rate (PIPL).
 */
export function revealVolunteer(ctx: CoreContext, id: number, field: RevealField): { value: string } {
  const now = ctx.now().getTime()
  const recent = (recentReveals.get(ctx) ?? []).filter((at) => now - at < REVEAL_LIMIT.windowMs)
  if (recent.length >= REVEAL_LIMIT.count) {
    throw new CoreError(
      'CONFLICT',
      `查看完整号码过于频繁：每分钟最多 ${REVEAL_LIMIT.count} 次，请稍后再试。需要整份名单时，请用“导出”并勾选“完整号码”（会记入操作记录）。`,
    )
  }
  const row = repo.getStored(ctx.db, id)
  recentReveals.set(ctx, [...recent, now])
  recordAudit(ctx.db, ctx.now(), operatorOf(ctx.db), {
    action: 'reveal',
    entity: 'volunteer',
    entityId: id,
    summary: `查看志愿者 ${row.name} 的完整${REVEAL_LABELS[field]}`,
  })
  return { value: (field === 'idNumber' ? row.idNumber : row.phone) ?? '' }
}
