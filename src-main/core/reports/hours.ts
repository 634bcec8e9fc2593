// 表4 志愿服务时长统计表: for each volunteer who served in the period, the number of activities and
// the hours, counted from the participation records only ("who records, certifies"), most hours
// first. Activity filters (category, department, team) choose which activities count; county,
// unit, volunteer category and star level (星级, from cumulative hours, as the roster marks it)
// choose whose hours are listed. Volunteers in the recycle bin are left out. The screen, the export,
// the print and the dashboard's top volunteers all take their rows from here.
import type { Database } from 'better-sqlite3'
import { standing, starThresholds } from '../activities/stars'
import type { ReportFilters } from './filters'
import { screenOrder, type HoursSort, type SortOrder } from './hoursScreen'
import { participationIndex, periodRange, type ParticipationIndex } from './participationIndex'
import type { Period } from './period'

export interface HoursRow {
  volunteerId: number
  name: string
  gender: string
  unit: string | null
  county: string | null
  /** The full number: outputs pass it through personalNumbers() before writing it anywhere. */
  idNumber: string
  activities: number
  hours: number
}

export interface HoursTotals {
  volunteers: number
  activities: number
  hours: number
}

export const roundHours = (hours: number): number => Math.round(hours * 100) / 100

/** The ids of the department an activity filter names (names are unique; an unknown one matches nothing). */
function departmentIdsNamed(db: Database, name: string): Set<number> {
  return new Set(db.prepare('SELECT id FROM departments WHERE name = ?').pluck().all(name) as number[])
}

/** Room for 2^21 volunteers and 2^31 hundredths of an hour (21 million hours) within 2^53. */
const RANKS = 2 ** 21
const CENTS_CEILING = 2 ** 31

interface Served {
  /** Volunteer ids in 表4's order. */
  order: Int32Array
  activities: Int32Array
  /** Rounded to the hundredth, by volunteer id. */
  hours: Float64Array
  volunteers: ParticipationIndex['volunteers']
  /** The screen's other orders of the same rows, made when first asked. */
  sorted: Map<string, Int32Array>
}

/** County names by code, read at each call: the reference list can be edited. */
function countyNames(db: Database): Map<string, string> {
  const rows = db.prepare('SELECT code, name FROM counties').all() as { code: string; name: string }[]
  return new Map(rows.map((county) => [county.code, county.name]))
}

/**
 * The period's participations summed per volunteer over the in-memory index (participationIndex.ts),
 * then the roster's filters, most hours first, ties in pinyin order. Hours are compared rounded to
 * the hundredth, as they are shown, so two rows that read the same are ordered by name.
 */
function served(db: Database, period: Period, filters: ReportFilters): Served {
  const index = participationIndex(db)
  // The sums of a period and filter, kept with the index they came from (a page turn, the export).
  const [activityPart, volunteerPart] = index.parts
  const kept = servedCache.get(activityPart) ?? new Map<string, Served>()
  servedCache.set(activityPart, kept)
  const departments = filters.department ? departmentIdsNamed(db, filters.department) : null
  // The thresholds are settings, which the index does not watch: they are part of the key.
  const thresholds = filters.starLevel ? starThresholds(db) : null
  const key = JSON.stringify([
    volunteerPart.version,
    period.from,
    period.to,
    filters,
    departments && [...departments],
    thresholds,
  ])
  const found = kept.get(key)
  if (found && found.volunteers === index.volunteers) return found
  const levels = thresholds && starLevels(index, thresholds)
  const made = sumServed(index, period, filters, departments, levels)
  if (kept.size >= 16) kept.delete(kept.keys().next().value as string)
  kept.set(key, made)
  return made
}

const servedCache = new WeakMap<object, Map<string, Served>>()

/** Cumulative hours of every volunteer over all the index holds, kept with the index's activities. */
const cumulativeCache = new WeakMap<object, Float64Array>()

/** Each volunteer's star level (0 below 一星) by cumulative hours, as standingsOf() gives it. */
function starLevels(index: ParticipationIndex, thresholds: readonly number[]): Int8Array {
  const part = index.parts[0]
  let totals = cumulativeCache.get(part)
  if (!totals) {
    totals = new Float64Array(index.volunteers.length)
    for (const activity of index.activities) {
      for (let at = activity.start; at < activity.end; at++) totals[index.volunteerIds[at]!]! += index.hours[at]!
    }
    cumulativeCache.set(part, totals)
  }
  const levels = new Int8Array(totals.length)
  totals.forEach((hours, volunteerId) => (levels[volunteerId] = hours > 0 ? standing(hours, thresholds).level : 0))
  return levels
}

