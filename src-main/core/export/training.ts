// 培训记录 and 表彰记录 exports: one row per person per training / award, by date, in the layout the
// importer reads back (forms/training.ts). ID numbers are masked unless the clerk chooses full
// numbers for this export (recorded in the audit history); a copy meant for re-import needs them.
import type { CoreContext } from '../context'
import { AWARDS_FORM, TRAINING_FORM } from '../forms/training'
import { personalNumbers } from './personalNumbers'
import type { FieldValues } from './rows'
import { recordSheet, writeFormSheets, type ExportedWorkbook } from './workbook'

export interface TrainingExportOptions {
  /** Only the trainings / awards of this year (by their date); all when absent. */
  year?: number
  fullNumbers?: boolean
}

const PERSON = `v.name AS personName, v.id_number AS idNumber, v.unit`

const QUERIES = {
  training: {
    form: TRAINING_FORM,
    sql: `SELECT ${PERSON}, t.name, t.content, t.hours, t.organizer, t.started_on AS startedOn, t.ended_on AS endedOn, t.note
          FROM training_participants p JOIN trainings t ON t.id = p.training_id JOIN volunteers v ON v.id = p.volunteer_id
          WHERE t.started_on BETWEEN @from AND @to ORDER BY t.started_on, t.id, v.name_pinyin, v.id`,
  },
  awards: {
    form: AWARDS_FORM,
    sql: `SELECT ${PERSON}, a.name, a.awarded_on AS awardedOn, a.granted_by AS grantedBy, a.level, a.note
          FROM award_recipients p JOIN awards a ON a.id = p.award_id JOIN volunteers v ON v.id = p.volunteer_id
          WHERE a.awarded_on BETWEEN @from AND @to ORDER BY a.awarded_on, a.id, v.name_pinyin, v.id`,
  },
} as const

export async function exportTrainingList(
  ctx: CoreContext,
  which: keyof typeof QUERIES,
  options: TrainingExportOptions = {},
): Promise<ExportedWorkbook> {
  const { form, sql } = QUERIES[which]
  const sheet = form.sheets[0]!
  const range = options.year
    ? { from: `${options.year}-01-01`, to: `${options.year}-12-31` }
    : { from: '0000-00-00', to: '9999-12-31' }
  const records = ctx.db.prepare(sql).all(range) as FieldValues[]
  const numbers = personalNumbers(options.fullNumbers ?? false)
  const rows = records.map((record) => ({ ...record, idNumber: numbers.id(record.idNumber as string) }))
  return writeFormSheets(ctx, [recordSheet(ctx, sheet, rows, { year: options.year })])
}
