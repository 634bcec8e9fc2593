// Search as you type over 100,000 volunteers within a few milliseconds. SQLite cannot use an index
// for a substring match (LIKE '%mjg%'), and scanning the wide volunteers table costs hundreds of
// milliseconds; a scan of short strings in memory costs a few. The index is rebuilt when the
// change counter (kept by triggers, so it also sees the CLI's writes) has moved.
import type { Database } from 'better-sqlite3'

export type RosterSort = 'pinyin' | 'updated' | 'unit' | 'birth'

interface Entry {
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
    .all() as (Omit<Entry, 'deleted'> & { deleted: number })[]
  const entries = rows.map((row) => ({ ...row, deleted: row.deleted === 1 }))
  return { version, entries, orders: new Map([['pinyin', entries]]) }
}

function indexFor(db: Database): SearchIndex {
  const version = currentVersion(db)
  const cached = indexes.get(db)
  if (cached && cached.version === version) return cached
  const fresh = build(db, version)
  indexes.set(db, fresh)
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

function matches(entry: Entry, query: IndexQuery): boolean {
  return (
    entry.deleted === query.deleted &&
    (!query.needle || entry.text.includes(query.needle)) &&
    (!query.countyCode || entry.countyCode === query.countyCode) &&
    (!query.category || entry.category === query.category) &&
    (!query.team || entry.team === query.team) &&
    (!query.political || entry.political === query.political) &&
    (!query.unit || entry.unit === query.unit)
  )
}

/** The ids of one page of matches, in order, and how many match in all. */
export function searchIds(db: Database, query: IndexQuery): { total: number; ids: number[] } {
  const entries = ordered(indexFor(db), query.sort)
  const ids: number[] = []
  let total = 0
  const count = entries.length
  for (let step = 0; step < count; step++) {
    const entry = entries[query.descending ? count - 1 - step : step] as Entry
    if (!matches(entry, query)) continue
    if (total >= query.offset && ids.length < query.limit) ids.push(entry.id)
    total++
  }
  return { total, ids }
}
