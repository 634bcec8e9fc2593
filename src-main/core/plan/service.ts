// Checklist use cases: validate with the shared rules, write in one transaction, audit.
import type { CoreContext } from '../context'
import { recordAudit } from '../audit/audit'
import { CoreError } from '../errors'
import { listTasks } from '../reference/repository'
import { operatorOf } from '../settings/settings'
import { parsePlannedTime } from './plannedTime'
import * as repo from './repository'
import { validatePlanItem, type PlanIssue, type PlanItemInput } from './rules'

export function savePlanItem(
  ctx: CoreContext,
  input: { id?: number; year: number; fields: PlanItemInput },
): { id: number; warnings: PlanIssue[] } {
  const { db } = ctx
  return db.transaction(() => {
    const { record, issues } = validatePlanItem(input.fields, {
      year: input.year,
      tasks: listTasks(db),
      seq: repo.nextSeq(db, input.year),
    })
    if (!record) {
      throw new CoreError(
        'VALIDATION',
        issues
          .filter((issue) => issue.level === 'error')
          .map((issue) => issue.message)
          .join('；'),
        { issues },
      )
    }
    const clash = repo.findPlanItemBySeq(db, record.year, record.seq)
    if (clash && clash.id !== input.id) {
      throw new CoreError(
        'CONFLICT',
        `${record.year} 年度清单已有序号 ${record.seq} 的项目“${clash.name}”，请换一个序号。`,
      )
    }
    const at = ctx.now().toISOString()
    const id = input.id ?? repo.insertPlanItem(db, record, at)
    if (input.id !== undefined) repo.updatePlanItem(db, input.id, record, at)
    recordAudit(db, ctx.now(), operatorOf(db), {
      action: input.id === undefined ? 'create' : 'update',
      entity: 'plan_item',
      entityId: id,
      summary: `${input.id === undefined ? '新增' : '修改'}清单项目 ${record.year}-${record.seq} ${record.name}`,
    })
    return { id, warnings: issues.filter((issue) => issue.level === 'warning') }
  })()
}

export function removePlanItem(ctx: CoreContext, id: number): void {
  const { db } = ctx
  db.transaction(() => {
    const item = db.prepare('SELECT year, seq, name FROM plan_items WHERE id = ?').get(id) as
      { year: number; seq: number; name: string } | undefined
    if (!item) throw new CoreError('NOT_FOUND', `找不到编号为 ${id} 的清单项目。`)
    repo.deletePlanItem(db, id)
    recordAudit(db, ctx.now(), operatorOf(db), {
      action: 'delete',
      entity: 'plan_item',
      entityId: id,
      summary: `删除清单项目 ${item.year}-${item.seq} ${item.name}`,
    })
  })()
}

/** Month names in a planned time move with the year: 2026年3月 becomes 2027年3月. */
function shiftYearText(text: string, from: number, to: number): string {
  return text.replaceAll(String(from), String(to))
}

/** Copies a year's checklist to another year; items already there (by 序号) are left alone. */
export function copyPlan(ctx: CoreContext, from: number, to: number): { copied: number; skipped: number } {
  const { db } = ctx
  if (from === to) throw new CoreError('VALIDATION', '源年度和目标年度相同。')
  return db.transaction(() => {
    const items = repo.listPlanItems(db, { year: from }, '0000-00-00')
    const at = ctx.now().toISOString()
    let copied = 0
    for (const item of items) {
      if (repo.findPlanItemBySeq(db, to, item.seq)) continue
      const plannedText = shiftYearText(item.plannedText, from, to)
      const period = plannedText ? parsePlannedTime(plannedText, to) : null
      repo.insertPlanItem(
        db,
        { ...item, year: to, plannedText, plannedStart: period?.start ?? null, plannedEnd: period?.end ?? null },
        at,
      )
      copied++
    }
    recordAudit(db, ctx.now(), operatorOf(db), {
      action: 'copy',
      entity: 'plan',
      summary: `将 ${from} 年度清单复制到 ${to} 年度：${copied} 项`,
    })
    return { copied, skipped: items.length - copied }
  })()
}
