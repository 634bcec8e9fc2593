import { ACTIVITIES_FORM } from './activities'
import { PLAN_FORM } from './plan'
import { ROSTER_FORM } from './roster'
import { AWARDS_FORM, TRAINING_FORM } from './training'
import type { FormDefinition } from './types'

/** Every form the app reads and writes. */
export const FORMS: Record<string, FormDefinition> = {
  roster: ROSTER_FORM,
  plan: PLAN_FORM,
  activities: ACTIVITIES_FORM,
  training: TRAINING_FORM,
  awards: AWARDS_FORM,
}

export function formByKey(key: string): FormDefinition | undefined {
  return FORMS[key]
}

export * from './types'
export { ACTIVITIES_FORM, AWARDS_FORM, PLAN_FORM, ROSTER_FORM, TRAINING_FORM }
export { HOURS_FORM, MONTHLY_FORM, REPORT_FORMS, YEARLY_FORM, type ReportFormDefinition } from './reports'
