// The forms the import screen offers. Column names come from the form declarations (data only).
import { ACTIVITIES_FORM } from '../../../../src-main/core/forms/activities'
import { PLAN_FORM } from '../../../../src-main/core/forms/plan'
import { ROSTER_FORM } from '../../../../src-main/core/forms/roster'
import { AWARDS_FORM, TRAINING_FORM } from '../../../../src-main/core/forms/training'
import type { FormColumn, FormDefinition } from '../../../../src-main/core/forms/types'

export interface ImportForm {
  key: 'roster' | 'plan' | 'activities' | 'training' | 'awards'
  label: string
  definition: FormDefinition
  /** 表2's rows do not carry their year: the clerk picks it. */
  needsYear: boolean
}

export const IMPORT_FORMS: readonly ImportForm[] = [
  { key: 'roster', label: '表1 志愿者花名册', definition: ROSTER_FORM, needsYear: false },
  { key: 'plan', label: '表2 志愿服务活动清单', definition: PLAN_FORM, needsYear: true },
  {
    key: 'activities',
    label: '表3 活动开展情况登记表（活动登记 + 参与名单）',
    definition: ACTIVITIES_FORM,
    needsYear: false,
  },
  { key: 'training', label: '培训记录（每人每次培训一行）', definition: TRAINING_FORM, needsYear: false },
  { key: 'awards', label: '表彰记录（每人每项表彰一行）', definition: AWARDS_FORM, needsYear: false },
]

export function importForm(key: string): ImportForm {
  return IMPORT_FORMS.find((form) => form.key === key) ?? IMPORT_FORMS[0]!
}

/** The columns a clerk can map by hand for one sheet (序号 and export-only columns are never read). */
export function mappableColumns(key: string, sheetName?: string): FormColumn[] {
  const sheets = importForm(key).definition.sheets
  const sheet = sheets.find((candidate) => candidate.name === sheetName) ?? sheets[0]
  return (sheet?.columns ?? []).filter((column) => column.kind !== 'sequence' && !column.exportOnly)
}

/** Every column name of the form, for the issues filter. */
export function formColumnNames(key: string): string[] {
  return [...new Set(importForm(key).definition.sheets.flatMap((sheet) => sheet.columns.map((column) => column.name)))]
}

export const FORM_NAMES: Record<string, string> = {
  roster: '表1 花名册',
  plan: '表2 活动清单',
  activities: '表3 活动登记',
  training: '培训记录',
  awards: '表彰记录',
}

/** What a file's import did, in the order every file table shows the counts (preview, result, history). */
export const FILE_COUNTS = [
  ['rows', '行数'],
  ['created', '新增'],
  ['updated', '更新'],
  ['unchanged', '无变化'],
  ['rejected', '拒绝'],
  ['warnings', '警告'],
] as const
