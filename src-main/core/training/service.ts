// Saving and deleting trainings and awards: validate → one transaction (the record, its people,
// the audit entry). Participants come from the roster; one in the recycle bin is refused.
import type { Database } from 'better-sqlite3'
import type { CoreContext } from '../context'
import { recordAudit } from '../audit/audit'
import { CoreError } from '../errors'
import { localDay } from '../plan/plannedTime'
import { operatorOf } from '../settings/settings'
import * as repo from './repository'
import { validateAward, validateTraining, type FieldIssue } from './rules'

export type Kind = 'training' | 'award'

const LABEL: Record<Kind, string> = { training: '培训', award: '表彰' }
const PEOPLE: Record<Kind, string> = { training: '参训人员', award: '受表彰人员' }

function refuse(issues: readonly FieldIssue<string>[]): never {
  const errors = issues.filter((issue) => issue.level === 'error')
  throw new CoreError('VALIDATION', errors.map((issue) => issue.message).join(' '), { issues: errors })
}

/** The volunteers exist and are in the roster (not in the recycle bin). */
function checkPeople(db: Database, kind: Kind, volunteerIds: readonly number[]): number[] {
  const ids = [...new Set(volunteerIds)]
  if (kind === 'award' && ids.length === 0) throw new CoreError('VALIDATION', '受表彰人员必填：请至少选择一名志愿者。')
  const find = db.prepare('SELECT name, deleted_at AS deletedAt FROM volunteers WHERE id = ?')
  for (const id of ids) {
    const volunteer = find.get(id) as { name: string; deletedAt: string | null } | undefined
    if (!volunteer) throw new CoreError('VALIDATION', `${PEOPLE[kind]}中有花名册里没有的志愿者（编号 ${id}）。`)
    if (volunteer.deletedAt)
      throw new CoreError('VALIDATION', `${PEOPLE[kind]}“${volunteer.name}”在回收站中：请先恢复，再登记。`)
  }
  return ids
}

function syncPeople(
  db: Database,
  kind: Kind,
  id: number,
  wanted: readonly number[],
): { added: number; removed: number } {
  const current = new Set(repo.peopleIds(db, kind, id))
  const next = new Set(wanted)
  let added = 0
  let removed = 0
  for (const volunteerId of next)
    if (!current.has(volunteerId)) {
      repo.addPerson(db, kind, id, volunteerId)
      added++
    }
  for (const volunteerId of current)
    if (!next.has(volunteerId)) {
      repo.removePerson(db, kind, id, volunteerId)
      removed++
    }
  return { added, removed }
}

export interface SaveInput {
  id?: number
  fields: Record<string, unknown>
  volunteerIds: readonly number[]
}

interface KindOps {
  validate: (ctx: CoreContext, fields: SaveInput['fields']) => { name: string }
  get: (db: Database, id: number) => { id: number; name: string }
  insert: (db: Database, record: never, at: string) => number
  update: (db: Database, id: number, record: never, at: string) => void
}

const OPS: Record<Kind, KindOps> = {
  training: {
    validate: (ctx, fields) => {
      const { record, issues } = validateTraining(fields, { today: localDay(ctx.now()) })
      return record ?? refuse(issues)
    },
    get: repo.getTraining,
    insert: (db, record, at) => repo.insertTraining(db, record, at),
    update: repo.updateTraining,
  },
  award: {
    validate: (ctx, fields) => {
      const { record, issues } = validateAward(fields, { today: localDay(ctx.now()) })
      return record ?? refuse(issues)
    },
    get: repo.getAward,
    insert: (db, record, at) => repo.insertAward(db, record, at),
    update: repo.updateAward,
  },
}

function save(ctx: CoreContext, kind: Kind, input: SaveInput): { id: number } {
  const ops = OPS[kind]
  const record = ops.validate(ctx, input.fields)
  const { db } = ctx
  const people = checkPeople(db, kind, input.volunteerIds)
  const at = ctx.now().toISOString()
  return db.transaction(() => {
    const before = input.id ? { ...ops.get(db, input.id), people: repo.peopleIds(db, kind, input.id) } : undefined
    const id = input.id ?? ops.insert(db, record as never, at)
    if (input.id) ops.update(db, id, record as never, at)
    const change = syncPeople(db, kind, id, people)
    const what = `${LABEL[kind]}“${record.name}”`
    recordAudit(db, ctx.now(), operatorOf(db), {
      action: before ? 'update' : 'create',
      entity: kind,
      entityId: id,
      summary: before
        ? `修改${what}：${PEOPLE[kind]}共 ${people.length} 人（增 ${change.added}，减 ${change.removed}）`
        : `新增${what}，${PEOPLE[kind]} ${people.length} 人`,
      before,
      after: { ...record, people },
    })
    return { id }
  })()
}

function remove(ctx: CoreContext, kind: Kind, id: number): { id: number } {
  const { db } = ctx
  const ops = OPS[kind]
  return db.transaction(() => {
    const before = { ...ops.get(db, id), people: repo.peopleIds(db, kind, id) }
    db.prepare(`DELETE FROM ${kind === 'training' ? 'trainings' : 'awards'} WHERE id = ?`).run(id)
    recordAudit(db, ctx.now(), operatorOf(db), {
      action: 'delete',
      entity: kind,
      entityId: id,
      summary: `删除${LABEL[kind]}“${before.name}”（${PEOPLE[kind]} ${before.people.length} 人）`,
      before,
    })
    return { id }
  })()
}

export const saveTraining = (ctx: CoreContext, input: SaveInput) => save(ctx, 'training', input)
export const saveAward = (ctx: CoreContext, input: SaveInput) => save(ctx, 'award', input)
export const deleteTraining = (ctx: CoreContext, id: number) => remove(ctx, 'training', id)
export const deleteAward = (ctx: CoreContext, id: number) => remove(ctx, 'award', id)

/** Adds or removes one person without touching the rest (the CLI's `training participants`). */
export function editPeople(
  ctx: CoreContext,
  kind: Kind,
  id: number,
  change: { add: readonly number[]; remove: readonly number[] },
): { id: number; people: number } {
  const { db } = ctx
  const current = repo.peopleIds(db, kind, id)
  const wanted = [...new Set([...current.filter((volunteerId) => !change.remove.includes(volunteerId)), ...change.add])]
  const { id: _id, ...fields } = OPS[kind].get(db, id)
  save(ctx, kind, { id, fields, volunteerIds: wanted })
  return { id, people: wanted.length }
}
