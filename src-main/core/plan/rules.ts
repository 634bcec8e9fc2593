// The one validation of a checklist item (表2), shared by the form, the CLI and the importer.
import { checkPhone, normalizeFreeText, normalizeText, readDepartments } from '../domain'
import { parsePlannedTime } from './plannedTime'
import type { PlanItemRecord } from './repository'

export type PlanField =
  | 'seq'
  | 'task'
  | 'name'
  | 'content'
  | 'targetGroup'
  | 'plannedText'
  | 'place'
  | 'departments'
  | 'contact'
  | 'phone'
  | 'note'

export const PLAN_FIELD_LABELS: Record<PlanField, string> = {
  seq: '序号',
  task: '活动类别',
  name: '活动名称',
  content: '活动内容',
  targetGroup: '服务对象',
  plannedText: '计划时间',
  place: '活动地点',
  departments: '责任科室',
  contact: '联系人',
  phone: '联系电话',
  note: '备注',
}

export interface PlanIssue {
  field: PlanField
  level: 'error' | 'warning'
  message: string
}

export type PlanItemInput = Partial<Record<PlanField, unknown>>

export interface TaskRef {
  code: number
  name: string
}

function optional(value: unknown, field: PlanField, issues: PlanIssue[], limit = 500): string | null {
  const text = normalizeFreeText(value, { multiline: field === 'content' || field === 'note' })
  if (text.length > limit) {
    issues.push({ field, level: 'error', message: `${PLAN_FIELD_LABELS[field]}超过 ${limit} 个字，请精简。` })
  }
  return text || null
}

/** 活动类别: one of the five tasks, by name (教育宣讲), by code (1) or by name with its number (1.教育宣讲). */
export function findTask(tasks: readonly TaskRef[], raw: unknown): TaskRef | null {
  const text = normalizeText(raw)
  if (/^[1-5]$/.test(text)) return tasks.find((task) => task.code === Number(text)) ?? null
  const name = text.replace(/^[（(]?[1-5][)）.、．]\s*/, '')
  return tasks.find((task) => task.name === name) ?? null
}

export function validatePlanItem(
  raw: PlanItemInput,
  options: { year: number; tasks: readonly TaskRef[]; seq: number },
): { record: PlanItemRecord | null; issues: PlanIssue[] } {
  const issues: PlanIssue[] = []
  const name = normalizeFreeText(raw.name)
  if (!name) issues.push({ field: 'name', level: 'error', message: '活动名称必填，请填写。' })
  else if (name.length > 100) issues.push({ field: 'name', level: 'error', message: '活动名称超过 100 个字，请精简。' })

  const task = findTask(options.tasks, raw.task)
  if (!task) {
    const text = normalizeText(raw.task)
    issues.push({
      field: 'task',
      level: 'error',
      message: text
        ? `活动类别“${text}”不是五类任务之一，请填写：${options.tasks.map((t) => t.name).join('、')}。`
        : `活动类别必填，请填写：${options.tasks.map((t) => t.name).join('、')}。`,
    })
  }

  const plannedText = normalizeText(raw.plannedText)
  const period = plannedText ? parsePlannedTime(plannedText, options.year) : null
  if (plannedText && !period) {
    issues.push({
      field: 'plannedText',
      level: 'warning',
      message: `计划时间“${plannedText}”无法识别，将不判断是否逾期；可写成“${options.year}年3月”“${options.year}年3月—5月”或具体日期。`,
    })
  } else if (period && !period.start.startsWith(String(options.year)) && !period.end.startsWith(String(options.year))) {
    issues.push({
      field: 'plannedText',
      level: 'warning',
      message: `计划时间“${plannedText}”不在 ${options.year} 年度内，请核对。`,
    })
  }

  const split = readDepartments(raw.departments)
  if (split.problem) issues.push({ field: 'departments', level: 'error', message: split.problem })
  if (split.names.length === 0 && split.unknown.length === 0) {
    issues.push({ field: 'departments', level: 'warning', message: '未填写责任科室，该项目不会计入任何科室的统计。' })
  }

  let phone = optional(raw.phone, 'phone', issues, 50)
  if (phone) {
    const checked = checkPhone(phone)
    if (checked.ok) phone = checked.phone
    else issues.push({ field: 'phone', level: 'warning', message: checked.message })
  }

  const seqText = normalizeText(raw.seq)
  const seq = /^\d{1,4}$/.test(seqText) ? Number(seqText) : options.seq
  const record: PlanItemRecord = {
    year: options.year,
    seq,
    taskCode: task?.code ?? 0,
    name,
    content: optional(raw.content, 'content', issues, 2000),
    targetGroup: optional(raw.targetGroup, 'targetGroup', issues),
    plannedText,
    plannedStart: period?.start ?? null,
    plannedEnd: period?.end ?? null,
    place: optional(raw.place, 'place', issues),
    departments: split.names,
    contact: optional(raw.contact, 'contact', issues, 50),
    phone,
    note: optional(raw.note, 'note', issues, 1000),
  }
  return { record: issues.some((issue) => issue.level === 'error') ? null : record, issues }
}
