// 培训记录 and 表彰记录 imports: one row per person per training / award. A training is known by
// (培训名称, 培训日期), an award by (表彰名称, 表彰日期, 授予单位); the rows of one gather its people.
// People are matched to the roster by ID number (an unknown one is an error on its row). A training
// or award already recorded is never changed by an import: a row that disagrees with it (学时, say) is
// an error, so the clerk decides. Undo removes exactly what the batch added (import_batch_id).
import type { Database } from 'better-sqlite3'
import type { CoreContext } from '../../context'
import { recordAudit } from '../../audit/audit'
import { checkIdNumber, maskIdNumber, normalizeText } from '../../domain'
import type { FormSheet } from '../../forms/types'
import { AWARDS_FORM, TRAINING_FORM } from '../../forms/training'
import { localDay } from '../../plan/plannedTime'
import * as repo from '../../training/repository'
import {
  validateAward,
  validateTraining,
  type AwardRecord,
  type FieldIssue,
  type TrainingRecord,
} from '../../training/rules'
import { columnIssues, rawFields, type FormImporter, type RowIssue } from '../forms'
import { planIssue } from '../issueAt'
import type { ParsedFile } from '../parseFile'
import type { FormPipeline, PipelinePlan } from '../pipeline'
import { undoBatch, writeBatchHeader } from '../records'

type Kind = 'training' | 'award'
type Record = TrainingRecord | AwardRecord

interface PersonRow {
  record: Record
  personName: string
  idNumber: string
}

interface KindConfig {
  kind: Kind
  form: 'training' | 'awards'
  sheet: FormSheet
  label: string
  validate: (
    raw: { [field: string]: unknown },
    today: string,
  ) => { record: Record | null; issues: FieldIssue<string>[] }
  key: (record: Record) => string
  describe: (record: Record) => string
  find: (db: Database, record: Record) => number | null
  get: (db: Database, id: number) => Record
  insert: (db: Database, record: Record, at: string, batch: number) => number
  /** The fields a row must agree on with the recorded training / award, with their column names. */
  compared: readonly [keyof Record & string, string][]
  table: string
  people: string
}

const TRAINING: KindConfig = {
  kind: 'training',
  form: 'training',
  sheet: TRAINING_FORM.sheets[0]!,
  label: '培训',
  validate: (raw, today) => validateTraining(raw, { today }),
  key: (record) => `${record.name}|${(record as TrainingRecord).startedOn}`,
  describe: (record) => `${(record as TrainingRecord).startedOn} 的培训“${record.name}”`,
  find: (db, record) => repo.findTrainingId(db, record.name, (record as TrainingRecord).startedOn),
  get: repo.getTraining,
  insert: (db, record, at, batch) => repo.insertTraining(db, record as TrainingRecord, at, batch),
  compared: [
    ['hours' as never, '学时'],
    ['endedOn' as never, '结束日期'],
  ],
  table: 'trainings',
  people: 'training_participants',
}

const AWARD: KindConfig = {
  kind: 'award',
  form: 'awards',
  sheet: AWARDS_FORM.sheets[0]!,
  label: '表彰',
  validate: (raw, today) => validateAward(raw, { today }),
  key: (record) => `${record.name}|${(record as AwardRecord).awardedOn}|${(record as AwardRecord).grantedBy}`,
  describe: (record) =>
    `${(record as AwardRecord).awardedOn} ${(record as AwardRecord).grantedBy}的表彰“${record.name}”`,
  find: (db, record) =>
    repo.findAwardId(db, record.name, (record as AwardRecord).awardedOn, (record as AwardRecord).grantedBy),
  get: repo.getAward,
  insert: (db, record, at, batch) => repo.insertAward(db, record as AwardRecord, at, batch),
  compared: [['level' as never, '表彰级别']],
  table: 'awards',
  people: 'award_recipients',
}

function importer(config: KindConfig): FormImporter<unknown> {
  const { sheet } = config
  return {
    key: config.form,
    sheet,
    load: (ctx) => localDay(ctx.now()),
    checker: (today) => (row) => {
      const raw = rawFields(sheet, row)
      const issues: RowIssue[] = []
      const personName = normalizeText(raw.personName).replace(/\s+/g, '')
      if (!personName) issues.push({ column: '姓名', level: 'error', message: '姓名必填。' })
      const id = checkIdNumber(raw.idNumber, new Date(`${today as string}T12:00:00Z`))
      // A list exported with masked numbers cannot name anyone: say so instead of "第 7 位无效".
      if (!id.ok && /\*{4,}/.test(String(raw.idNumber ?? '')))
        issues.push({
          column: '身份证号码',
          level: 'error',
          message: '身份证号码已打码，无法与花名册比对：请导出时选择“完整号码”，或填写完整的 18 位号码后再导入',
        })
      else if (!id.ok) issues.push({ column: '身份证号码', level: 'error', message: id.message })
      const checked = config.validate(raw, today as string)
      issues.push(...columnIssues(sheet, checked.issues))
      if (!checked.record || !id.ok || issues.some((issue) => issue.level === 'error')) return { item: null, issues }
      return { item: { record: checked.record, personName, idNumber: id.id } satisfies PersonRow, issues }
    },
  }
}

interface Target {
  key: string
  record: Record
  existingId: number | null
  /** Where the training / award was first met in this batch, for messages. */
  firstAt: string
  people: number[]
}

