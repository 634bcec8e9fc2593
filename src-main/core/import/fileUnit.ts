// Which school a return speaks for: the unit its rows name most often — 工作单位 on 表1, 组织单位 on
// 活动登记 of 表3. Kept with the file in the import history, so the returns inbox (returns/inbox.ts)
// can tell who has sent what. Rejected rows count too: a school whose rows were all refused has
// still sent its return.
import { normalizeFreeText } from '../domain'
import { cellText } from '../xlsx/readCell'
import type { ParsedFile } from './parseFile'

/** The item fields and the form columns that name the sending unit. */
const UNIT_FIELDS = ['unit', 'organizer'] as const
const UNIT_COLUMNS = ['工作单位', '组织单位'] as const

function rowUnit(item: unknown, values: Record<string, unknown> | null): string | null {
  if (item && typeof item === 'object') {
    for (const field of UNIT_FIELDS) {
      const value = (item as Record<string, unknown>)[field]
      if (typeof value === 'string' && value) return value
    }
  }
  for (const column of UNIT_COLUMNS) {
    const value = values?.[column]
    if (value !== undefined && value !== null) {
      const text = normalizeFreeText(cellText(value as string | number))
      if (text) return text
    }
  }
  return null
}

export function fileUnit(file: Pick<ParsedFile<unknown>, 'rows'>): string | null {
  const counts = new Map<string, number>()
  for (const row of file.rows) {
    const unit = rowUnit(row.item, row.values)
    if (unit) counts.set(unit, (counts.get(unit) ?? 0) + 1)
  }
  let best: string | null = null
  let bestCount = 0
  for (const [unit, count] of counts) {
    if (count > bestCount) [best, bestCount] = [unit, count]
  }
  return best
}
