// The one validation of an activity held (表3 活动登记) and of a participation (参与名单), shared by
// the form, the CLI and the importer.
import {
  ageFromId,
  findCounty,
  MIN_PARTICIPANT_AGE,
  normalizeFreeText,
  normalizeText,
  readDepartments,
} from '../domain'
import { findTask, type TaskRef } from '../plan/rules'
import { parseDay } from './day'
import { daysCovered } from './workingDays'

export type ActivityField =
  | 'name'
  | 'task'
  | 'heldOn'
  | 'place'
  | 'organizer'
  | 'departments'
  | 'planSeq'
  | 'participantsCount'
  | 'defaultHours'
  | 'targetGroup'
  | 'beneficiaries'
  | 'summary'
  | 'highlight'
  | 'note'
  | 'county'
  | 'team'
  | 'highlightText'
  | 'endedOn'
  | 'leader'
  | 'concentrated'
  | 'lateReason'

export const ACTIVITY_FIELD_LABELS: Record<ActivityField, string> = {
  name: '活动名称',
  task: '活动类别',
  heldOn: '开展日期',
  place: '开展地点',
  organizer: '组织单位',
  departments: '责任科室',
  planSeq: '清单序号',
  participantsCount: '参与志愿者人数',
  defaultHours: '服务时长（小时）',
  targetGroup: '服务对象',
  beneficiaries: '受益人数',
  summary: '活动简介',
  highlight: '是否亮点',
  note: '备注',
  county: '所在县市',
  team: '服务队',
  highlightText: '亮点做法',
  endedOn: '结束日期',
  leader: '活动负责人',
  concentrated: '是否集中服务',
  lateReason: '补录原因',
}

export interface ActivityIssue {
  field: ActivityField
  level: 'error' | 'warning'
  message: string
}

export type ActivityInput = Partial<Record<ActivityField, unknown>>

export interface ActivityRecord {
  name: string
  taskCode: number | null
  heldOn: string
  /** The last day of an activity over several days; null for a one-day activity. */
  endedOn: string | null
  leader: string | null
  /** 是否集中服务 as given; null when not said (the service applies the default). */
  concentrated: boolean | null
  lateReason: string | null
  countyCode: string | null
  place: string | null
  organizer: string | null
  team: string | null
  departments: string[]
  /** 清单序号 as given; the service resolves it to an item of the same year. */
  planSeq: number | null
  declaredParticipants: number | null
  defaultHours: number | null
  targetGroup: string | null
  beneficiaries: number
  summary: string | null
  highlight: boolean
  highlightText: string | null
  note: string | null
}

export const MAX_HOURS_PER_DAY = 24
/** An activity over several days is a trip or a week of teaching, not a season. */
export const MAX_ACTIVITY_DAYS = 92

/**
 * Hours a volunteer served in one activity: more than 0, at most 24 for each day it covered, in
 * steps a clerk would write.
 */
export function checkHours(
  raw: unknown,
  days = 1,
): { ok: true; hours: number | null } | { ok: false; message: string } {
  const text = normalizeText(raw)
  if (!text) return { ok: true, hours: null }
  const hours = Number(text.replace(/小时|h$/i, ''))
  if (!Number.isFinite(hours)) return { ok: false, message: `服务时长“${text}”不是数字，请填写小时数，如 2 或 1.5。` }
  if (hours <= 0) return { ok: false, message: `服务时长“${text}”必须大于 0 小时。` }
  if (hours > MAX_HOURS_PER_DAY * days) {
    return {
      ok: false,
      message:
        days === 1
          ? `服务时长“${text}”超过一天 ${MAX_HOURS_PER_DAY} 小时，请核对。`
          : `服务时长“${text}”超过活动 ${days} 天每天 ${MAX_HOURS_PER_DAY} 小时（共 ${MAX_HOURS_PER_DAY * days} 小时），请核对。`,
    }
  }
  return { ok: true, hours: Math.round(hours * 100) / 100 }
}

function wholeNumber(raw: unknown, field: ActivityField, issues: ActivityIssue[]): number | null {
  const text = normalizeText(raw).replace(/[人名次]$/, '')
  if (!text) return null
  if (!/^\d{1,7}$/.test(text)) {
    issues.push({ field, level: 'error', message: `${ACTIVITY_FIELD_LABELS[field]}“${text}”应为不小于 0 的整数。` })
    return null
  }
  return Number(text)
}

function text(raw: unknown, field: ActivityField, issues: ActivityIssue[], limit = 500): string | null {
  const value = normalizeFreeText(raw, { multiline: limit > 500 })
  if (value.length > limit)
    issues.push({ field, level: 'error', message: `${ACTIVITY_FIELD_LABELS[field]}超过 ${limit} 个字，请精简。` })
  return value || null
}

/** 是/否 in the ways clerks write it; null when empty or unreadable (with a warning). */
function readYesNo(raw: unknown, field: ActivityField, issues: ActivityIssue[], fallback: string): boolean | null {
  if (typeof raw === 'boolean') return raw
  const value = normalizeText(raw)
  if (!value) return null
  if (['否', '不是', 'N', 'n', 'no', '0', 'false', '×'].includes(value)) return false
  if (['是', 'Y', 'y', 'yes', '1', 'true', '√'].includes(value)) return true
  issues.push({
    field,
    level: 'warning',
    message: `${ACTIVITY_FIELD_LABELS[field]}“${value}”请填写“是”或“否”，已按${fallback}处理。`,
  })
  return null
}

