// Activity use cases: validate with the shared rules, resolve links, write in one transaction.
import type { Database } from 'better-sqlite3'
import type { CoreContext } from '../context'
import { recordAudit } from '../audit/audit'
import { CoreError } from '../errors'
import { findPlanItemBySeq } from '../plan/repository'
import { localDay } from '../plan/plannedTime'
import { listTasks } from '../reference/repository'
import { operatorOf } from '../settings/settings'
import * as repo from './repository'
import { logHoursChanges } from './hoursLog'
import { lateness, lateReasonMissing } from './lateEntries'
import {
  checkHours,
  tooYoungMessage,
  validateActivity,
  type ActivityInput,
  type ActivityIssue,
  type ActivityRecord,
} from './rules'
import { daysCovered } from './workingDays'

export interface SaveActivityInput {
  id?: number
  fields: ActivityInput
  /** The form picks the checklist item directly; imports give 清单序号 in fields.planSeq. */
  planItemId?: number | null
  participants: {
    volunteerId: number
    hours?: number | string | null
    note?: string | null
    lateReason?: string | null
    /** The clerk's reason for recording a participant under 10 (kept in the audit history). */
    youngReason?: string | null
  }[]
  /** Why participants' hours changed on an edit; required when any did (办法 Art. 13). */
  changeReason?: string | null
}

function fail(message: string, issues: unknown[] = []): never {
  throw new CoreError('VALIDATION', message, { issues })
}

/** A link to the checklist must name an item of the same year as the activity. */
export function resolvePlanItem(
  db: Database,
  record: ActivityRecord,
  planItemId: number | null | undefined,
): number | null {
  const year = Number(record.heldOn.slice(0, 4))
  if (planItemId) {
    const item = db.prepare('SELECT year, name FROM plan_items WHERE id = ?').get(planItemId) as
      { year: number; name: string } | undefined
    if (!item) fail(`找不到所选的清单项目（编号 ${planItemId}）。`)
    if (item.year !== year)
      fail(`清单项目“${item.name}”属于 ${item.year} 年度，活动开展于 ${year} 年，请选择同一年度的清单项目。`)
    return planItemId
  }
  if (record.planSeq === null) return null
  const item = findPlanItemBySeq(db, year, record.planSeq)
  if (!item)
    fail(`${year} 年度活动清单中没有序号 ${record.planSeq} 的项目，请核对清单序号。`, [
      { field: 'planSeq', level: 'error', message: '清单序号不存在' },
    ])
  return item.id
}

/**
 * 集中服务 unless said otherwise for an activity of the bureau's own teams (the prefecture team and its
 * groups) or of no team named; a partner team's activity is not, by default.
 */
export function defaultConcentrated(db: Database, team: string | null): boolean {
  if (!team) return true
  const kind = db.prepare('SELECT kind FROM teams WHERE name = ?').pluck().get(team) as string | undefined
  return kind === undefined || kind === '本系统'
}

/** Every participant once, each with hours > 0 and ≤ 24 a day (their own, or the activity's default). */
export function checkParticipants(
  db: Database,
  record: ActivityRecord,
  participants: SaveActivityInput['participants'],
) {
  const days = daysCovered(record.heldOn, record.endedOn)
  const seen = new Set<number>()
  const findVolunteer = db.prepare(
    'SELECT name, id_number AS idNumber, deleted_at AS deletedAt FROM volunteers WHERE id = ?',
  )
  // Each refusal names the participant, so the form can mark that row.
  const refuse = (volunteerId: number, message: string): never =>
    fail(message, [{ field: 'participants', volunteerId, level: 'error', message }])
  return participants.map((participant) => {
    const { volunteerId } = participant
    const volunteer = findVolunteer.get(volunteerId) as
      { name: string; idNumber: string; deletedAt: string | null } | undefined
    if (!volunteer) return refuse(volunteerId, `参与人员中有不在花名册中的志愿者（编号 ${volunteerId}）。`)
    if (volunteer.deletedAt) return refuse(volunteerId, `志愿者“${volunteer.name}”在回收站中，请先恢复再登记其参与。`)
    if (seen.has(volunteerId))
      return refuse(volunteerId, `志愿者“${volunteer.name}”在本次活动中重复出现，同一人只能登记一次。`)
    seen.add(volunteerId)
    const own = checkHours(participant.hours, days)
    if (!own.ok) return refuse(volunteerId, `志愿者“${volunteer.name}”的${own.message}`)
    const hours = own.hours ?? record.defaultHours
    if (hours === null)
      return refuse(volunteerId, `志愿者“${volunteer.name}”没有服务时长，且活动未填写默认服务时长，请填写。`)
    const young = tooYoungMessage(volunteer.name, volunteer.idNumber, record.heldOn)
    const youngReason = young ? participant.youngReason?.trim() || null : null
    return {
      volunteerId,
      hours,
      note: participant.note?.trim() || null,
      lateReason: participant.lateReason?.trim() || null,
      name: volunteer.name,
      young,
      youngReason,
    }
  })
}

type CheckedParticipant = ReturnType<typeof checkParticipants>[number]

