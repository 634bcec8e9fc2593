// Personal numbers in outputs (FORMS.md, DOMAIN.md, PIPL): every export and print writes ID and
// phone numbers masked unless the clerk chose full numbers for that one output; every output,
// masked or not, is written to the audit history by export/outputs.ts.
import { maskIdNumber, maskPhone } from '../domain'

export interface PersonalNumbers {
  fullNumbers: boolean
  id: (value: string | null | undefined) => string | null
  phone: (value: string | null | undefined) => string | null
}

const keep = (value: string | null | undefined): string | null => value ?? null

/** How one output writes ID and phone numbers: masked unless `fullNumbers`. */
export function personalNumbers(fullNumbers: boolean): PersonalNumbers {
  return fullNumbers
    ? { fullNumbers, id: keep, phone: keep }
    : {
        fullNumbers,
        id: (value) => (value ? maskIdNumber(value) : null),
        phone: (value) => (value ? maskPhone(value) : null),
      }
}

export type OutputKind = 'export' | 'print'
