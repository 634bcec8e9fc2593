// 表2 import: checklist items for the year the clerk chose. An item is known by its 序号 within the
// year (or, without one, by its name); importing the same file again changes nothing.
import type { Database } from 'better-sqlite3'
import type { CoreContext } from '../../context'
import { CoreError } from '../../errors'
import { PLAN_FORM } from '../../forms/plan'
import * as repo from '../../plan/repository'
import { PLAN_FIELD_LABELS, validatePlanItem } from '../../plan/rules'
import { listTasks } from '../../reference/repository'
import { recordAudit } from '../../audit/audit'
import type { FieldChange } from '../../roster/merge'
import { columnIssues, rawFields, type FormImporter } from '../forms'
import { planIssue } from '../issueAt'
import type { ParsedFile, ParsedRow } from '../parseFile'
import type { FormPipeline, PipelineOptions, PipelinePlan } from '../pipeline'
import { recordChange, undoRecordsBatch, writeBatchHeader } from '../records'

const SHEET = PLAN_FORM.sheets[0]!
type Item = repo.PlanItemRecord
const COMPARED: (keyof Item)[] = [
  'taskCode',
  'name',
  'content',
  'targetGroup',
  'plannedText',
  'place',
  'departments',
  'contact',
  'phone',
  'note',
]
// The checklist's own labels; the stored item keeps the task as taskCode.
const LABELS: Partial<Record<keyof Item, string>> = { ...PLAN_FIELD_LABELS, taskCode: PLAN_FIELD_LABELS.task }

function yearOf(options: PipelineOptions): number {
  if (!options.year)
    throw new CoreError('INVALID_INPUT', '导入活动清单（表2）须指定年度，如 year: 2026（命令行 --year 2026）')
  return options.year
}

function importer(year: number): FormImporter<unknown> {
  return {
    key: 'plan',
    sheet: SHEET,
    load: (ctx) => listTasks(ctx.db),
    checker: (data) => {
      const tasks = data as ReturnType<typeof listTasks>
      return (row) => {
        // seq 0 marks a row without 序号: the plan gives it the next free number.
        const { record, issues } = validatePlanItem(rawFields(SHEET, row), { year, tasks, seq: 0 })
        return { item: record, issues: columnIssues(SHEET, issues) }
      }
    },
  }
}

function text(value: Item[keyof Item]): string | null {
  if (value === null || value === undefined || value === '') return null
  // Departments are a set: the order a school lists them in is no change.
  return Array.isArray(value) ? [...value].sort().join('、') : String(value)
}

/** An empty incoming value never erases what the checklist holds. */
function merged(existing: Item, incoming: Item): { next: Item; changes: FieldChange[] } {
  const next = { ...existing }
  const changes: FieldChange[] = []
  for (const key of COMPARED) {
    const value = incoming[key]
    if (text(value) === null || text(value) === text(existing[key])) continue
    changes.push({ field: LABELS[key] as never, before: text(existing[key]), after: text(value) })
    ;(next as Record<string, unknown>)[key] = value
  }
  if (incoming.plannedText && incoming.plannedText !== existing.plannedText) {
    next.plannedStart = incoming.plannedStart
    next.plannedEnd = incoming.plannedEnd
  }
  return { next, changes }
}

interface Target {
  row: ParsedRow<unknown>
  existingId: number | null
  item: Item
  changes: FieldChange[]
}

function planTargets(
  db: Database,
  files: readonly ParsedFile<unknown>[],
  year: number,
): { plan: PipelinePlan; targets: Target[] } {
  const plan: PipelinePlan = { rows: new Map(), issues: [], counts: { created: 0, updated: 0, unchanged: 0 } }
  const targets: Target[] = []
  const seen = new Map<string, { file: string; row: number }>()
  let nextSeq = repo.nextSeq(db, year)
  const byName = db.prepare('SELECT id FROM plan_items WHERE year = ? AND name = ?')
  for (const file of files) {
    for (const row of file.rows) {
      const incoming = row.item as Item | null
      if (!incoming) {
        plan.rows.set(row, { action: 'rejected', changes: [] })
        continue
      }
      const existingId =
        incoming.seq > 0
          ? (repo.findPlanItemBySeq(db, year, incoming.seq)?.id ?? null)
          : ((byName.get(year, incoming.name) as { id: number } | undefined)?.id ?? null)
      const key = incoming.seq > 0 ? `seq:${incoming.seq}` : `name:${incoming.name}`
      const first = seen.get(key)
      if (first) {
        plan.issues.push(
          planIssue(
            file,
            row,
            'error',
            incoming.seq > 0 ? '序号' : '活动名称',
            `与“${first.file}”第 ${first.row} 行重复：同一清单项目只能出现一次，请核对序号`,
          ),
        )
        plan.rows.set(row, { action: 'rejected', changes: [] })
        continue
      }
      seen.set(key, { file: file.name, row: row.row })
      if (existingId === null) {
        const item = { ...incoming, seq: incoming.seq > 0 ? incoming.seq : nextSeq++ }
        targets.push({ row, existingId: null, item, changes: [] })
        plan.rows.set(row, { action: 'create', changes: [] })
        plan.counts.created++
        continue
      }
      const existing = repo.getPlanItem(db, existingId, '0000-00-00')
      const { next, changes } = merged(existing, { ...incoming, seq: existing.seq })
      targets.push({ row, existingId, item: next, changes })
      plan.rows.set(row, { action: changes.length > 0 ? 'update' : 'unchanged', changes })
      plan.counts[changes.length > 0 ? 'updated' : 'unchanged']++
    }
  }
  return { plan, targets }
}

export function planPipeline(options: PipelineOptions): FormPipeline {
  return {
    key: 'plan',
    // The year is checked when planning; undo and history need the pipeline without one.
    sheets: [importer(options.year ?? 0)],
    plan: (db, files) => planTargets(db, files, yearOf(options)).plan,
    write: (ctx: CoreContext, files, operator, hooks) => {
      const { db } = ctx
      const year = yearOf(options)
      const at = ctx.now().toISOString()
      return db.transaction(() => {
        const { plan, targets } = planTargets(db, files, year)
        const { batch, summary } = writeBatchHeader(db, 'plan', at, operator, files, plan)
        for (const [index, target] of targets.entries()) {
          if (index === Math.floor(targets.length / 2)) hooks.onWriting?.()
          if (target.existingId === null) {
            const id = repo.insertPlanItem(db, target.item, at, batch)
            recordChange(db, batch, { entity: 'plan_item', entityId: id, action: 'created' })
          } else if (target.changes.length > 0) {
            const before = repo.getPlanItem(db, target.existingId, '0000-00-00')
            repo.updatePlanItem(db, target.existingId, target.item, at)
            recordChange(db, batch, { entity: 'plan_item', entityId: target.existingId, action: 'updated', before })
          }
        }
        recordAudit(db, ctx.now(), operator, {
          action: 'import',
          entity: 'import_batch',
          entityId: batch,
          summary: `导入 ${year} 年度活动清单 ${files.length} 个文件：新增 ${summary.totals.created} 项，更新 ${summary.totals.updated} 项`,
        })
        return { batch, summary }
      })()
    },
    undo: (ctx, batch, operator) =>
      undoRecordsBatch(ctx, batch, operator, {
        plan_item: (db, id, before) => repo.updatePlanItem(db, id, before as Item, ctx.now().toISOString()),
        activity: () => {},
        participation: () => {},
      }),
  }
}