function planRows(
  db: Database,
  config: KindConfig,
  files: readonly ParsedFile<unknown>[],
): { plan: PipelinePlan; targets: Map<string, Target> } {
  const plan: PipelinePlan = { rows: new Map(), issues: [], counts: { created: 0, updated: 0, unchanged: 0 } }
  const targets = new Map<string, Target>()
  const seen = new Map<string, string>()
  const findVolunteer = db.prepare('SELECT id, name, deleted_at AS deletedAt FROM volunteers WHERE id_number = ?')
  const isRecorded = db.prepare(`SELECT 1 FROM ${config.people} WHERE ${config.kind}_id = ? AND volunteer_id = ?`)
  for (const file of files) {
    for (const row of file.rows) {
      const reject = (column: string, message: string): void => {
        plan.issues.push(planIssue(file, row, 'error', column, message))
        plan.rows.set(row, { action: 'rejected', changes: [] })
      }
      const incoming = row.item as PersonRow | null
      if (!incoming) {
        plan.rows.set(row, { action: 'rejected', changes: [] })
        continue
      }
      const volunteer = findVolunteer.get(incoming.idNumber) as
        { id: number; name: string; deletedAt: string | null } | undefined
      if (!volunteer) {
        reject(
          '身份证号码',
          `身份证号码 ${maskIdNumber(incoming.idNumber)} 不在志愿者花名册中：请先把该志愿者登记到花名册（表1），再导入${config.label}记录`,
        )
        continue
      }
      if (volunteer.deletedAt) {
        reject('身份证号码', `志愿者“${volunteer.name}”在回收站中：请先恢复，再导入其${config.label}记录`)
        continue
      }
      if (volunteer.name !== incoming.personName) {
        reject(
          '姓名',
          `身份证号码在花名册中登记的姓名是“${volunteer.name}”，与本行的“${incoming.personName}”不一致：请核对姓名和身份证号码`,
        )
        continue
      }
      const key = config.key(incoming.record)
      const here = `“${file.name}”第 ${row.row} 行`
      let target = targets.get(key)
      if (!target) {
        const existingId = config.find(db, incoming.record)
        const record = existingId === null ? incoming.record : config.get(db, existingId)
        target = { key, record, existingId, firstAt: existingId === null ? here : '已登记的记录', people: [] }
        targets.set(key, target)
      }
      const differs = config.compared.find(
        ([field]) => (incoming.record[field] ?? null) !== (target!.record[field] ?? null),
      )
      if (differs) {
        const [field, column] = differs
        reject(
          column,
          `${config.describe(incoming.record)}在${target.firstAt}中${column}为“${target.record[field] ?? '空'}”，本行为“${incoming.record[field] ?? '空'}”：同一${config.label}各行须一致，请核对`,
        )
        continue
      }
      const pair = `${key}|${volunteer.id}`
      const first = seen.get(pair)
      if (first) {
        reject('身份证号码', `与${first}重复：同一志愿者在同一${config.label}中只能登记一次`)
        continue
      }
      seen.set(pair, here)
      if (target.existingId !== null && isRecorded.get(target.existingId, volunteer.id)) {
        plan.rows.set(row, { action: 'unchanged', changes: [] })
        plan.counts.unchanged++
        continue
      }
      target.people.push(volunteer.id)
      plan.rows.set(row, { action: 'create', changes: [] })
      plan.counts.created++
    }
  }
  return { plan, targets }
}

function pipeline(config: KindConfig): FormPipeline {
  return {
    key: config.form,
    sheets: [importer(config)],
    plan: (db, files) => planRows(db, config, files).plan,
    write: (ctx: CoreContext, files, operator, hooks) => {
      const { db } = ctx
      const at = ctx.now().toISOString()
      return db.transaction(() => {
        const { plan, targets } = planRows(db, config, files)
        const { batch, summary } = writeBatchHeader(db, config.form, at, operator, files, plan)
        let created = 0
        let index = 0
        for (const target of targets.values()) {
          if (index++ === Math.floor(targets.size / 2)) hooks.onWriting?.()
          if (target.people.length === 0) continue
          let id = target.existingId
          if (id === null) {
            id = config.insert(db, target.record, at, batch)
            created++
          }
          for (const volunteerId of target.people) repo.addPerson(db, config.kind, id, volunteerId, batch)
        }
        recordAudit(db, ctx.now(), operator, {
          action: 'import',
          entity: 'import_batch',
          entityId: batch,
          summary: `导入${config.label}记录 ${files.length} 个文件：新增${config.label} ${created} 项，新增人员 ${summary.totals.created} 人次`,
        })
        return { batch, summary }
      })()
    },
    undo: (ctx, batch, operator) =>
      undoBatch(ctx, batch, operator, (db) => {
        const removedPeople = db.prepare(`DELETE FROM ${config.people} WHERE import_batch_id = ?`).run(batch).changes
        // A training the batch created keeps itself when someone added people to it by hand since.
        const removedRecords = db
          .prepare(
            `DELETE FROM ${config.table} WHERE import_batch_id = ?
               AND NOT EXISTS (SELECT 1 FROM ${config.people} p WHERE p.${config.kind}_id = ${config.table}.id)`,
          )
          .run(batch).changes
        return { batch, removed: removedPeople + removedRecords, binned: [], restored: 0, kept: [], missing: 0 }
      }),
  }
}

export const trainingPipeline = pipeline(TRAINING)
export const awardsPipeline = pipeline(AWARD)
