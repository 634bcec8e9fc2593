// Roster storage: prepared statements over the volunteers table. Callers own the transaction.
import type { Database, Statement } from 'better-sqlite3'
import type { Person } from '../domain'
import { normalizeText } from '../domain'
import { CoreError } from '../errors'
import { searchIds, type RosterSort } from './searchIndex'
import { searchColumns, toView, VOLUNTEER_COLUMNS, type StoredVolunteer, type VolunteerView } from './rows'

// Statements are prepared once per connection: preparing costs more than running a one-row write,
// and an import makes 100,000 of them. Keyed by the Database object, so a closed connection's
// statements go with it.
const statements = new WeakMap<Database, Map<string, Statement>>()

function prepared(db: Database, sql: string): Statement {
  let cache = statements.get(db)
  if (!cache) statements.set(db, (cache = new Map()))
  let statement = cache.get(sql)
  if (!statement) cache.set(sql, (statement = db.prepare(sql)))
  return statement
}

export interface RosterQuery {
  q?: string
  countyCode?: string
  category?: string
  team?: string
  political?: string
  unit?: string
  /** The recycle bin instead of the live roster. */
  deleted?: boolean
  sort?: RosterSort
  descending?: boolean
  offset: number
  limit: number
}

export interface RosterPage {
  total: number
  rows: VolunteerView[]
}

/** A query is matched against one lower-cased haystack; spaces are dropped so "ma jian" finds majian. */
export function searchNeedle(q: string): string {
  return q.toLowerCase().replace(/\s+/g, '')
}

/** The filters of the roster list, without paging or sorting: what the list, its export and the fill of records share. */
export type RosterFilters = Pick<
  RosterQuery,
  'q' | 'countyCode' | 'category' | 'team' | 'political' | 'unit' | 'deleted'
>

/** The one reading of the roster's filters (the search text normalized like the stored one). */
function filterQuery(filters: RosterFilters) {
  return {
    needle: filters.q ? searchNeedle(normalizeText(filters.q)) : '',
    deleted: filters.deleted ?? false,
    countyCode: filters.countyCode,
    category: filters.category,
    team: filters.team,
    political: filters.political,
    unit: filters.unit,
  }
}

