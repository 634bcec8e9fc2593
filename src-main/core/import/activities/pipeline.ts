// 表3 import: activities from 活动登记 and who served from 参与名单, in one batch. An activity is
// known by (活动名称, 开展日期); a participant links to one in this batch or already recorded, and to a
// roster volunteer by ID number whose name must agree.
import type { Database } from 'better-sqlite3'
import type { CoreContext } from '../../context'
import { maskIdNumber } from '../../domain'
import { recordAudit } from '../../audit/audit'
import * as activities from '../../activities/repository'
import { logHoursChanges } from '../../activities/hoursLog'
import { lateness } from '../../activities/lateEntries'
import { checkHours, tooYoungMessage } from '../../activities/rules'
import { defaultConcentrated } from '../../activities/service'
import { daysCovered } from '../../activities/workingDays'
import { findPlanItemBySeq } from '../../plan/repository'
import type { FieldChange } from '../../roster/merge'
import { planIssue } from '../issueAt'
import type { ParsedFile, ParsedRow } from '../parseFile'
import type { FormPipeline, PipelinePlan } from '../pipeline'
import { recordChange, undoRecordsBatch, writeBatchHeader } from '../records'
import { activityImporter, participantImporter, type ActivityRow, type ParticipantRow } from './rows'

type Stored = activities.StoredActivity
const COMPARED: [keyof Stored, string][] = [
  ['taskCode', '活动类别'],
  ['place', '开展地点'],
  ['organizer', '组织单位'],
  ['departments', '责任科室'],
  ['planItemId', '清单序号'],
  ['defaultHours', '服务时长（小时）'],
  ['targetGroup', '服务对象'],
  ['beneficiaries', '受益人数'],
  ['summary', '活动简介'],
  ['highlight', '是否亮点'],
  ['note', '备注'],
  ['highlightText', '亮点做法'],
  ['endedOn', '结束日期'],
  ['leader', '活动负责人'],
  ['concentrated', '是否集中服务'],
  ['lateReason', '补录原因'],
]

interface ActivityTarget {
  key: string
  existingId: number | null
  activity: Stored
  changes: FieldChange[]
}
interface ParticipantTarget {
  activityKey: string
  volunteerId: number
  hours: number
  note: string | null
  existing: { hours: number; note: string | null } | null
  late: boolean
  lateReason: string | null
  fileName: string
}
interface Planned {
  plan: PipelinePlan
  activities: Map<string, ActivityTarget>
  participants: ParticipantTarget[]
}

const keyOf = (name: string, heldOn: string) => `${name}|${heldOn}`
/** In an import an empty cell (or 0, 否) says nothing: it never erases what is recorded. */
const given = (value: unknown) =>
  !(
    value === null ||
    value === undefined ||
    value === '' ||
    value === 0 ||
    value === false ||
    (Array.isArray(value) && value.length === 0)
  )
const show = (value: unknown) =>
  Array.isArray(value)
    ? value.join('、')
    : value === true
      ? '是'
      : value === false
        ? '否'
        : value === null
          ? null
          : String(value)

function mergeActivity(existing: Stored, incoming: Stored): { next: Stored; changes: FieldChange[] } {
  const next = { ...existing }
  const changes: FieldChange[] = []
  for (const [key, label] of COMPARED) {
    // 是否集中服务 comes filled with the recorded value when the cell is empty, so 否 is heard.
    if ((key !== 'concentrated' && !given(incoming[key])) || show(incoming[key]) === show(existing[key])) continue
    changes.push({ field: label as never, before: show(existing[key]), after: show(incoming[key]) })
    ;(next as Record<string, unknown>)[key] = incoming[key]
  }
  return { next, changes }
}

function reject(
  plan: PipelinePlan,
  file: ParsedFile<unknown>,
  row: ParsedRow<unknown>,
  column: string,
  text: string,
): void {
  plan.issues.push(planIssue(file, row, 'error', column, text))
  plan.rows.set(row, { action: 'rejected', changes: [] })
}

function planActivityRow(
  db: Database,
  planned: Planned,
  file: ParsedFile<unknown>,
  row: ParsedRow<unknown>,
  incoming: ActivityRow,
  seen: Map<string, string>,
): void {
  const { plan } = planned
  const key = keyOf(incoming.name, incoming.heldOn)
  const first = seen.get(key)
  if (first) return reject(plan, file, row, '活动名称', `与${first}是同一活动（名称和开展日期相同），只能登记一次`)
  seen.set(key, `“${file.name}”第 ${row.row} 行`)
  let planItemId: number | null = null
  if (incoming.planSeq !== null) {
    const year = Number(incoming.heldOn.slice(0, 4))
    const item = findPlanItemBySeq(db, year, incoming.planSeq)
    if (!item)
      return reject(
        plan,
        file,
        row,
        '清单序号',
        `${year} 年度活动清单中没有序号 ${incoming.planSeq} 的项目：请核对，或先导入该年度的活动清单`,
      )
    planItemId = item.id
  }
  const { planSeq: _seq, declaredParticipants: _declared, kind: _kind, concentrated, ...fields } = incoming
  const existingId = activities.findActivityId(db, incoming.name, incoming.heldOn) ?? null
  const recorded = existingId === null ? null : activities.getActivity(db, existingId)
  const activity: Stored = {
    ...fields,
    planItemId,
    concentrated: concentrated ?? recorded?.concentrated ?? defaultConcentrated(db, incoming.team),
  }
  if (recorded === null) {
    planned.activities.set(key, { key, existingId, activity, changes: [] })
    plan.rows.set(row, { action: 'create', changes: [] })
    plan.counts.created++
    return
  }
  const { next, changes } = mergeActivity(recorded, activity)
  planned.activities.set(key, { key, existingId, activity: next, changes })
  plan.rows.set(row, { action: changes.length > 0 ? 'update' : 'unchanged', changes })
  plan.counts[changes.length > 0 ? 'updated' : 'unchanged']++
}

