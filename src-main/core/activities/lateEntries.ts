// 补录: an activity or a participant entered more than 10 working days after the activity's last day
// needs a reason (办法 Art. 11). The rule is decided here once, for the form, the CLI and imports;
// the list shows every late entry with its reason so the clerk can account for it.
import type { Database } from 'better-sqlite3'
import { isLateEntry, workingDaysBetween } from './workingDays'

export const lastDayOf = (activity: { heldOn: string; endedOn: string | null }) => activity.endedOn ?? activity.heldOn

export function lateness(
  activity: { heldOn: string; endedOn: string | null },
  today: string,
): { late: boolean; workingDays: number } {
  const last = lastDayOf(activity)
  return { late: isLateEntry(last, today), workingDays: workingDaysBetween(last, today) }
}

export function lateReasonMissing(
  what: string,
  activity: { heldOn: string; endedOn: string | null },
  today: string,
): string {
  const { workingDays } = lateness(activity, today)
  return `${what}在活动结束后第 ${workingDays} 个工作日才登记（超过 10 个工作日），属于补录，请填写补录原因。`
}

export interface LateEntry {
  kind: '活动' | '参与人员'
  activityId: number
  activityName: string
  heldOn: string
  endedOn: string | null
  volunteerName: string | null
  enteredAt: string | null
  reason: string | null
}

/** Every 补录 of activities held in the period, activities and participants alike, by activity date. */
export function listLateEntries(db: Database, period: { from: string; to: string }): LateEntry[] {
  return db
    .prepare(
      `SELECT '活动' AS kind, a.id AS activityId, a.name AS activityName, a.held_on AS heldOn, a.ended_on AS endedOn,
              NULL AS volunteerName, a.created_at AS enteredAt, a.late_reason AS reason
       FROM activities a WHERE a.late = 1 AND a.held_on BETWEEN @from AND @to
       UNION ALL
       SELECT '参与人员', a.id, a.name, a.held_on, a.ended_on, v.name, p.entered_at, p.late_reason
       FROM participations p JOIN activities a ON a.id = p.activity_id JOIN volunteers v ON v.id = p.volunteer_id
       WHERE p.late = 1 AND a.held_on BETWEEN @from AND @to
       ORDER BY heldOn, activityId, kind DESC, volunteerName`,
    )
    .all(period) as LateEntry[]
}