function sumServed(
  index: ParticipationIndex,
  period: Period,
  filters: ReportFilters,
  departments: Set<number> | null,
  levels: Int8Array | null,
): Served {
  const size = index.volunteers.length
  const activities = new Int32Array(size)
  const sums = new Float64Array(size)
  const [first, last] = periodRange(index.activities, period.from, period.to)
  for (let position = first; position < last; position++) {
    const activity = index.activities[position]!
    if (filters.taskCode !== undefined && activity.taskCode !== filters.taskCode) continue
    if (filters.team && activity.team !== filters.team) continue
    if (departments && !activity.departmentIds.some((id) => departments.has(id))) continue
    for (let at = activity.start; at < activity.end; at++) {
      const volunteerId = index.volunteerIds[at]!
      activities[volunteerId]!++
      sums[volunteerId]! += index.hours[at]!
    }
  }
  // Each row's order as one number, most hours first and then pinyin rank, so that a plain numeric
  // sort (several times faster than a sort with a comparator) gives 表4's order.
  const keys: number[] = []
  for (let volunteerId = 0; volunteerId < size; volunteerId++) {
    if (activities[volunteerId] === 0) continue
    const volunteer = index.volunteers[volunteerId]
    if (!volunteer || volunteer.deleted) continue
    if (filters.countyCode && volunteer.countyCode !== filters.countyCode) continue
    if (filters.unit && volunteer.unit !== filters.unit) continue
    if (filters.category && volunteer.category !== filters.category) continue
    if (levels && levels[volunteerId] !== filters.starLevel) continue
    sums[volunteerId] = roundHours(sums[volunteerId]!)
    keys.push((CENTS_CEILING - Math.round(sums[volunteerId]! * 100)) * RANKS + volunteer.rank)
  }
  const sorted = Float64Array.from(keys).sort()
  const order = Int32Array.from(sorted, (key) => index.idByRank[key % RANKS]!)
  return { order, activities, hours: sums, volunteers: index.volunteers, sorted: new Map() }
}

function rowOf(served: Served, counties: Map<string, string>, volunteerId: number): HoursRow {
  const volunteer = served.volunteers[volunteerId]!
  return {
    volunteerId,
    name: volunteer.name,
    gender: volunteer.gender,
    unit: volunteer.unit,
    county: volunteer.countyCode === null ? null : (counties.get(volunteer.countyCode) ?? null),
    idNumber: volunteer.idNumber,
    activities: served.activities[volunteerId]!,
    hours: served.hours[volunteerId]!,
  }
}

export function hoursRows(db: Database, period: Period, filters: ReportFilters): HoursRow[] {
  const found = served(db, period, filters)
  const counties = countyNames(db)
  return Array.from(found.order, (volunteerId) => rowOf(found, counties, volunteerId))
}

/** The rows in the screen's order: 表4's own (most hours first) unless another is asked. */
function orderOf(found: Served, counties: Map<string, string>, sort: HoursSort, order: SortOrder): Int32Array {
  const key = `${sort}:${order}`
  let sorted = found.sorted.get(key)
  if (!sorted) {
    sorted = screenOrder({ ...found, counties }, sort, order)
    // County names can be edited: an order by county is made again each time.
    if (sort !== 'county') found.sorted.set(key, sorted)
  }
  return sorted
}

/** One page of 表4 with the totals of all its rows: only the page's rows are made. */
export function hoursPage(
  db: Database,
  period: Period,
  filters: ReportFilters,
  offset: number,
  limit: number,
  sort: HoursSort = 'hours',
  order: SortOrder = 'desc',
): { totals: HoursTotals; total: number; rows: HoursRow[] } {
  const found = served(db, period, filters)
  const counties = countyNames(db)
  const rows = orderOf(found, counties, sort, order)
  let activities = 0
  let hours = 0
  for (const volunteerId of found.order) {
    activities += found.activities[volunteerId]!
    hours += found.hours[volunteerId]!
  }
  return {
    totals: { volunteers: found.order.length, activities, hours: roundHours(hours) },
    total: found.order.length,
    rows: Array.from(rows.subarray(offset, offset + limit), (volunteerId) => rowOf(found, counties, volunteerId)),
  }
}

export function hoursTotals(rows: readonly HoursRow[]): HoursTotals {
  return {
    volunteers: rows.length,
    activities: rows.reduce((sum, row) => sum + row.activities, 0),
    hours: roundHours(rows.reduce((sum, row) => sum + row.hours, 0)),
  }
}