function planParticipantRow(
  db: Database,
  planned: Planned,
  file: ParsedFile<unknown>,
  row: ParsedRow<unknown>,
  incoming: ParticipantRow,
  seen: Map<string, string>,
): void {
  const { plan } = planned
  const key = keyOf(incoming.activityName, incoming.heldOn)
  const target = planned.activities.get(key)
  const recordedId =
    target?.existingId ??
    (target ? null : (activities.findActivityId(db, incoming.activityName, incoming.heldOn) ?? null))
  if (!target && recordedId === null)
    return reject(
      plan,
      file,
      row,
      '活动名称',
      `“活动登记”中没有 ${incoming.heldOn} 的“${incoming.activityName}”：活动名称和开展日期须与活动登记一致`,
    )
  const volunteer = db
    .prepare('SELECT id, name, deleted_at AS deletedAt FROM volunteers WHERE id_number = ?')
    .get(incoming.idNumber) as { id: number; name: string; deletedAt: string | null } | undefined
  if (!volunteer)
    return reject(
      plan,
      file,
      row,
      '身份证号码',
      `身份证号码 ${maskIdNumber(incoming.idNumber)} 不在志愿者花名册中：请先把该志愿者登记到花名册（表1），再导入参与名单`,
    )
  if (volunteer.deletedAt)
    return reject(plan, file, row, '身份证号码', `志愿者“${volunteer.name}”在回收站中：请先恢复，再导入其参与记录`)
  if (volunteer.name !== incoming.name)
    return reject(
      plan,
      file,
      row,
      '姓名',
      `身份证号码在花名册中登记的姓名是“${volunteer.name}”，与本行的“${incoming.name}”不一致：请核对姓名和身份证号码`,
    )
  const pair = `${key}|${volunteer.id}`
  const first = seen.get(pair)
  if (first) return reject(plan, file, row, '身份证号码', `与${first}重复：同一志愿者在同一活动中只能登记一次`)
  seen.set(pair, `“${file.name}”第 ${row.row} 行`)
  const recorded = recordedId !== null ? activities.getActivity(db, recordedId) : null
  const activity = target?.activity ?? recorded!
  const hours = incoming.hours ?? (activity.defaultHours || null)
  if (hours === null)
    return reject(plan, file, row, '服务时长（小时）', '本行未填服务时长，活动登记中也没有服务时长：请填写')
  const limit = checkHours(hours, daysCovered(activity.heldOn, activity.endedOn))
  if (!limit.ok) return reject(plan, file, row, '服务时长（小时）', limit.message.replace(/。$/, ''))
  const existing =
    recordedId !== null
      ? ((db
          .prepare('SELECT hours, note FROM participations WHERE activity_id = ? AND volunteer_id = ?')
          .get(recordedId, volunteer.id) as { hours: number; note: string | null } | undefined) ?? null)
      : null
  const note = incoming.note ?? existing?.note ?? null
  const changes: FieldChange[] =
    existing && existing.hours !== hours
      ? [{ field: '服务时长（小时）' as never, before: String(existing.hours), after: String(hours) }]
      : []
  if (existing && existing.note !== note) changes.push({ field: '备注' as never, before: existing.note, after: note })
  // A participant new to the ledger is a 补录 when its activity is (in this batch) or has long ended.
  // A school's return cannot carry the clerk's confirmation: a new participant under 10 is entered by hand.
  const young = existing ? null : tooYoungMessage(volunteer.name, incoming.idNumber, activity.heldOn)
  if (young)
    return reject(
      plan,
      file,
      row,
      '身份证号码',
      `${young.replace(/：确需.*$/, '')}：确需登记的，请在系统中逐人登记并写明原因`,
    )
  const late = !existing && (target ? target.activity.late : lateness(activity, incoming.enteredOn).late)
  planned.participants.push({
    activityKey: key,
    volunteerId: volunteer.id,
    hours,
    note,
    existing,
    late,
    lateReason: late ? activity.lateReason : null,
    fileName: file.name,
  })
  const action = !existing ? 'create' : changes.length > 0 ? 'update' : 'unchanged'
  plan.rows.set(row, { action, changes })
  // The batch's counts are of records: activities and participations alike.
  plan.counts[action === 'create' ? 'created' : action === 'update' ? 'updated' : 'unchanged']++
}

