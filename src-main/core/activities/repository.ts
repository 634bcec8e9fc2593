// Activities held and their participants. volunteer_count and hours_total on an activity are kept
// in step here, on every write of its participants, so statistics read 10,000 rows, not 1,000,000.
import type { Database } from 'better-sqlite3'
import { maskIdNumber } from '../domain'
import { CoreError } from '../errors'
import { writeDepartments } from '../plan/repository'
import { matchingVolunteerIds } from '../roster/repository'
import { activitiesWithAnyOf } from '../reports/participationIndex'
import type { ActivityRecord } from './rules'

export interface StoredActivity extends Omit<ActivityRecord, 'planSeq' | 'declaredParticipants' | 'concentrated'> {
  planItemId: number | null
  concentrated: boolean
  /** Entered more than 10 working days after its last day (补录); set when first recorded. */
  late: boolean
}

export interface ActivityView extends StoredActivity {
  id: number
  taskName: string | null
  countyName: string | null
  planItemName: string | null
  planSeq: number | null
  volunteerCount: number
  hoursTotal: number
}

export interface ParticipantInput {
  volunteerId: number
  hours: number
  note: string | null
  /** 补录 of this participant: entered more than 10 working days after the activity. */
  late?: boolean
  lateReason?: string | null
}

export interface ParticipantView {
  volunteerId: number
  name: string
  gender: string
  unit: string | null
  idMasked: string
  hours: number
  note: string | null
  late: boolean
  lateReason: string | null
}

const SELECT_ACTIVITY = `
  SELECT a.id, a.name, a.task_code AS taskCode, t.name AS taskName, a.held_on AS heldOn, a.ended_on AS endedOn,
         a.leader, a.concentrated, a.late, a.late_reason AS lateReason, a.county_code AS countyCode,
         c.name AS countyName, a.place, a.organizer, a.team, a.plan_item_id AS planItemId, p.name AS planItemName,
         p.seq AS planSeq, a.default_hours AS defaultHours, a.target_group AS targetGroup, a.beneficiaries,
         a.summary, a.highlight, a.highlight_text AS highlightText, a.note,
         a.volunteer_count AS volunteerCount, a.hours_total AS hoursTotal,
         (SELECT group_concat(d.name, '、') FROM activity_departments ad JOIN departments d ON d.id = ad.department_id
           WHERE ad.activity_id = a.id) AS departments
  FROM activities a
  LEFT JOIN tasks t ON t.code = a.task_code
  LEFT JOIN counties c ON c.code = a.county_code
  LEFT JOIN plan_items p ON p.id = a.plan_item_id`

type ActivityRow = Omit<ActivityView, 'departments' | 'highlight' | 'concentrated' | 'late'> & {
  departments: string | null
  highlight: number
  concentrated: number
  late: number
}

function toView(row: ActivityRow): ActivityView {
  return {
    ...row,
    highlight: row.highlight === 1,
    concentrated: row.concentrated === 1,
    late: row.late === 1,
    departments: row.departments ? row.departments.split('、') : [],
  }
}

export interface ActivityQuery {
  year?: number
  month?: number
  taskCode?: number
  department?: string
  team?: string
  /** Where it was held (a county code), or 'none' for an activity without a county (未填县市). */
  countyCode?: string
  highlight?: boolean
  /**
   * Started (开展日期) from one day to another, both inclusive: how the statistics count, so a list
   * opened from a figure holds exactly the activities it counts (year and month mean "covered").
   */
  startedFrom?: string
  startedTo?: string
  /** 集中服务 only (true) or the others only (false): the monthly rule counts the first. */
  concentrated?: boolean
  /** 组织单位, exactly: 表5's unit filter. */
  organizer?: string
  q?: string
  offset: number
  limit: number
}