/** A participant added more than 10 working days after the activity is a 补录 and needs a reason. */
function markLateParticipants(
  db: Database,
  id: number | undefined,
  record: ActivityRecord,
  participants: CheckedParticipant[],
  today: string,
) {
  if (!lateness(record, today).late) return participants.map((participant) => ({ ...participant, late: false }))
  const already = new Set(
    id === undefined
      ? []
      : (db.prepare('SELECT volunteer_id FROM participations WHERE activity_id = ?').pluck().all(id) as number[]),
  )
  return participants.map((participant) => {
    const late = !already.has(participant.volunteerId)
    const lateReason = participant.lateReason ?? record.lateReason
    if (late && !lateReason) {
      const message = lateReasonMissing(`参与人员“${participant.name}”`, record, today)
      fail(message, [{ field: 'participants', volunteerId: participant.volunteerId, level: 'error', message }])
    }
    return { ...participant, late, lateReason: late ? lateReason : null }
  })
}

/**
 * A participant under 10 newly added needs the clerk's reason; one already recorded stays. Returns the
 * confirmed ones, whose reasons go to the audit history.
 */
function confirmYoungParticipants(db: Database, id: number | undefined, participants: CheckedParticipant[]) {
  const already = new Set(
    id === undefined
      ? []
      : (db.prepare('SELECT volunteer_id FROM participations WHERE activity_id = ?').pluck().all(id) as number[]),
  )
  const confirmed = participants.filter(
    (participant) => participant.young !== null && !already.has(participant.volunteerId),
  )
  for (const participant of confirmed) {
    if (!participant.youngReason)
      fail(participant.young!, [
        { field: 'participants', volunteerId: participant.volunteerId, level: 'error', message: participant.young },
      ])
  }
  return confirmed
}

/** A new activity entered late needs 补录原因; an edit keeps whether it was late when first recorded. */
function activityLateness(db: Database, id: number | undefined, record: ActivityRecord, today: string): boolean {
  if (id !== undefined) return repo.getActivity(db, id).late
  const late = lateness(record, today).late
  if (late && !record.lateReason) {
    const message = lateReasonMissing('本活动', record, today)
    fail(message, [{ field: 'lateReason', level: 'error', message }])
  }
  return late
}

export function saveActivity(ctx: CoreContext, input: SaveActivityInput): { id: number; warnings: ActivityIssue[] } {
  const { db } = ctx
  const today = localDay(ctx.now())
  const { record, issues } = validateActivity(input.fields, {
    tasks: listTasks(db),
    today,
    requireLeader: input.id === undefined,
  })
  if (!record)
    fail(
      issues
        .filter((issue) => issue.level === 'error')
        .map((issue) => issue.message)
        .join('；'),
      issues,
    )
  return db.transaction(() => {
    const planItemId = resolvePlanItem(db, record, input.planItemId)
    const late = activityLateness(db, input.id, record, today)
    const participants = markLateParticipants(
      db,
      input.id,
      record,
      checkParticipants(db, record, input.participants),
      today,
    )
    const young = confirmYoungParticipants(db, input.id, participants)
    const clash = repo.findActivityId(db, record.name, record.heldOn)
    if (clash !== undefined && clash !== input.id) {
      throw new CoreError(
        'CONFLICT',
        `${record.heldOn} 已登记过名为“${record.name}”的活动，请修改该活动，或换一个活动名称。`,
      )
    }
    const at = ctx.now().toISOString()
    const { planSeq: _seq, declaredParticipants: _declared, concentrated, ...stored } = record
    const activity = { ...stored, planItemId, late, concentrated: concentrated ?? defaultConcentrated(db, record.team) }
    const id = input.id ?? repo.insertActivity(db, activity, at)
    if (input.id !== undefined) repo.updateActivity(db, input.id, activity, at)
    const differences = repo.replaceParticipants(db, id, participants, at)
    const reason = input.changeReason?.trim()
    if (differences.length > 0 && !reason) {
      const message = '本次修改改变了参与人员的服务时长（或移除了参与人员），请填写修改原因。'
      fail(message, [{ field: 'changeReason', level: 'error', message }])
    }
    if (reason)
      logHoursChanges(db, { id, name: record.name, heldOn: record.heldOn }, differences, {
        reason,
        operator: operatorOf(db),
        at,
      })
    recordAudit(db, ctx.now(), operatorOf(db), {
      action: input.id === undefined ? 'create' : 'update',
      entity: 'activity',
      entityId: id,
      summary: `${input.id === undefined ? '登记' : '修改'}活动 ${record.heldOn} ${record.name}（${participants.length} 人）`,
    })
    for (const participant of young) {
      recordAudit(db, ctx.now(), operatorOf(db), {
        action: 'update',
        entity: 'activity',
        entityId: id,
        summary: `确认未满10周岁的志愿者 ${participant.name} 参与活动 ${record.heldOn} ${record.name}，原因：${participant.youngReason}`,
      })
    }
    return { id, warnings: issues.filter((issue) => issue.level === 'warning') }
  })()
}

export function removeActivity(ctx: CoreContext, id: number, reason?: string): void {
  const { db } = ctx
  db.transaction(() => {
    const activity = repo.getActivity(db, id)
    // The hours a deletion takes away are logged like any other change of hours.
    const gone = (
      db
        .prepare('SELECT volunteer_id AS volunteerId, hours AS before FROM participations WHERE activity_id = ?')
        .all(id) as { volunteerId: number; before: number }[]
    ).map((row) => ({ ...row, after: null }))
    logHoursChanges(db, activity, gone, {
      reason: reason?.trim() || '删除活动',
      operator: operatorOf(db),
      at: ctx.now().toISOString(),
    })
    repo.deleteActivity(db, id)
    recordAudit(db, ctx.now(), operatorOf(db), {
      action: 'delete',
      entity: 'activity',
      entityId: id,
      summary: `删除活动 ${activity.heldOn} ${activity.name}`,
    })
  })()
}
