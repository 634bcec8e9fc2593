// 表3 志愿服务活动开展情况登记表 export: a year's activities (活动登记) and everyone who served in
// them (参与名单), in date order, in the layout the importer reads back.
//
// A participant row names its volunteer by the ID number, masked unless the clerk chooses full
// numbers for this export (recorded in the audit history); a copy meant to be re-imported needs
// them, because the importer matches participants on the full ID number.
//
// 参与志愿者人数 is counted from the participation records, never the figure a school declared, and
// 参与名单 streams from a SQLite cursor: a busy year can hold hundreds of thousands of rows.
import type { Database } from 'better-sqlite3'
import type { CoreContext } from '../context'
import { ACTIVITIES_FORM } from '../forms/activities'
import type { FormSheet } from '../forms/types'
import { personalNumbers, type PersonalNumbers } from './personalNumbers'
import { recordRows, streamRows, yesNo, type FieldValues } from './rows'
import { sheetHeading, writeFormSheets, type ExportedWorkbook, type SheetToWrite } from './workbook'

/** An activity as the exports print it; departments in the bureau's order, joined with 、. */
export interface ActivityExportRow {
  id: number
  name: string
  taskName: string | null
  heldOn: string
  place: string | null
  organizer: string | null
  departments: string | null
  planSeq: number | null
  participants: number
  defaultHours: number
  targetGroup: string | null
  beneficiaries: number
  summary: string | null
  highlight: number
  highlightText: string | null
  note: string | null
  endedOn: string | null
  leader: string | null
  concentrated: number
  lateReason: string | null
}

export interface ActivitiesExportOptions {
  /** Full ID numbers in 参与名单 instead of masked ones; recorded in the audit history. */
  fullNumbers?: boolean
}

function yearRange(year: number): { from: string; to: string } {
  return { from: `${year}-01-01`, to: `${year}-12-31` }
}

/** The year's activities by date (then by when they were recorded), optionally highlights only. */
export function selectActivitiesOfYear(db: Database, year: number, highlightsOnly = false): ActivityExportRow[] {
  return db
    .prepare(
      `SELECT a.id, a.name, t.name AS taskName, a.held_on AS heldOn, a.place, a.organizer,
              (SELECT group_concat(d.name, '、' ORDER BY d.sort_order) FROM activity_departments ad
                 JOIN departments d ON d.id = ad.department_id WHERE ad.activity_id = a.id) AS departments,
              p.seq AS planSeq,
              (SELECT count(*) FROM participations pa WHERE pa.activity_id = a.id) AS participants,
              a.default_hours AS defaultHours, a.target_group AS targetGroup, a.beneficiaries, a.summary,
              a.highlight, a.highlight_text AS highlightText, a.note,
              a.ended_on AS endedOn, a.leader, a.concentrated, a.late_reason AS lateReason
       FROM activities a
       LEFT JOIN tasks t ON t.code = a.task_code
       LEFT JOIN plan_items p ON p.id = a.plan_item_id
       WHERE a.held_on BETWEEN @from AND @to ${highlightsOnly ? 'AND a.highlight = 1' : ''}
       ORDER BY a.held_on, a.id`,
    )
    .all(yearRange(year)) as ActivityExportRow[]
}

function activityFields(row: ActivityExportRow): FieldValues {
  return {
    name: row.name,
    task: row.taskName,
    heldOn: row.heldOn,
    place: row.place,
    organizer: row.organizer,
    departments: row.departments,
    planSeq: row.planSeq,
    participantsCount: row.participants,
    // 0 is how the database stores "no default"; the importer would reject 0 hours, so leave it blank.
    defaultHours: row.defaultHours > 0 ? row.defaultHours : null,
    targetGroup: row.targetGroup,
    beneficiaries: row.beneficiaries,
    summary: row.summary,
    highlight: yesNo(row.highlight === 1),
    note: row.note,
    endedOn: row.endedOn,
    leader: row.leader,
    concentrated: yesNo(row.concentrated === 1),
    lateReason: row.lateReason,
    highlightText: row.highlightText,
  }
}

type ParticipantRow = [
  activityName: string,
  heldOn: string,
  name: string,
  idNumber: string,
  hours: number,
  note: string | null,
]

/** Every participation of the year's activities, in the order of 活动登记, then by name in pinyin. */
function* participantRecords(db: Database, year: number, numbers: PersonalNumbers): Generator<FieldValues> {
  const cursor = db
    .prepare(
      `SELECT a.name, a.held_on, v.name, v.id_number, pa.hours, pa.note
       FROM participations pa
       JOIN activities a ON a.id = pa.activity_id
       JOIN volunteers v ON v.id = pa.volunteer_id
       WHERE a.held_on BETWEEN @from AND @to
       ORDER BY a.held_on, a.id, v.name_pinyin, v.id`,
    )
    .raw(true)
    .iterate(yearRange(year)) as IterableIterator<ParticipantRow>
  for (const [activityName, heldOn, name, idNumber, hours, note] of cursor) {
    yield { activityName, heldOn, name, idNumber: numbers.id(idNumber), hours, note }
  }
}

function sheetsOfForm(): [FormSheet, FormSheet] {
  const [held, participants] = ACTIVITIES_FORM.sheets
  if (!held || !participants) throw new Error('表3 must declare 活动登记 and 参与名单')
  return [held, participants]
}

/** 表3's two sheets to write or print (the output handler records it in the audit history). */
export function activitiesSheets(
  ctx: CoreContext,
  year: number,
  options: ActivitiesExportOptions,
): { sheets: SheetToWrite[]; participants: number } {
  const [heldSheet, participantSheet] = sheetsOfForm()
  const activities = selectActivitiesOfYear(ctx.db, year)
  const participants = activities.reduce((sum, activity) => sum + activity.participants, 0)
  const heading = { ...sheetHeading(ctx), year }
  const numbers = personalNumbers(options.fullNumbers ?? false)
  const sheets = [
    { sheet: heldSheet, content: { ...heading, rows: recordRows(heldSheet, activities.map(activityFields)) } },
    {
      sheet: participantSheet,
      content: {
        ...heading,
        rows: streamRows(participantSheet, participantRecords(ctx.db, year, numbers)),
        rowCount: participants,
      },
    },
  ]
  return { sheets, participants }
}

export async function exportActivities(
  ctx: CoreContext,
  year: number,
  options: ActivitiesExportOptions = {},
): Promise<ExportedWorkbook & { participants: number }> {
  const { sheets, participants } = activitiesSheets(ctx, year, options)
  return { ...(await writeFormSheets(ctx, sheets)), participants }
}