export function listActivities(db: Database, query: ActivityQuery): { total: number; rows: ActivityView[] } {
  const where: string[] = ['1 = 1']
  const params: Record<string, unknown> = {}
  if (query.year !== undefined) {
    const from = query.month ? `${query.year}-${String(query.month).padStart(2, '0')}-01` : `${query.year}-01-01`
    const to = query.month ? `${query.year}-${String(query.month).padStart(2, '0')}-31` : `${query.year}-12-31`
    // An activity over several days belongs to every month it covered.
    where.push('a.held_on <= @to AND coalesce(a.ended_on, a.held_on) >= @from')
    Object.assign(params, { from, to })
  }
  if (query.taskCode !== undefined) {
    where.push('a.task_code = @taskCode')
    params.taskCode = query.taskCode
  }
  if (query.team) {
    where.push('a.team = @team')
    params.team = query.team
  }
  if (query.countyCode === 'none') where.push('a.county_code IS NULL')
  else if (query.countyCode) {
    where.push('a.county_code = @countyCode')
    params.countyCode = query.countyCode
  }
  if (query.startedFrom && query.startedTo) {
    where.push('a.held_on BETWEEN @startedFrom AND @startedTo')
    Object.assign(params, { startedFrom: query.startedFrom, startedTo: query.startedTo })
  }
  if (query.concentrated !== undefined) {
    where.push('a.concentrated = @concentrated')
    params.concentrated = query.concentrated ? 1 : 0
  }
  if (query.organizer) {
    where.push('a.organizer = @organizer')
    params.organizer = query.organizer
  }
  if (query.highlight !== undefined) {
    where.push('a.highlight = @highlight')
    params.highlight = query.highlight ? 1 : 0
  }
  if (query.department) {
    where.push(`EXISTS (SELECT 1 FROM activity_departments ad JOIN departments d ON d.id = ad.department_id
                WHERE ad.activity_id = a.id AND d.name = @department)`)
    params.department = query.department
  }
  if (query.q) {
    // The activity's own words, or a participant the roster search finds (name, initials, ID fragment).
    where.push(`(a.name LIKE @q ESCAPE '\\' OR a.place LIKE @q ESCAPE '\\' OR a.organizer LIKE @q ESCAPE '\\'
                 OR a.id IN (SELECT value FROM json_each(@withParticipants)))`)
    params.q = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    params.withParticipants = JSON.stringify(activitiesWithAnyOf(db, matchingVolunteerIds(db, query.q)))
  }
  const clause = where.join(' AND ')
  const total = (db.prepare(`SELECT count(*) AS n FROM activities a WHERE ${clause}`).get(params) as { n: number }).n
  const rows = db
    .prepare(`${SELECT_ACTIVITY} WHERE ${clause} ORDER BY a.held_on DESC, a.id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: query.limit, offset: query.offset }) as ActivityRow[]
  return { total, rows: rows.map(toView) }
}

export function getActivity(db: Database, id: number): ActivityView {
  const row = db.prepare(`${SELECT_ACTIVITY} WHERE a.id = ?`).get(id) as ActivityRow | undefined
  if (!row) throw new CoreError('NOT_FOUND', `找不到编号为 ${id} 的活动。`)
  return toView(row)
}

export function findActivityId(db: Database, name: string, heldOn: string): number | undefined {
  const row = db.prepare('SELECT id FROM activities WHERE name = ? AND held_on = ?').get(name, heldOn) as
    { id: number } | undefined
  return row?.id
}

function activityParams(activity: StoredActivity) {
  return {
    // A snapshot taken before version 5 (an import's undo record) lacks the newer fields.
    ...activity,
    endedOn: activity.endedOn ?? null,
    leader: activity.leader ?? null,
    lateReason: activity.lateReason ?? null,
    highlight: activity.highlight ? 1 : 0,
    concentrated: activity.concentrated === false ? 0 : 1,
    late: activity.late ? 1 : 0,
    defaultHours: activity.defaultHours ?? 0,
  }
}

export function insertActivity(
  db: Database,
  activity: StoredActivity,
  at: string,
  batchId: number | null = null,
): number {
  const result = db
    .prepare(
      `INSERT INTO activities (name, task_code, held_on, ended_on, leader, concentrated, late, late_reason, county_code,
         place, organizer, team, plan_item_id, default_hours,
         target_group, beneficiaries, summary, highlight, highlight_text, note, batch_id, created_at, updated_at)
       VALUES (@name, @taskCode, @heldOn, @endedOn, @leader, @concentrated, @late, @lateReason, @countyCode,
         @place, @organizer, @team, @planItemId, @defaultHours,
         @targetGroup, @beneficiaries, @summary, @highlight, @highlightText, @note, @batchId, @at, @at)`,
    )
    .run({ ...activityParams(activity), batchId, at })
  const id = Number(result.lastInsertRowid)
  writeDepartments(db, 'activity_departments', id, activity.departments)
  return id
}

export function updateActivity(db: Database, id: number, activity: StoredActivity, at: string): void {
  const result = db
    .prepare(
      `UPDATE activities SET name = @name, task_code = @taskCode, held_on = @heldOn, ended_on = @endedOn,
         leader = @leader, concentrated = @concentrated, late = @late, late_reason = @lateReason, county_code = @countyCode,
         place = @place, organizer = @organizer, team = @team, plan_item_id = @planItemId,
         default_hours = @defaultHours, target_group = @targetGroup, beneficiaries = @beneficiaries,
         summary = @summary, highlight = @highlight, highlight_text = @highlightText, note = @note, updated_at = @at
       WHERE id = @id`,
    )
    .run({ ...activityParams(activity), at, id })
  if (result.changes === 0) throw new CoreError('NOT_FOUND', `找不到编号为 ${id} 的活动。`)
  writeDepartments(db, 'activity_departments', id, activity.departments)
}

export function deleteActivity(db: Database, id: number): void {
  db.prepare('DELETE FROM activities WHERE id = ?').run(id)
}

/** Recomputes the activity's participant count and hours from its participations. */
export function refreshTotals(db: Database, activityId: number): void {
  db.prepare(
    `UPDATE activities SET
       volunteer_count = (SELECT count(*) FROM participations WHERE activity_id = @id),
       hours_total = (SELECT coalesce(sum(hours), 0) FROM participations WHERE activity_id = @id)
     WHERE id = @id`,
  ).run({ id: activityId })
}

export interface HoursDifference {
  volunteerId: number
  before: number | null
  after: number | null
}

export function insertParticipation(
  db: Database,
  activityId: number,
  participant: ParticipantInput,
  at: string,
  batchId: number | null = null,
): void {
  db.prepare(
    `INSERT INTO participations (activity_id, volunteer_id, hours, note, batch_id, entered_at, late, late_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    activityId,
    participant.volunteerId,
    participant.hours,
    participant.note,
    batchId,
    at,
    participant.late ? 1 : 0,
    participant.lateReason ?? null,
  )
}

/** Changes one participation's hours and note in place (its entry day and 补录 reason stay). */
export function updateParticipation(
  db: Database,
  activityId: number,
  volunteerId: number,
  values: { hours: number; note: string | null },
): void {
  db.prepare('UPDATE participations SET hours = ?, note = ? WHERE activity_id = ? AND volunteer_id = ?').run(
    values.hours,
    values.note,
    activityId,
    volunteerId,
  )
}

export function deleteParticipation(db: Database, activityId: number, volunteerId: number): void {
  db.prepare('DELETE FROM participations WHERE activity_id = ? AND volunteer_id = ?').run(activityId, volunteerId)
}

/** A participation's hours, or undefined when there is none. */
export function participationHours(db: Database, activityId: number, volunteerId: number): number | undefined {
  return db
    .prepare('SELECT hours FROM participations WHERE activity_id = ? AND volunteer_id = ?')
    .pluck()
    .get(activityId, volunteerId) as number | undefined
}

/**
 * Makes the activity's participants exactly these. Rows already there are updated in place, so
 * when each was entered (and a 补录's reason) survives an edit; returns the hours that changed or
 * went, for the hours log.
 */
export function replaceParticipants(
  db: Database,
  activityId: number,
  participants: readonly ParticipantInput[],
  at: string,
): HoursDifference[] {
  const existing = new Map(
    (
      db
        .prepare('SELECT volunteer_id AS volunteerId, hours FROM participations WHERE activity_id = ?')
        .all(activityId) as { volunteerId: number; hours: number }[]
    ).map((row) => [row.volunteerId, row.hours]),
  )
  const differences: HoursDifference[] = []
  for (const participant of participants) {
    const before = existing.get(participant.volunteerId)
    existing.delete(participant.volunteerId)
    if (before === undefined) {
      insertParticipation(db, activityId, participant, at)
      continue
    }
    updateParticipation(db, activityId, participant.volunteerId, participant)
    if (before !== participant.hours)
      differences.push({ volunteerId: participant.volunteerId, before, after: participant.hours })
  }
  for (const [volunteerId, before] of existing) {
    deleteParticipation(db, activityId, volunteerId)
    differences.push({ volunteerId, before, after: null })
  }
  refreshTotals(db, activityId)
  return differences
}

export function listParticipants(db: Database, activityId: number): ParticipantView[] {
  const rows = db
    .prepare(
      `SELECT p.volunteer_id AS volunteerId, v.name, v.gender, v.unit, v.id_number AS idNumber, p.hours, p.note,
              p.late, p.late_reason AS lateReason
       FROM participations p JOIN volunteers v ON v.id = p.volunteer_id
       WHERE p.activity_id = ? ORDER BY v.name_pinyin`,
    )
    .all(activityId) as (Omit<ParticipantView, 'idMasked' | 'late'> & { idNumber: string; late: number })[]
  return rows.map(({ idNumber, ...row }) => ({ ...row, late: row.late === 1, idMasked: maskIdNumber(idNumber) }))
}
