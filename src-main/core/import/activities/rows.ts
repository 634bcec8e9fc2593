// The two sheets of 表3 as importers: 活动登记 rows become activities, 参与名单 rows participants.
import { checkIdNumber, normalizeFreeText, normalizeText } from '../../domain'
import { ACTIVITIES_FORM } from '../../forms/activities'
import { parseDay } from '../../activities/day'
import { checkHours, validateActivity, type ActivityRecord } from '../../activities/rules'
import { lateness } from '../../activities/lateEntries'
import { MAX_ACTIVITY_DAYS } from '../../activities/rules'
import { localDay } from '../../plan/plannedTime'
import { listTasks } from '../../reference/repository'
import { columnIssues, rawFields, type FormImporter, type RowIssue } from '../forms'

export const ACTIVITY_SHEET = ACTIVITIES_FORM.sheets[0]!
export const PARTICIPANT_SHEET = ACTIVITIES_FORM.sheets[1]!

export interface ParticipantRow {
  kind: 'participant'
  activityName: string
  heldOn: string
  name: string
  idNumber: string
  hours: number | null
  note: string | null
  /** The day of the import, for the 补录 rule of a participant added to an activity recorded before. */
  enteredOn: string
}

export type ActivityRow = ActivityRecord & { kind: 'activity'; late: boolean }

export const activityImporter: FormImporter<unknown> = {
  key: 'activities',
  sheet: ACTIVITY_SHEET,
  load: (ctx) => ({ tasks: listTasks(ctx.db), today: localDay(ctx.now()) }),
  checker: (data) => {
    const options = data as Parameters<typeof validateActivity>[1]
    return (row) => {
      const { record, issues } = validateActivity(rawFields(ACTIVITY_SHEET, row), options)
      // A return made with the older form has no 补录原因 column: the row imports as before (a school's
      // return is its own record, not an entry by hand) and is listed as a 补录 without a reason.
      const late = record ? lateness(record, options.today).late : false
      return {
        item: record ? { ...record, kind: 'activity', late } : null,
        issues: columnIssues(ACTIVITY_SHEET, issues),
      }
    }
  },
}

export function checkParticipantRow(
  raw: Record<string, unknown>,
  enteredOn: string,
): { item: ParticipantRow | null; issues: RowIssue[] } {
  const issues: RowIssue[] = []
  // Normalised as 活动登记 normalises the name, or the two sheets would not meet.
  const activityName = normalizeFreeText(raw.activityName)
  if (!activityName)
    issues.push({ column: '活动名称', level: 'error', message: '活动名称必填：请填写与“活动登记”一致的活动名称。' })
  const heldOn = parseDay(raw.heldOn)
  if (!heldOn)
    issues.push({
      column: '开展日期',
      level: 'error',
      message: '开展日期缺失或无法识别：请写成如 2026-03-05，并与“活动登记”一致。',
    })
  const name = normalizeText(raw.name).replace(/\s+/g, '')
  if (!name) issues.push({ column: '姓名', level: 'error', message: '姓名必填。' })
  const id = checkIdNumber(raw.idNumber)
  if (!id.ok) issues.push({ column: '身份证号码', level: 'error', message: id.message })
  // The activity's own limit (24 a day of it) is checked when the row meets its activity.
  const hours = checkHours(raw.hours, MAX_ACTIVITY_DAYS)
  if (!hours.ok) issues.push({ column: '服务时长（小时）', level: 'error', message: hours.message })
  const note = normalizeFreeText(raw.note) || null
  if (issues.length > 0 || !id.ok || !hours.ok || !heldOn) return { item: null, issues }
  return {
    item: { kind: 'participant', activityName, heldOn, name, idNumber: id.id, hours: hours.hours, note, enteredOn },
    issues,
  }
}

export const participantImporter: FormImporter<unknown> = {
  key: 'activities-participants',
  sheet: PARTICIPANT_SHEET,
  load: (ctx) => localDay(ctx.now()),
  checker: (today) => (row) => checkParticipantRow(rawFields(PARTICIPANT_SHEET, row), today as string),
}
