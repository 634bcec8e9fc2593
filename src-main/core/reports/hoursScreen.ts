// 表4 as the 统计 screen, the export and the print take it: the rows of hours.ts narrowed to one star
// level (星级, from cumulative hours, as the roster marks it), and the screen's sort. The export and
// the print keep the form's order (most hours first); only the screen sorts by another column.
import type { Database } from 'better-sqlite3'
import { standingsOf } from '../activities/stars'
import type { ReportFilters } from './filters'
import { hoursRows, type HoursRow } from './hours'
import type { Period } from './period'

export const HOURS_SORTS = ['hours', 'activities', 'name', 'unit', 'county'] as const
export type HoursSort = (typeof HOURS_SORTS)[number]
export type SortOrder = 'asc' | 'desc'

/** 表4's rows for the period and filters, the star-level filter included. */
export function servedHours(db: Database, period: Period, filters: ReportFilters): HoursRow[] {
  const rows = hoursRows(db, period, filters)
  if (!filters.starLevel) return rows
  const standings = standingsOf(
    db,
    rows.map((row) => row.volunteerId),
  )
  return rows.filter((row) => standings[row.volunteerId]?.level === filters.starLevel)
}

const pinyin = new Intl.Collator('zh-Hans-CN-u-co-pinyin')

function compare(sort: HoursSort, a: HoursRow, b: HoursRow): number {
  switch (sort) {
    case 'hours':
      return a.hours - b.hours
    case 'activities':
      return a.activities - b.activities
    case 'name':
      return pinyin.compare(a.name, b.name)
    case 'unit':
      return pinyin.compare(a.unit ?? '', b.unit ?? '')
    case 'county':
      return pinyin.compare(a.county ?? '', b.county ?? '')
  }
}

/** A new array in the asked order; ties keep 表4's order (most hours first, then by name). */
export function sortHoursRows(rows: readonly HoursRow[], sort: HoursSort, order: SortOrder): HoursRow[] {
  const sign = order === 'asc' ? 1 : -1
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * compare(sort, a.row, b.row) || a.index - b.index)
    .map(({ row }) => row)
}
