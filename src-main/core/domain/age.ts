// Age in whole years from the ID number's birth date at a given day (the activity's date for a
// participant, today for the roster). Minors: the student volunteer rules start at 10, and PIPL
// Art. 28/31 treat the data of a child under 14 as sensitive (guardian's consent).
import type { IdBirthDate } from './idNumber'

export const MIN_PARTICIPANT_AGE = 10
export const GUARDIAN_AGE = 14

/** Whole years completed on `day` (YYYY-MM-DD): a birthday counts from that day on. */
export function ageOn(birth: IdBirthDate, day: string): number {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  const hadBirthday = month > birth.month || (month === birth.month && date >= birth.day)
  return year - birth.year - (hadBirthday ? 0 : 1)
}

/** The birth date in an 18-digit ID number, or null when the number does not carry one. */
export function birthInId(idNumber: string): IdBirthDate | null {
  const match = /^\d{6}(\d{4})(\d{2})(\d{2})\d{3}[\dX]$/.exec(idNumber)
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null
}

/** The age on `day` of the person holding `idNumber`, or null when the ID carries no birth date. */
export function ageFromId(idNumber: string, day: string): number | null {
  const birth = birthInId(idNumber)
  return birth ? ageOn(birth, day) : null
}
