// A report's period as the screens hold it: a year, or a range of days that takes its place.
export type DayRange = [string, string] | null

/** The period as the core's report operations take it (year, or from/to). */
export function periodInput(year: number, range: DayRange): { year?: number; from?: string; to?: string } {
  return range ? { from: range[0], to: range[1] } : { year }
}
