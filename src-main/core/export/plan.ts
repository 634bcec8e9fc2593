// 表2 志愿服务活动清单 export: one year's checklist in 序号 order, the year in the title.
//
// 完成情况 is derived at export time from the activities linked to each item (plan/repository.ts),
// never stored or typed, so the printed table always agrees with the activity records: 已开展 with
// the date of the first activity, 逾期未开展 from the day after the planned period, else 未开展.
// 联系电话 is the contact's work number printed in the bureau's own plan, so it is not masked.
import type { CoreContext } from '../context'
import { PLAN_FORM } from '../forms/plan'
import { localDay } from '../plan/plannedTime'
import { listPlanItems, type PlanItemView } from '../plan/repository'
import type { FieldValues } from './rows'
import { recordSheet, writeFormSheets, type ExportedWorkbook, type SheetToWrite } from './workbook'

/** 已开展 2026-03-05 / 未开展 / 逾期未开展, as the bureau's 完成情况 column reads. */
export function completionText(item: Pick<PlanItemView, 'state' | 'heldOn'>): string {
  return item.state === '已开展' && item.heldOn ? `已开展 ${item.heldOn}` : item.state
}

function planFields(item: PlanItemView): FieldValues {
  return {
    seq: item.seq,
    task: item.taskName,
    name: item.name,
    content: item.content,
    targetGroup: item.targetGroup,
    plannedText: item.plannedLabel,
    place: item.place,
    departments: item.departments.join('、'),
    contact: item.contact,
    phone: item.phone,
    status: completionText(item),
    note: item.note,
  }
}

export function planSheet(ctx: CoreContext, year: number): SheetToWrite {
  const sheet = PLAN_FORM.sheets[0]
  if (!sheet) throw new Error('表2 has no sheet declared')
  const items = listPlanItems(ctx.db, { year }, localDay(ctx.now()))
  return recordSheet(ctx, sheet, items.map(planFields), { year })
}

export function exportPlan(ctx: CoreContext, year: number): Promise<ExportedWorkbook> {
  return writeFormSheets(ctx, [planSheet(ctx, year)])
}
