import type { Person } from '../domain'
import { maskPersonField } from '../domain/mask'

export type PersonKey = keyof Person

export interface FieldChange {
  field: PersonKey
  before: string | null
  after: string | null
}

const KEYS: PersonKey[] = [
  'name',
  'gender',
  'ethnic',
  'birth',
  'political',
  'idNumber',
  'education',
  'unit',
  'post',
  'countyCode',
  'phone',
  'category',
  'speciality',
  'team',
  'note',
  'volunteerNo',
  'guardianName',
  'guardianConsentOn',
]

/**
 * Combines an existing volunteer with incoming data. In 'keep' mode (imports, the CLI) an empty
 * incoming value never erases what is stored; in 'replace' mode (the edit form) the form is the
 * whole truth, so clearing a field clears it.
 */
export function mergePerson(existing: Person, incoming: Person, mode: 'keep' | 'replace'): Person {
  if (mode === 'replace') return { ...incoming }
  const merged = { ...existing }
  for (const key of KEYS) {
    const value = incoming[key]
    if (value !== null && value !== '') (merged as Record<PersonKey, unknown>)[key] = value
  }
  return merged
}

export function diffPerson(before: Person, after: Person): FieldChange[] {
  return KEYS.filter((key) => (before[key] ?? null) !== (after[key] ?? null)).map((key) => ({
    field: key,
    before: before[key] ?? null,
    after: after[key] ?? null,
  }))
}

/** Personal numbers never leave the core unmasked in a change list (an import preview, a save's answer). */
export function maskedChanges(changes: FieldChange[]): FieldChange[] {
  return changes.map((change) => ({
    ...change,
    before: maskPersonField(change.field, change.before),
    after: maskPersonField(change.field, change.after),
  }))
}
