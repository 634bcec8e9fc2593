// The log of every change to a participant's hours (办法 Art. 13): before, after, why, who, when.
// Written in the same transaction as the change; read on the volunteer's record.
import type { Database } from 'better-sqlite3'
import type { HoursDifference } from './repository'

export interface HoursChange {
  id: number
  activityId: number
  activityName: string
  heldOn: string
  before: number | null
  after: number | null
  reason: string
  operator: string | null
  at: string
}

export function logHoursChanges(
  db: Database,
  activity: { id: number; name: string; heldOn: string },
  differences: readonly HoursDifference[],
  entry: { reason: string; operator: string | null; at: string },
): void {
  const insert = db.prepare(
    `INSERT INTO hours_changes (activity_id, volunteer_id, activity_name, held_on, before, after, reason, operator, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  for (const difference of differences) {
    insert.run(
      activity.id,
      difference.volunteerId,
      activity.name,
      activity.heldOn,
      difference.before,
      difference.after,
      entry.reason,
      entry.operator,
      entry.at,
    )
  }
}

export function hoursChangesOf(db: Database, volunteerId: number): HoursChange[] {
  return db
    .prepare(
      `SELECT id, activity_id AS activityId, activity_name AS activityName, held_on AS heldOn, before, after, reason, operator, at
       FROM hours_changes WHERE volunteer_id = ? ORDER BY at DESC, id DESC`,
    )
    .all(volunteerId) as HoursChange[]
}
