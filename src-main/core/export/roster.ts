// 表1 志愿者花名册 export: the live roster (optionally filtered like roster.search) in the bureau's
// layout, sorted by county, then unit, then name in pinyin order, numbered 1..n.
//
// ID and phone numbers are masked (622901********123X, 138****1234) unless the clerk chooses full
// numbers for this one export (FORMS.md, PIPL), which is recorded in the audit history. A copy
// meant to be re-imported — after a reinstall, or by another office — needs full numbers, since
// the importer identifies a person by the full ID number; a masked one is refused row by row.
import type { Database } from 'better-sqlite3'
import type { CoreContext } from '../context'
import type { FormColumn } from '../forms/types'
import { ROSTER_FORM } from '../forms/roster'
import { namePinyin } from '../roster/pinyin'
import { filteredVolunteerIds, type RosterFilters } from '../roster/repository'
import { VOLUNTEER_COLUMNS, type StoredVolunteer } from '../roster/rows'
import type { WriteValue } from '../xlsx/writeForm'
import { personalNumbers, type PersonalNumbers } from './personalNumbers'
import { sheetHeading, writeFormSheets, type ExportedWorkbook, type SheetToWrite } from './workbook'

/** The filters of roster.search, without paging, sorting or the recycle bin. */
export type RosterExportFilters = Omit<RosterFilters, 'deleted'>

export interface RosterExportOptions {
  filters?: RosterExportFilters
  /** Full ID and phone numbers instead of masked ones; recorded in the audit history. */
  fullNumbers?: boolean
}

export interface ExportRow extends StoredVolunteer {
  countyName: string | null
  countyOrder: number | null
  namePinyin: string
}

/** The people the roster list shows for the same filters (roster/repository.ts reads them), unpaged. */
export function selectRosterForExport(db: Database, filters: RosterExportFilters = {}): ExportRow[] {
  const ids = filteredVolunteerIds(db, { ...filters, deleted: false })
  const rows = db
    .prepare(
      `SELECT ${VOLUNTEER_COLUMNS}, c.name AS countyName, c.sort_order AS countyOrder, v.name_pinyin AS namePinyin
       FROM volunteers v LEFT JOIN counties c ON c.code = v.county_code
       WHERE v.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as ExportRow[]
  return sortForExport(rows)
}

/**
 * County in the bureau's order (unknown last), then unit and name in pinyin order — the order a
 * clerk reading a printed list expects; code-point order would scatter the units.
 */
function sortForExport(rows: ExportRow[]): ExportRow[] {
  const unitKeys = new Map<string, string>()
  const unitKey = (unit: string | null): string => {
    if (!unit) return '\uffff'
    let key = unitKeys.get(unit)
    if (key === undefined) {
      key = namePinyin(unit).full
      unitKeys.set(unit, key)
    }
    return key
  }
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  return rows.sort(
    (a, b) =>
      (a.countyOrder ?? Number.MAX_SAFE_INTEGER) - (b.countyOrder ?? Number.MAX_SAFE_INTEGER) ||
      compare(unitKey(a.unit), unitKey(b.unit)) ||
      compare(a.unit ?? '', b.unit ?? '') ||
      compare(a.namePinyin, b.namePinyin) ||
      a.id - b.id,
  )
}

function fieldValue(row: ExportRow, column: FormColumn, numbers: PersonalNumbers): WriteValue {
  switch (column.field) {
    case undefined:
      return null
    case 'idNumber':
      return numbers.id(row.idNumber)
    case 'phone':
      return numbers.phone(row.phone)
    case 'county':
      // The full name, which the importer reads back to the same county code.
      return row.countyName
    default: {
      const value = (row as unknown as Record<string, unknown>)[column.field]
      return typeof value === 'string' || typeof value === 'number' ? value : null
    }
  }
}

export function rosterRows(rows: readonly ExportRow[], numbers: PersonalNumbers): WriteValue[][] {
  const columns = ROSTER_FORM.sheets[0]?.columns ?? []
  return rows.map((row) => columns.map((column) => fieldValue(row, column, numbers)))
}

/** 表1 as a sheet to write or print (the output handler records it in the audit history). */
export function rosterSheet(ctx: CoreContext, options: RosterExportOptions): SheetToWrite {
  const sheet = ROSTER_FORM.sheets[0]
  if (!sheet) throw new Error('表1 has no sheet declared')
  const numbers = personalNumbers(options.fullNumbers ?? false)
  const rows = rosterRows(selectRosterForExport(ctx.db, options.filters), numbers)
  return { sheet, content: { ...sheetHeading(ctx), rows } }
}

export function exportRoster(ctx: CoreContext, options: RosterExportOptions = {}): Promise<ExportedWorkbook> {
  return writeFormSheets(ctx, [rosterSheet(ctx, options)])
}
