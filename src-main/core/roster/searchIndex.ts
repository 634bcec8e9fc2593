// Search as you type over 100,000 volunteers within a few milliseconds. SQLite cannot use an index
// for a substring match (LIKE '%mjg%'), and scanning the wide volunteers table costs hundreds of
// milliseconds; a scan of short strings in memory costs a few. The index is renewed when the
// change counter (kept by triggers, so it also sees the CLI's writes) has moved: TEMP triggers of
// this connection note which volunteers its writes touched (temp.roster_search_dirty, rolled back
// with them), and only those are read again and merged into every order; after another
// connection's write (PRAGMA data_version) or many touched rows it is read whole again.
import type { Database } from 'better-sqlite3'
import { binaryOrder, noteTouchedVolunteers } from '../reports/participationIndex'

export type RosterSort = 'pinyin' | 'updated' | 'unit' | 'birth'

interface Entry {
  /** Place in pinyin order, which is the order of the haystack. */
  position: number
  id: number
  /** name_pinyin: where a volunteer read again goes. */
  pinyin: string
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
  /** data_version when it was read: another connection's write means reading it all again. */
  others: number
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

interface State {
  triggers: boolean
  index?: SearchIndex
  builds: number
  patches: number
}

const states = new WeakMap<Database, State>()

/** More touched volunteers than this are cheaper read whole. */
const PATCH_LIMIT = 5000

function currentVersion(db: Database): number {
  return (db.prepare("SELECT value FROM change_counters WHERE name = 'volunteers'").get() as { value: number }).value
}

/** Its own TEMP table, so the participation index clearing its table leaves this one alone. */
function installTriggers(db: Database): boolean {
  try {
    noteTouchedVolunteers(db, 'roster_search_dirty', 'roster_search')
    return true
  } catch {
    // A connection that cannot create temp objects: every write on it means reading it whole.
    return false
  }
}

const ENTRY_ROW = `SELECT id, name_pinyin AS pinyin, search_text AS text, deleted_at IS NOT NULL AS deleted,
  county_code AS countyCode, category, team, political, unit, updated_at AS updatedAt, birth FROM volunteers`

type EntryRow = Omit<Entry, 'deleted' | 'position'> & { deleted: number }

// A newline inside a text would let a hit span two entries: it cannot be typed in a query anyway.
// Built field by field: a spread with an overridden key leaves V8 objects in slow dictionary mode,
// which made the scan below ten times slower.
function entry(row: EntryRow | Entry, position: number): Entry {
  return {
    position,
    id: row.id,
    pinyin: row.pinyin,
    text: typeof row.deleted === 'boolean' ? row.text : row.text.replace(/\n/g, ' '),
    deleted: row.deleted === 1 || row.deleted === true,
    countyCode: row.countyCode,
    category: row.category,
    team: row.team,
    political: row.political,
    unit: row.unit,
    updatedAt: row.updatedAt,
    birth: row.birth,
  }
}

function assemble(version: number, others: number, entries: Entry[], orders: Map<RosterSort, Entry[]>): SearchIndex {
  const starts = new Int32Array(entries.length)
  let offset = 0
  entries.forEach((item, position) => {
    starts[position] = offset
    offset += item.text.length + 1
  })
  const haystack = entries.map((item) => item.text).join('\n')
  orders.set('pinyin', entries)
  return { version, others, entries, haystack, starts, orders }
}

function build(db: Database, version: number, others: number): SearchIndex {
  const rows = db.prepare(`${ENTRY_ROW} ORDER BY name_pinyin, id`).all() as EntryRow[]
  return assemble(version, others, rows.map(entry), new Map())
}

/** Two entries in the order name_pinyin, id (SQLite's BINARY order). */
function byPinyin(a: Entry, b: Entry): number {
  return binaryOrder(a.pinyin, b.pinyin) || a.id - b.id
}

/** Two sorted lists merged by `order`; the first wins a tie. */
function merge(kept: Entry[], added: Entry[], order: (a: Entry, b: Entry) => number): Entry[] {
  const merged = new Array<Entry>(kept.length + added.length)
  let from = 0
  let next = 0
  for (let at = 0; at < merged.length; at++) {
    const take = next < added.length && (from >= kept.length || order(added[next] as Entry, kept[from] as Entry) < 0)
    merged[at] = take ? (added[next++] as Entry) : (kept[from++] as Entry)
  }
  return merged
}

/**
 * A new index from `kept` with the touched volunteers read again and merged into each order that was
 * made; entries whose place moved are new objects (the kept index is never changed, so a patch made
 * inside a transaction that is rolled back leaves it right).
 */
function patch(db: Database, kept: SearchIndex, version: number, touched: number[]): SearchIndex {
  const ids = new Set(touched)
  const read = db.prepare(`${ENTRY_ROW} WHERE id = ?`)
  const added = touched
    .map((id) => read.get(id) as EntryRow | undefined)
    .filter((row): row is EntryRow => row !== undefined)
    .map((row) => entry(row, -1))
    .sort(byPinyin)
  const staying = kept.entries.filter((item) => !ids.has(item.id))
  const merged = merge(staying, added, byPinyin)
  // The new object of each entry by its old place, for the other orders.
  const renewed = new Array<Entry | undefined>(kept.entries.length)
  const entries = merged.map((item, position) => {
    const moved = item.position === position ? item : entry(item, position)
    if (item.position >= 0) renewed[item.position] = moved
    return moved
  })
  const fresh = new Set(added.map((item) => item.id))
  const orders = new Map<RosterSort, Entry[]>()
  for (const [sort, order] of kept.orders) {
    if (sort === 'pinyin') continue
    const key = SORT_KEYS[sort as Exclude<RosterSort, 'pinyin'>]
    // Equal keys in pinyin order, as the stable sort in ordered() leaves them.
    const compare = (a: Entry, b: Entry) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.position - b.position)
    const others = order.filter((item) => !ids.has(item.id)).map((item) => renewed[item.position] as Entry)
    orders.set(sort, merge(others, entries.filter((item) => fresh.has(item.id)).sort(compare), compare))
  }
  return assemble(version, kept.others, entries, orders)
}

function indexFor(db: Database): SearchIndex {
  const version = currentVersion(db)
  const found = states.get(db)
  if (found?.index?.version === version) return found.index
  const others = db.pragma('data_version', { simple: true }) as number
  const kept = found?.index
  const touched =
    found?.triggers && kept && kept.others === others
      ? (db.prepare('SELECT volunteer_id FROM temp.roster_search_dirty').pluck().all() as number[])
      : null
  const patched = kept !== undefined && touched !== null && touched.length > 0 && touched.length <= PATCH_LIMIT
  const fresh = patched ? patch(db, kept, version, touched) : build(db, version, others)
  // Read inside a transaction it may hold writes that are rolled back, and the counter would then
  // come back to the same value with other rows behind it: kept only when read outside one (and the
  // triggers made outside one too, so a rollback cannot take them away).
  if (db.inTransaction) return fresh
  const state = found ?? { triggers: installTriggers(db), builds: 0, patches: 0 }
  if (state.triggers) db.prepare('DELETE FROM temp.roster_search_dirty').run()
  if (patched) state.patches++
  else state.builds++
  state.index = fresh
  states.set(db, state)
  return fresh
}

/** How often this connection's kept index was read whole and how often patched: for tests and the bench. */
export function searchIndexRenewals(db: Database): { builds: number; patches: number } {
  const found = states.get(db)
  return { builds: found?.builds ?? 0, patches: found?.patches ?? 0 }
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
