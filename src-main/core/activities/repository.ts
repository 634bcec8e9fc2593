// Activities held and their participants. volunteer_count and hours_total on an activity are kept
// in step here, on every write of its participants, so statistics read 10,000 rows, not 1,000,000.
import type { Database } from 'better-sqlite3'
import { maskIdNumber } from '../domain'
import { CoreError } from '../errors'
import { writeDepartments } from '../plan/repository'
import { matchingVolunteerIds } from '../roster/repository'
import type { ActivityRecord } from './rules'

export interface StoredActivity extends Omit<ActivityRecord, 'planSeq' | 'declaredParticipants'> {
  planItemId: number | null
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
}

export interface ParticipantView {
  volunteerId: number
  name: string
  gender: string
  unit: string | null
  idMasked: string
  hours: number
  note: string | null
}

const SELECT_ACTIVITY = `
  SELECT a.id, a.name, a.task_code AS taskCode, t.name AS taskName, a.held_on AS heldOn, a.county_code AS countyCode,
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

type ActivityRow = Omit<ActivityView, 'departments' | 'highlight'> & { departments: string | null; highlight: number }

function toView(row: ActivityRow): ActivityView {
  return { ...row, highlight: row.highlight === 1, departments: row.departments ? row.departments.split('、') : [] }
}

export interface ActivityQuery {
  year?: number
  month?: number
  taskCode?: number
  department?: string
  team?: string
  highlight?: boolean
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
    where.push('a.held_on BETWEEN @from AND @to')
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
                 OR a.id IN (SELECT p.activity_id FROM participations p WHERE p.volunteer_id IN (SELECT value FROM json_each(@participants))))`)
    params.q = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    params.participants = JSON.stringify(matchingVolunteerIds(db, query.q))
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
  const row = db.prepare('SELECT id FROM activities WHERE name = ? AND held_on = ?').get(name, heldOn) as { id: number } | undefined
  return row?.id
}

function activityParams(activity: StoredActivity) {
  return { ...activity, highlight: activity.highlight ? 1 : 0, defaultHours: activity.defaultHours ?? 0 }
}

export function insertActivity(db: Database, activity: StoredActivity, at: string, batchId: number | null = null): number {
  const result = db
    .prepare(
      `INSERT INTO activities (name, task_code, held_on, county_code, place, organizer, team, plan_item_id, default_hours,
         target_group, beneficiaries, summary, highlight, highlight_text, note, batch_id, created_at, updated_at)
       VALUES (@name, @taskCode, @heldOn, @countyCode, @place, @organizer, @team, @planItemId, @defaultHours,
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
      `UPDATE activities SET name = @name, task_code = @taskCode, held_on = @heldOn, county_code = @countyCode,
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

export function replaceParticipants(db: Database, activityId: number, participants: readonly ParticipantInput[], batchId: number | null = null): void {
  db.prepare('DELETE FROM participations WHERE activity_id = ?').run(activityId)
  const insert = db.prepare('INSERT INTO participations (activity_id, volunteer_id, hours, note, batch_id) VALUES (?, ?, ?, ?, ?)')
  for (const participant of participants) insert.run(activityId, participant.volunteerId, participant.hours, participant.note, batchId)
  refreshTotals(db, activityId)
}

export function listParticipants(db: Database, activityId: number): ParticipantView[] {
  const rows = db
    .prepare(
      `SELECT p.volunteer_id AS volunteerId, v.name, v.gender, v.unit, v.id_number AS idNumber, p.hours, p.note
       FROM participations p JOIN volunteers v ON v.id = p.volunteer_id
       WHERE p.activity_id = ? ORDER BY v.name_pinyin`,
    )
    .all(activityId) as (Omit<ParticipantView, 'idMasked'> & { idNumber: string })[]
  return rows.map(({ idNumber, ...row }) => ({ ...row, idMasked: maskIdNumber(idNumber) }))
}