export function searchRoster(db: Database, query: RosterQuery): RosterPage {
  const { total, ids } = searchIds(db, {
    ...filterQuery(query),
    sort: query.sort ?? 'pinyin',
    descending: query.descending ?? false,
    offset: query.offset,
    limit: query.limit,
  })
  if (ids.length === 0) return { total, rows: [] }
  const rows = db
    .prepare(
      `SELECT ${VOLUNTEER_COLUMNS}, c.name AS countyName
       FROM volunteers v LEFT JOIN counties c ON c.code = v.county_code
       WHERE v.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as (StoredVolunteer & { countyName: string | null })[]
  const byId = new Map(rows.map((row) => [row.id, row]))
  return { total, rows: ids.flatMap((id) => (byId.has(id) ? [toView(byId.get(id)!)] : [])) }
}

const EVERY_MATCH = { sort: 'pinyin' as const, descending: false, offset: 0, limit: Number.MAX_SAFE_INTEGER }

/** Every volunteer the roster list shows for these filters, in pinyin order, unpaged. */
export function filteredVolunteerIds(db: Database, filters: RosterFilters): number[] {
  return searchIds(db, { ...filterQuery(filters), ...EVERY_MATCH }).ids
}

/**
 * Every volunteer the roster search would find for q (name, pinyin, initials, ID or phone fragment,
 * unit), live or in the recycle bin: an activity they took part in stays theirs either way.
 */
export function matchingVolunteerIds(db: Database, q: string): number[] {
  if (!searchNeedle(normalizeText(q))) return []
  return [...filteredVolunteerIds(db, { q, deleted: false }), ...filteredVolunteerIds(db, { q, deleted: true })]
}

const FIND_BY_ID = `SELECT ${VOLUNTEER_COLUMNS} FROM volunteers v WHERE v.id = ?`
const FIND_BY_ID_NUMBER = `SELECT ${VOLUNTEER_COLUMNS} FROM volunteers v WHERE v.id_number = ?`

export function findStored(db: Database, id: number): StoredVolunteer | undefined {
  return prepared(db, FIND_BY_ID).get(id) as StoredVolunteer | undefined
}

export function getStored(db: Database, id: number): StoredVolunteer {
  const found = findStored(db, id)
  if (!found) throw new CoreError('NOT_FOUND', `找不到编号为 ${id} 的志愿者，可能已被彻底删除。`)
  return found
}

export function findByIdNumber(db: Database, idNumber: string): StoredVolunteer | undefined {
  return prepared(db, FIND_BY_ID_NUMBER).get(idNumber) as StoredVolunteer | undefined
}

export function getView(db: Database, id: number): VolunteerView {
  const row = db
    .prepare(
      `SELECT ${VOLUNTEER_COLUMNS}, c.name AS countyName
       FROM volunteers v LEFT JOIN counties c ON c.code = v.county_code WHERE v.id = ?`,
    )
    .get(id) as (StoredVolunteer & { countyName: string | null }) | undefined
  if (!row) throw new CoreError('NOT_FOUND', `找不到编号为 ${id} 的志愿者，可能已被彻底删除。`)
  return toView(row)
}

function personParams(person: Person, at: string) {
  const { namePinyin, searchText } = searchColumns(person)
  return { ...person, namePinyin, searchText, at }
}

// Positional parameters: binding 22 values by name from an object cost an import of 100,000 rows a third of a second more.
const INSERT_VOLUNTEER = `INSERT INTO volunteers (id_number, name, gender, ethnic, birth, political, education, unit, post,
    county_code, phone, category, speciality, team, note, volunteer_no, guardian_name, guardian_consent_on,
    name_pinyin, search_text, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

const UPDATE_VOLUNTEER = `UPDATE volunteers SET id_number = @idNumber, name = @name, gender = @gender, ethnic = @ethnic,
    birth = @birth, political = @political, education = @education, unit = @unit, post = @post,
    county_code = @countyCode, phone = @phone, category = @category, speciality = @speciality,
    team = @team, note = @note, volunteer_no = @volunteerNo, guardian_name = @guardianName,
    guardian_consent_on = @guardianConsentOn, name_pinyin = @namePinyin, search_text = @searchText, updated_at = @at
  WHERE id = @id`

export function insertVolunteer(db: Database, person: Person, at: string): number {
  const { namePinyin, searchText } = searchColumns(person)
  const p = person
  const result = prepared(db, INSERT_VOLUNTEER).run(
    p.idNumber,
    p.name,
    p.gender,
    p.ethnic,
    p.birth,
    p.political,
    p.education,
    p.unit,
    p.post,
    p.countyCode,
    p.phone,
    p.category,
    p.speciality,
    p.team,
    p.note,
    p.volunteerNo ?? null,
    p.guardianName ?? null,
    p.guardianConsentOn ?? null,
    namePinyin,
    searchText,
    at,
    at,
  )
  return Number(result.lastInsertRowid)
}

export function updateVolunteer(db: Database, id: number, person: Person, at: string): void {
  // Records written before 志愿者编号 and the guardian's fields (import undo snapshots) lack them.
  const extra = {
    volunteerNo: person.volunteerNo ?? null,
    guardianName: person.guardianName ?? null,
    guardianConsentOn: person.guardianConsentOn ?? null,
  }
  prepared(db, UPDATE_VOLUNTEER).run({ ...personParams(person, at), ...extra, id })
}

export function setDeleted(db: Database, ids: readonly number[], deletedAt: string | null): number {
  const statement = prepared(db, 'UPDATE volunteers SET deleted_at = ? WHERE id = ? AND (deleted_at IS NULL) = ?')
  let changed = 0
  for (const id of ids) changed += statement.run(deletedAt, id, deletedAt === null ? 0 : 1).changes
  return changed
}

/** Deletes a volunteer for good; throws when later records (participations, say) still refer to it. */
export function deleteVolunteer(db: Database, id: number): void {
  prepared(db, 'DELETE FROM volunteers WHERE id = ?').run(id)
}

/** Volunteers refer to their team and unit by name, so a rename carries over to them. */
export function renameInVolunteers(db: Database, column: 'team' | 'unit', from: string, to: string): void {
  prepared(db, `UPDATE volunteers SET ${column} = ? WHERE ${column} = ?`).run(to, from)
}

export function countLive(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM volunteers WHERE deleted_at IS NULL').get() as { n: number }).n
}

/** Distinct values present in the live roster, for filter drop-downs. */
export function distinctValues(db: Database, column: 'unit' | 'team' | 'category' | 'political'): string[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT ${column} AS value FROM volunteers WHERE deleted_at IS NULL AND ${column} IS NOT NULL ORDER BY ${column}`,
    )
    .all() as { value: string }[]
  return rows.map((row) => row.value)
}

/** Recomputes the derived search columns, after a bulk rename of a unit for example. */
export function reindexVolunteers(db: Database, where: { unit: string }): number {
  const rows = db
    .prepare(`SELECT ${VOLUNTEER_COLUMNS} FROM volunteers v WHERE v.unit = ?`)
    .all(where.unit) as StoredVolunteer[]
  const update = db.prepare('UPDATE volunteers SET name_pinyin = ?, search_text = ? WHERE id = ?')
  for (const row of rows) {
    const derived = searchColumns(row)
    update.run(derived.namePinyin, derived.searchText, row.id)
  }
  return rows.length
}

export function countParticipations(db: Database, id: number): number {
  return prepared(db, 'SELECT count(*) FROM participations WHERE volunteer_id = ?').pluck().get(id) as number
}

/**
 * Removes a person from the recycle bin for good: the row, the import change records that hold their
 * fields, and the personal details in their audit history (the entries stay, so the history still
 * shows that something was done, but no longer to whom).
 */
export function purgeVolunteer(db: Database, id: number, name: string): void {
  prepared(db, 'DELETE FROM import_changes WHERE volunteer_id = ?').run(id)
  prepared(
    db,
    "UPDATE audit SET before = NULL, after = NULL, summary = replace(summary, ?, '（已彻底删除的志愿者）') WHERE entity = 'volunteer' AND entity_id = ?",
  ).run(name, id)
  prepared(db, 'DELETE FROM volunteers WHERE id = ? AND deleted_at IS NOT NULL').run(id)
}
