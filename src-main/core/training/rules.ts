// The one validation of a training (培训) and an award (表彰) (办法 Art. 8–9), shared by the screen,
// the CLI and the 培训记录 / 表彰记录 imports. Issues name the field in the bureau's words.
import { normalizeFreeText, normalizeText } from '../domain'
import { parseDay } from '../domain/day'
import { AWARD_LEVELS } from '../forms/training'

export { AWARD_LEVELS }

export const MAX_TRAINING_HOURS = 200
export type AwardLevel = (typeof AWARD_LEVELS)[number]

export type TrainingField = 'name' | 'content' | 'hours' | 'organizer' | 'startedOn' | 'endedOn' | 'note'
export type AwardField = 'name' | 'awardedOn' | 'grantedBy' | 'level' | 'note'

export const TRAINING_FIELD_LABELS: Record<TrainingField, string> = {
  name: '培训名称',
  content: '培训内容',
  hours: '学时',
  organizer: '组织单位',
  startedOn: '培训日期',
  endedOn: '结束日期',
  note: '备注',
}

export const AWARD_FIELD_LABELS: Record<AwardField, string> = {
  name: '表彰名称',
  awardedOn: '表彰日期',
  grantedBy: '授予单位',
  level: '表彰级别',
  note: '备注',
}

export interface FieldIssue<Field extends string> {
  field: Field
  level: 'error' | 'warning'
  message: string
}

export interface TrainingRecord {
  name: string
  content: string | null
  hours: number
  organizer: string | null
  startedOn: string
  endedOn: string | null
  note: string | null
}

export interface AwardRecord {
  name: string
  awardedOn: string
  grantedBy: string
  level: AwardLevel | null
  note: string | null
}

export interface RuleOptions {
  /** Today (YYYY-MM-DD) from the core's clock: a training or award cannot be recorded ahead of time. */
  today: string
}

type Checked<Record, Field extends string> = { record: Record | null; issues: FieldIssue<Field>[] }

function textField<Field extends string>(
  raw: unknown,
  field: Field,
  label: string,
  max: number,
  issues: FieldIssue<Field>[],
  options: { required?: boolean; multiline?: boolean } = {},
): string | null {
  const value = normalizeFreeText(raw, { multiline: options.multiline })
  if (!value) {
    if (options.required) issues.push({ field, level: 'error', message: `${label}必填。` })
    return null
  }
  if (value.length > max) {
    issues.push({ field, level: 'error', message: `${label}不能超过 ${max} 个字，现为 ${value.length} 个字。` })
    return null
  }
  return value
}

function dayField<Field extends string>(
  raw: unknown,
  field: Field,
  label: string,
  today: string,
  issues: FieldIssue<Field>[],
  required: boolean,
): string | null {
  const text = normalizeText(raw)
  if (!text && !(raw instanceof Date)) {
    if (required) issues.push({ field, level: 'error', message: `${label}必填，请写成如 2026-05-10。` })
    return null
  }
  const day = parseDay(raw)
  if (!day) {
    issues.push({ field, level: 'error', message: `${label}“${text}”无法识别，请写成如 2026-05-10。` })
    return null
  }
  if (day > today) {
    issues.push({ field, level: 'error', message: `${label} ${day} 晚于今天（${today}）：请登记已经举行的。` })
    return null
  }
  return day
}

/** 学时: more than 0, at most 200, at most one decimal (1.5 学时). */
export function checkTrainingHours(raw: unknown): { ok: true; hours: number } | { ok: false; message: string } {
  const text = normalizeText(raw).replace(/(学时|小时|课时)$/, '')
  if (!text) return { ok: false, message: '学时必填，请填写培训的学时数，如 3 或 1.5。' }
  const hours = Number(text)
  if (!Number.isFinite(hours)) return { ok: false, message: `学时“${text}”不是数字，请填写如 3 或 1.5。` }
  if (hours <= 0) return { ok: false, message: `学时“${text}”必须大于 0。` }
  if (hours > MAX_TRAINING_HOURS)
    return { ok: false, message: `学时“${text}”超过 ${MAX_TRAINING_HOURS} 学时，请核对。` }
  if (Math.round(hours * 10) !== hours * 10) return { ok: false, message: `学时“${text}”最多保留一位小数，如 1.5。` }
  return { ok: true, hours }
}

export function validateTraining(
  raw: Partial<Record<TrainingField, unknown>>,
  options: RuleOptions,
): Checked<TrainingRecord, TrainingField> {
  const issues: FieldIssue<TrainingField>[] = []
  const label = TRAINING_FIELD_LABELS
  const name = textField(raw.name, 'name', label.name, 100, issues, { required: true })
  const content = textField(raw.content, 'content', label.content, 2000, issues, { multiline: true })
  const hours = checkTrainingHours(raw.hours)
  if (!hours.ok) issues.push({ field: 'hours', level: 'error', message: hours.message })
  const organizer = textField(raw.organizer, 'organizer', label.organizer, 100, issues)
  const startedOn = dayField(raw.startedOn, 'startedOn', label.startedOn, options.today, issues, true)
  const endedOn = dayField(raw.endedOn, 'endedOn', label.endedOn, options.today, issues, false)
  if (startedOn && endedOn && endedOn < startedOn)
    issues.push({
      field: 'endedOn',
      level: 'error',
      message: `结束日期 ${endedOn} 早于培训日期 ${startedOn}：请核对。`,
    })
  const note = textField(raw.note, 'note', label.note, 500, issues)
  if (issues.some((issue) => issue.level === 'error') || !name || !hours.ok || !startedOn)
    return { record: null, issues }
  return {
    record: {
      name,
      content,
      hours: hours.hours,
      organizer,
      startedOn,
      endedOn: endedOn === startedOn ? null : endedOn,
      note,
    },
    issues,
  }
}

export function validateAward(
  raw: Partial<Record<AwardField, unknown>>,
  options: RuleOptions,
): Checked<AwardRecord, AwardField> {
  const issues: FieldIssue<AwardField>[] = []
  const label = AWARD_FIELD_LABELS
  const name = textField(raw.name, 'name', label.name, 100, issues, { required: true })
  const awardedOn = dayField(raw.awardedOn, 'awardedOn', label.awardedOn, options.today, issues, true)
  const grantedBy = textField(raw.grantedBy, 'grantedBy', label.grantedBy, 100, issues, { required: true })
  const levelText = normalizeText(raw.level).replace(/\s+/g, '')
  // “省” or “省级”, “州” or “州级”: the level word may be left off.
  const level = levelText
    ? ((AWARD_LEVELS.find((entry) => entry === levelText || entry === `${levelText}级`) ?? null) as AwardLevel | null)
    : null
  if (levelText && !level)
    issues.push({
      field: 'level',
      level: 'error',
      message: `表彰级别“${levelText}”不在可选范围内：${AWARD_LEVELS.join('、')}（可不填）。`,
    })
  const note = textField(raw.note, 'note', label.note, 500, issues)
  if (issues.some((issue) => issue.level === 'error') || !name || !awardedOn || !grantedBy)
    return { record: null, issues }
  return { record: { name, awardedOn, grantedBy, level, note }, issues }
}
