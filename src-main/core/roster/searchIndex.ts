// Search as you type over 100,000 volunteers within a few milliseconds. SQLite cannot use an index
// for a substring match (LIKE '%mjg%'), and scanning the wide volunteers table costs hundreds of
// milliseconds; a scan of short strings in memory costs a few. The index is rebuilt when the
// change counter (kept by triggers, so it also sees the CLI's writes) has moved.
import type { Database } from 'better-sqlite3'

export type RosterSort = 'pinyin' | 'updated' | 'unit' | 'birth'

interface Entry {
  /** Place in pinyin order, which is the order of the haystack. */
  position: number
  id: number
  text: string
  deleted: boolean
  countyCode: string | null
  category: string | null
  team: string | null
  political: string | null
  unit: string | null
  updatedAt: string
  birth: string
}

interface SearchIndex {
  version: number
  /** Sorted by pinyin, then id. */
  entries: Entry[]
  /** Every entry's text joined by newlines: one native indexOf over it beats a loop of includes. */
  haystack: string
  /** Where each entry's text starts in the haystack. */
  starts: Int32Array
  /** Other orders, as permutations of entries, made on first use. */
  orders: Map<RosterSort, Entry[]>
}

export interface IndexQuery {
  needle: string
  deleted: boolean
  countyCode?: string
  category?: string
  team?: string
  political?: string
  unit?: string
  sort: RosterSort
  descending: boolean
  offset: number
  limit: number
}

const indexes = new WeakMap<Database, SearchIndex>()

function currentVersion(db: Database): number {
  return (db.prepare("SELECT value FROM change_counters WHERE name = 'volunteers'").get() as { value: number }).value
}

function build(db: Database, version: number): SearchIndex {
  const rows = db
    .prepare(
      `SELECT id, search_text AS text, deleted_at IS NOT NULL AS deleted, county_code AS countyCode, category, team,
              political, unit, updated_at AS updatedAt, birth
       FROM volunteers ORDER BY name_pinyin, id`,
    )
    .all() as (Omit<Entry, 'deleted' | 'position'> & { deleted: number })[]
  // A newline inside a text would let a hit span two entries: it cannot be typed in a query anyway.
  // Built field by field: a spread with an overridden key leaves V8 objects in slow dictionary mode,
  // which made the scan below ten times slower.
  const entries: Entry[] = rows.map((row, position) => ({
    position,
    id: row.id,
    text: row.text.replace(/\n/g, ' '),
    deleted: row.deleted === 1,
    countyCode: row.countyCode,
    category: row.category,
    team: row.team,
    political: row.political,
    unit: row.unit,
    updatedAt: row.updatedAt,
    birth: row.birth,
  }))
  const starts = new Int32Array(entries.length)
  let offset = 0
  entries.forEach((entry, position) => {
    starts[position] = offset
    offset += entry.text.length + 1
  })
  const haystack = entries.map((entry) => entry.text).join('\n')
  return { version, entries, haystack, starts, orders: new Map([['pinyin', entries]]) }
}

function indexFor(db: Database): SearchIndex {
  const version = currentVersion(db)
  const cached = indexes.get(db)
  if (cached && cached.version === version) return cached
  const fresh = build(db, version)
  // Read inside a transaction it may hold writes that are rolled back, and the counter would then
  // come back to the same value with other rows behind it: kept only when read outside one.
  if (!db.inTransaction) indexes.set(db, fresh)
  return fresh
}

const SORT_KEYS: Record<Exclude<RosterSort, 'pinyin'>, (entry: Entry) => string> = {
  updated: (entry) => entry.updatedAt,
  unit: (entry) => entry.unit ?? '\uffff',
  birth: (entry) => entry.birth,
}

function ordered(index: SearchIndex, sort: RosterSort): Entry[] {
  const existing = index.orders.get(sort)
  if (existing) return existing
  const key = SORT_KEYS[sort as Exclude<RosterSort, 'pinyin'>]
  // Array.prototype.sort is stable, so equal keys stay in pinyin order.
  const made = [...index.entries].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
  index.orders.set(sort, made)
  return made
}

/** The entry whose text holds a haystack position: the last start at or before it. */
function entryAt(starts: Int32Array, position: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if ((starts[middle] as number) <= position) low = middle
    else high = middle - 1
  }
  return low
}

/** Which entries hold the needle (it holds no newline, so a hit never spans two entries). */
function needleMask(index: SearchIndex, needle: string): Uint8Array {
  const mask = new Uint8Array(index.entries.length)
  let from = 0
  for (;;) {
    const found = index.haystack.indexOf(needle, from)
    if (found < 0) break
    const position = entryAt(index.starts, found)
    mask[position] = 1
    from = position + 1 < index.starts.length ? (index.starts[position + 1] as number) : index.haystack.length
  }
  return mask
}

function matches(entry: Entry, query: IndexQuery, mask: Uint8Array | null): boolean {
  return (
    entry.deleted === query.deleted &&
    (mask === null || mask[entry.position] === 1) &&
    (!query.countyCode || entry.countyCode === query.countyCode) &&
    (!query.category || entry.category === query.category) &&
    (!query.team || entry.team === query.team) &&
    (!query.political || entry.political === query.political) &&
    (!query.unit || entry.unit === query.unit)
  )
}

/** The ids of one page of matches, in order, and how many match in all. */
export function searchIds(db: Database, query: IndexQuery): { total: number; ids: number[] } {
  const index = indexFor(db)
  const entries = ordered(index, query.sort)
  const mask = query.needle ? needleMask(index, query.needle) : null
  const ids: number[] = []
  let total = 0
  const count = entries.length
  for (let step = 0; step < count; step++) {
    const entry = entries[query.descending ? count - 1 - step : step] as Entry
    if (!matches(entry, query, mask)) continue
    if (total >= query.offset && ids.length < query.limit) ids.push(entry.id)
    total++
  }
  return { total, ids }
}
