import { ROSTER_FORM } from './roster'
import type { FormDefinition } from './types'

/** Every form the app reads and writes; 表2 and 表3 join this list with issue 4. */
export const FORMS: Record<string, FormDefinition> = {
  roster: ROSTER_FORM,
}

export function formByKey(key: string): FormDefinition | undefined {
  return FORMS[key]
}

export * from './types'
export { ROSTER_FORM }