function readEndedOn(raw: unknown, heldOn: string | null, today: string, issues: ActivityIssue[]): string | null {
  const text = normalizeText(raw)
  if (!text) return null
  const endedOn = parseDay(raw)
  const refuse = (message: string) => (issues.push({ field: 'endedOn', level: 'error', message }), null)
  if (!endedOn) return refuse(`结束日期“${text}”无法识别，请写成如 2026-03-07；一天内结束的活动不填。`)
  if (!heldOn) return null
  if (endedOn < heldOn) return refuse(`结束日期 ${endedOn} 早于开展日期 ${heldOn}，请核对（开展日期是活动的第一天）。`)
  if (endedOn > today) return refuse(`结束日期 ${endedOn} 晚于今天，只能登记已结束的活动。`)
  if (daysCovered(heldOn, endedOn) > MAX_ACTIVITY_DAYS)
    return refuse(`活动从 ${heldOn} 到 ${endedOn} 超过 ${MAX_ACTIVITY_DAYS} 天，请按每次集中开展分别登记。`)
  return endedOn === heldOn ? null : endedOn
}

export interface ValidateOptions {
  tasks: readonly TaskRef[]
  today: string
  /** The form asks for 活动负责人 on a new activity; imports of older returns may lack the column. */
  requireLeader?: boolean
}

export function validateActivity(
  raw: ActivityInput,
  options: ValidateOptions,
): { record: ActivityRecord | null; issues: ActivityIssue[] } {
  const issues: ActivityIssue[] = []
  const name = normalizeFreeText(raw.name)
  if (!name) issues.push({ field: 'name', level: 'error', message: '活动名称必填，请填写。' })
  else if (name.length > 100) issues.push({ field: 'name', level: 'error', message: '活动名称超过 100 个字，请精简。' })

  const heldOn = parseDay(raw.heldOn)
  const heldText = normalizeText(raw.heldOn)
  if (!heldOn) {
    issues.push({
      field: 'heldOn',
      level: 'error',
      message: heldText
        ? `开展日期“${heldText}”无法识别，请写成如 2026-03-05 或 2026年3月5日。`
        : '开展日期必填，请填写。',
    })
  } else if (heldOn > options.today) {
    issues.push({ field: 'heldOn', level: 'error', message: `开展日期 ${heldOn} 晚于今天，只能登记已开展的活动。` })
  }

  const taskText = normalizeText(raw.task)
  const task = taskText ? findTask(options.tasks, taskText) : null
  if (taskText && !task) {
    issues.push({
      field: 'task',
      level: 'error',
      message: `活动类别“${taskText}”不是五类任务之一，请填写：${options.tasks.map((t) => t.name).join('、')}。`,
    })
  }

  const countyText = normalizeText(raw.county)
  const county = countyText ? findCounty(countyText) : null
  if (countyText && !county)
    issues.push({ field: 'county', level: 'warning', message: `所在县市“${countyText}”不是临夏州的县市，已留空。` })

  const split = readDepartments(raw.departments)
  if (split.problem) issues.push({ field: 'departments', level: 'error', message: split.problem })

  const endedOn = readEndedOn(raw.endedOn, heldOn, options.today, issues)
  const hours = checkHours(raw.defaultHours, heldOn ? daysCovered(heldOn, endedOn) : 1)
  const leader = text(raw.leader, 'leader', issues, 50)
  if (!leader && options.requireLeader)
    issues.push({ field: 'leader', level: 'error', message: '活动负责人必填，请填写负责本次活动的人员姓名。' })
  if (!hours.ok) issues.push({ field: 'defaultHours', level: 'error', message: hours.message })

  const planSeq = wholeNumber(raw.planSeq, 'planSeq', issues)
  const record: ActivityRecord = {
    name,
    taskCode: task?.code ?? null,
    heldOn: heldOn ?? '',
    endedOn,
    leader,
    concentrated: readYesNo(raw.concentrated, 'concentrated', issues, '默认（本队活动为“是”）'),
    lateReason: text(raw.lateReason, 'lateReason', issues),
    countyCode: county?.code ?? null,
    place: text(raw.place, 'place', issues),
    organizer: text(raw.organizer, 'organizer', issues),
    team: text(raw.team, 'team', issues, 100),
    departments: split.names,
    planSeq,
    declaredParticipants: wholeNumber(raw.participantsCount, 'participantsCount', issues),
    defaultHours: hours.ok ? hours.hours : null,
    targetGroup: text(raw.targetGroup, 'targetGroup', issues),
    beneficiaries: wholeNumber(raw.beneficiaries, 'beneficiaries', issues) ?? 0,
    summary: text(raw.summary, 'summary', issues, 2000),
    highlight: readYesNo(raw.highlight, 'highlight', issues, '“否”') ?? false,
    highlightText: text(raw.highlightText, 'highlightText', issues, 2000),
    note: text(raw.note, 'note', issues, 1000),
  }
  return { record: issues.some((issue) => issue.level === 'error') ? null : record, issues }
}

/**
 * The student volunteer rules start at 10: a participant younger on the activity's first day is
 * refused unless the clerk confirms with a reason. Null when old enough (or the ID has no birth date).
 */
export function tooYoungMessage(name: string, idNumber: string, heldOn: string): string | null {
  const age = ageFromId(idNumber, heldOn)
  if (age === null || age >= MIN_PARTICIPANT_AGE) return null
  return `志愿者“${name}”在活动开展日期 ${heldOn} 时未满 ${MIN_PARTICIPANT_AGE} 周岁（${age} 岁），学生志愿服务从 10 周岁起：确需登记的，请在“未满10周岁确认原因”中写明原因`
}
