// 表4 as the 统计 screen sorts it: by any column, either way, ties keeping 表4's order (most hours
// first, then by name). The export and the print keep 表4's order; only the screen sorts otherwise.
// The order is made over the typed arrays of hours.ts as one numeric sort, never over row objects,
// so a sorted page of 20,000 volunteers costs what 表4's own order costs.
import type { VolunteerEntry } from './participationIndex'

export const HOURS_SORTS = ['hours', 'activities', 'name', 'unit', 'county'] as const
export type HoursSort = (typeof HOURS_SORTS)[number]
export type SortOrder = 'asc' | 'desc'

/** What the sort reads: the rows (volunteer ids in 表4's order) and their figures by volunteer id. */
export interface SortSource {
  order: Int32Array
  activities: Int32Array
  hours: Float64Array
  volunteers: readonly (VolunteerEntry | undefined)[]
  counties: ReadonlyMap<string, string>
}

const pinyin = new Intl.Collator('zh-Hans-CN-u-co-pinyin')

/** Each value's place in pinyin order; values the collator holds equal share a place. */
function pinyinRanks(values: Iterable<string>): Map<string, number> {
  const sorted = [...new Set(values)].sort(pinyin.compare)
  const ranks = new Map<string, number>()
  let rank = 0
  sorted.forEach((value, index) => {
    if (index > 0 && pinyin.compare(sorted[index - 1]!, value) !== 0) rank++
    ranks.set(value, rank)
  })
  return ranks
}

/** Name and unit places of the whole roster, kept with the roster they came from. */
const rosterRanks = new WeakMap<object, { names: Map<string, number>; units: Map<string, number> }>()

function ranksOf(volunteers: SortSource['volunteers']) {
  let found = rosterRanks.get(volunteers)
  if (!found) {
    const present = volunteers.filter((volunteer): volunteer is VolunteerEntry => volunteer !== undefined)
    found = {
      names: pinyinRanks(present.map((volunteer) => volunteer.name)),
      units: pinyinRanks(['', ...present.map((volunteer) => volunteer.unit ?? '')]),
    }
    rosterRanks.set(volunteers, found)
  }
  return found
}

/** The sorted column's value of a volunteer as a whole number (hundredths of an hour, a place). */
function columnOf(source: SortSource, sort: HoursSort): (volunteerId: number) => number {
  const volunteer = (id: number) => source.volunteers[id]!
  switch (sort) {
    case 'hours':
      return (id) => Math.round(source.hours[id]! * 100)
    case 'activities':
      return (id) => source.activities[id]!
    case 'name': {
      const { names } = ranksOf(source.volunteers)
      return (id) => names.get(volunteer(id).name)!
    }
    case 'unit': {
      const { units } = ranksOf(source.volunteers)
      return (id) => units.get(volunteer(id).unit ?? '')!
    }
    case 'county': {
      const countyName = (id: number) => {
        const code = volunteer(id).countyCode
        return code === null ? '' : (source.counties.get(code) ?? '')
      }
      const places = pinyinRanks(['', ...source.counties.values()])
      return (id) => places.get(countyName(id))!
    }
  }
}

/**
 * Volunteer ids in the asked order. Each row's key is its column value (turned round for descending)
 * times the row count plus its place in 表4's order, so one numeric sort gives a stable sort.
 */
export function screenOrder(source: SortSource, sort: HoursSort, order: SortOrder): Int32Array {
  const { order: rows } = source
  if (sort === 'hours' && order === 'desc') return rows
  const value = columnOf(source, sort)
  const values = Float64Array.from(rows, (id) => value(id))
  const highest = values.reduce((most, next) => Math.max(most, next), 0)
  const size = rows.length
  const keys = new Float64Array(size)
  for (let place = 0; place < size; place++) {
    const column = order === 'asc' ? values[place]! : highest - values[place]!
    keys[place] = column * size + place
  }
  keys.sort()
  return Int32Array.from(keys, (key) => rows[key % size]!)
}