function planBatch(db: Database, files: readonly ParsedFile<unknown>[]): Planned {
  const planned: Planned = {
    plan: { rows: new Map(), issues: [], counts: { created: 0, updated: 0, unchanged: 0 } },
    activities: new Map(),
    participants: [],
  }
  const seen = new Map<string, string>()
  // All activities first, so a participant may come before its activity in the batch's file order.
  for (const kind of ['activity', 'participant'] as const) {
    for (const file of files) {
      for (const row of file.rows) {
        const item = row.item as ActivityRow | ParticipantRow | null
        if (!item) planned.plan.rows.set(row, { action: 'rejected', changes: [] })
        else if (item.kind !== kind) continue
        else if (item.kind === 'activity') planActivityRow(db, planned, file, row, item, seen)
        else planParticipantRow(db, planned, file, row, item, seen)
      }
    }
  }
  return planned
}

function writeBatch(
  ctx: CoreContext,
  files: readonly ParsedFile<unknown>[],
  operator: string | null,
  onWriting?: () => void,
) {
  const { db } = ctx
  const at = ctx.now().toISOString()
  return db.transaction(() => {
    const planned = planBatch(db, files)
    const { batch, summary } = writeBatchHeader(db, 'activities', at, operator, files, planned.plan)
    const ids = new Map<string, number>()
    for (const target of planned.activities.values()) {
      if (target.existingId === null) {
        const id = activities.insertActivity(db, target.activity, at, batch)
        recordChange(db, batch, { entity: 'activity', entityId: id, action: 'created' })
        ids.set(target.key, id)
        continue
      }
      ids.set(target.key, target.existingId)
      if (target.changes.length === 0) continue
      recordChange(db, batch, {
        entity: 'activity',
        entityId: target.existingId,
        action: 'updated',
        before: activities.getActivity(db, target.existingId),
      })
      activities.updateActivity(db, target.existingId, target.activity, at)
    }
    onWriting?.()
    for (const participant of planned.participants) {
      const activityId =
        ids.get(participant.activityKey) ??
        (activities.findActivityId(db, ...(participant.activityKey.split('|') as [string, string])) as number)
      ids.set(participant.activityKey, activityId)
      if (!participant.existing) {
        activities.insertParticipation(db, activityId, participant, at, batch)
        recordChange(db, batch, {
          entity: 'participation',
          entityId: activityId,
          volunteerId: participant.volunteerId,
          action: 'created',
        })
      } else if (participant.existing.hours !== participant.hours || participant.existing.note !== participant.note) {
        activities.updateParticipation(db, activityId, participant.volunteerId, participant)
        if (participant.existing.hours !== participant.hours) {
          const [name, heldOn] = participant.activityKey.split('|') as [string, string]
          logHoursChanges(
            db,
            { id: activityId, name, heldOn },
            [{ volunteerId: participant.volunteerId, before: participant.existing.hours, after: participant.hours }],
            {
              reason: `导入“${participant.fileName}”（批次 ${batch}）`,
              operator,
              at,
            },
          )
        }
        recordChange(db, batch, {
          entity: 'participation',
          entityId: activityId,
          volunteerId: participant.volunteerId,
          action: 'updated',
          before: participant.existing,
        })
      }
    }
    for (const id of new Set(ids.values())) activities.refreshTotals(db, id)
    recordAudit(db, ctx.now(), operator, {
      action: 'import',
      entity: 'import_batch',
      entityId: batch,
      summary: `导入活动登记 ${files.length} 个表格：新增 ${summary.totals.created} 条、更新 ${summary.totals.updated} 条（活动和参与记录）`,
    })
    return { batch, summary }
  })()
}

export function activitiesPipeline(): FormPipeline {
  return {
    key: 'activities',
    sheets: [activityImporter, participantImporter],
    plan: (db, files) => planBatch(db, files).plan,
    write: (ctx, files, operator, hooks) => writeBatch(ctx, files, operator, hooks.onWriting),
    undo: (ctx, batch, operator) =>
      undoRecordsBatch(ctx, batch, operator, {
        plan_item: () => {},
        activity: (db, id, before) => activities.updateActivity(db, id, before as Stored, ctx.now().toISOString()),
        participation: (db, id, before, volunteerId) => {
          const { hours, note } = before as { hours: number; note: string | null }
          const now = activities.participationHours(db, id, volunteerId!)
          activities.updateParticipation(db, id, volunteerId!, { hours, note })
          const activity = activities.getActivity(db, id)
          if (now !== undefined && now !== hours) {
            logHoursChanges(db, activity, [{ volunteerId: volunteerId!, before: now, after: hours }], {
              reason: `撤销导入批次 ${batch}`,
              operator,
              at: ctx.now().toISOString(),
            })
          }
        },
      }),
  }
}
