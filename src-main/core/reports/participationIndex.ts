// 表4 and the dashboard's top volunteers over a million participations within milliseconds. Summing a
// year's 200,000 participations per volunteer in SQLite costs a temporary B-tree and half a second or
// more; the same sums over typed arrays in memory cost a few milliseconds, for any period and any
// activity filter. The arrays are rebuilt only when what they hold has changed:
// - activities, their departments and participations: a counter bumped by TEMP triggers of this
//   connection (its own writes, rolled back with them) together with PRAGMA data_version (writes
//   committed by any other connection: the CLI, an import worker);
// - the roster: the change counter the volunteers triggers keep (001_init.sql); TEMP triggers note
//   which volunteers this connection's writes touched (temp.stats_volunteers_dirty), so after a
//   roster edit or an import only those are read again and put in their place in the order.
// Nothing read inside an open transaction is kept, so a rolled-back write can never leave a stale copy.
// The same triggers note which activities their writes touched (temp.stats_dirty), so after the
// app's own writes only those activities are read again and their participations appended; the
// whole index is read again after another connection's write, or when half of it is stale.
import type { Database } from 'better-sqlite3'

interface ActivityEntry {
  id: number
  heldOn: string
  taskCode: number | null
  team: string | null
  departmentIds: number[]
  /** Its participations are [start, end) of the arrays below. */
  start: number
  end: number
}

interface ActivityPart {
  key: string
  /** data_version when it was read: another connection's write means reading it all again. */
  others: number
  /** Sorted by held_on, then id: the order a period is read in. */
  activities: ActivityEntry[]
  volunteerIds: Int32Array
  hours: Float64Array
  /** Positions in use in the arrays (which may be longer), and how many of them no entry points to. */
  filled: number
  stale: number
}

export interface VolunteerEntry {
  id: number
  name: string
  gender: string
  unit: string | null
  countyCode: string | null
  category: string | null
  idNumber: string
  deleted: boolean
  /** Place in the order name_pinyin, id: the tie-break of 表4. */
  rank: number
}

interface VolunteerPart {
  version: number
  /** data_version when it was read: another connection's write means reading it all again. */
  others: number
  /** By volunteer id. */
  byId: (VolunteerEntry | undefined)[]
  /** Volunteer ids in the order name_pinyin, id. */
  idByRank: Int32Array
  /** name_pinyin by rank: where a volunteer read again goes. */
  pinyinByRank: string[]
}

interface Indexes {
  triggers: boolean
  activities?: ActivityPart
  volunteers?: VolunteerPart
}

const indexes = new WeakMap<Database, Indexes>()

const WATCHED = ['activities', 'activity_departments', 'participations'] as const

/** The rows whose activity a write touched: [event, expressions naming the activity's id]. */
const TOUCHED: Record<(typeof WATCHED)[number], Record<string, string[]>> = {
  activities: { INSERT: ['NEW.id'], UPDATE: ['NEW.id', 'OLD.id'], DELETE: ['OLD.id'] },
  activity_departments: {
    INSERT: ['NEW.activity_id'],
    UPDATE: ['NEW.activity_id', 'OLD.activity_id'],
    DELETE: ['OLD.activity_id'],
  },
  participations: {
    INSERT: ['NEW.activity_id'],
    UPDATE: ['NEW.activity_id', 'OLD.activity_id'],
    DELETE: ['OLD.activity_id'],
  },
}

const TOUCHED_VOLUNTEERS: Record<string, string[]> = {
  INSERT: ['NEW.id'],
  UPDATE: ['NEW.id', 'OLD.id'],
  DELETE: ['OLD.id'],
}

/**
 * TEMP triggers (they live and fire on this connection only) noting in the TEMP table `table` every
 * volunteer this connection's writes touch; the roster search index keeps its own table beside this one.
 */
export function noteTouchedVolunteers(db: Database, table: string, prefix: string): void {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${table} (volunteer_id INTEGER PRIMARY KEY)`)
  for (const [event, ids] of Object.entries(TOUCHED_VOLUNTEERS)) {
    const noted = ids.map((id) => `INSERT OR IGNORE INTO ${table} (volunteer_id) VALUES (${id});`)
    db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS ${prefix}_${event.toLowerCase()} AFTER ${event} ON main.volunteers
      BEGIN ${noted.join(' ')} END`)
  }
}

/** TEMP triggers live and fire on this connection only; the schema of the file is untouched. */
function installTriggers(db: Database): boolean {
  try {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS stats_changes (value INTEGER NOT NULL);
      INSERT INTO stats_changes (value) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM stats_changes);
      CREATE TEMP TABLE IF NOT EXISTS stats_dirty (activity_id INTEGER PRIMARY KEY);
`)
    for (const table of WATCHED) {
      for (const [event, ids] of Object.entries(TOUCHED[table])) {
        const noted = ids.map((id) => `INSERT OR IGNORE INTO stats_dirty (activity_id) VALUES (${id});`).join(' ')
        db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS stats_${table}_${event.toLowerCase()} AFTER ${event} ON main.${table}
          BEGIN UPDATE stats_changes SET value = value + 1; ${noted} END`)
      }
    }
    noteTouchedVolunteers(db, 'stats_volunteers_dirty', 'stats_volunteers')
    return true
  } catch {
    // A connection that cannot create temp objects: every write on it invalidates instead.
    return false
  }
}

function state(db: Database): Indexes {
  let found = indexes.get(db)
  if (!found) {
    found = { triggers: installTriggers(db) }
    indexes.set(db, found)
  }
  return found
}

function activityKey(db: Database, triggers: boolean): { key: string; others: number } {
  const others = db.pragma('data_version', { simple: true }) as number
  const own = triggers
    ? (db.prepare('SELECT value FROM temp.stats_changes').pluck().get() as number)
    : `t${db.prepare('SELECT total_changes()').pluck().get() as number}`
  return { key: `${others}:${own}`, others }
}

const ACTIVITY_ROW = `SELECT a.id, a.held_on AS heldOn, a.task_code AS taskCode, a.team,
    (SELECT group_concat(department_id) FROM activity_departments ad WHERE ad.activity_id = a.id) AS departments
  FROM activities a`

interface ActivityRow {
  id: number
  heldOn: string
  taskCode: number | null
  team: string | null
  departments: string | null
}

function entryOf(row: ActivityRow, start: number, end: number): ActivityEntry {
  return {
    id: row.id,
    heldOn: row.heldOn,
    taskCode: row.taskCode,
    team: row.team,
    departmentIds: row.departments ? row.departments.split(',').map(Number) : [],
    start,
    end,
  }
}

const byDay = (a: ActivityEntry, b: ActivityEntry) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : a.id - b.id)

/**
 * A new part from `kept` with the touched activities read again: their participations are appended
 * after the kept ones (which stay as they were, so a part handed out earlier is never changed).
 */
function patchActivities(db: Database, kept: ActivityPart, key: string, touched: number[]): ActivityPart {
  const ids = new Set(touched)
  const readRow = db.prepare(`${ACTIVITY_ROW} WHERE a.id = ?`)
  const readParticipants = db.prepare('SELECT volunteer_id, hours FROM participations WHERE activity_id = ?').raw(true)
  const rows = touched.flatMap((id) => (readRow.get(id) as ActivityRow | undefined) ?? [])
  const added = rows.map((row) => readParticipants.all(row.id) as [number, number][])
  const count = added.reduce((sum, lines) => sum + lines.length, 0)
  let { volunteerIds, hours } = kept
  if (kept.filled + count > volunteerIds.length) {
    const size = Math.max(kept.filled + count, Math.ceil(volunteerIds.length * 1.25))
    volunteerIds = new Int32Array(size)
    volunteerIds.set(kept.volunteerIds.subarray(0, kept.filled))
    hours = new Float64Array(size)
    hours.set(kept.hours.subarray(0, kept.filled))
  }
  let filled = kept.filled
  let stale = kept.stale
  const activities = kept.activities.filter((entry) => {
    if (!ids.has(entry.id)) return true
    stale += entry.end - entry.start
    return false
  })
  rows.forEach((row, index) => {
    const start = filled
    for (const [volunteerId, value] of added[index]!) {
      volunteerIds[filled] = volunteerId
      hours[filled] = value
      filled++
    }
    activities.push(entryOf(row, start, filled))
  })
  activities.sort(byDay)
  return { key, others: kept.others, activities, volunteerIds, hours, filled, stale }
}

/** Activity ids per step of a build: about 50,000 participations on the benchmark programme. */
const IDS_PER_STEP = 500

/**
 * Reads the whole activity part, one range of activity ids per step (in primary-key order, activity
 * then volunteer: each activity's participations are one run). Run to its end at once inside one
 * transaction by buildActivities; step by step, between other work, by warmParticipationIndex.
 */
function* activitySteps(
  db: Database,
  key: string,
  others: number,
  idsPerStep = IDS_PER_STEP,
): Generator<void, ActivityPart | null> {
  const rows = db.prepare(`${ACTIVITY_ROW} ORDER BY a.held_on, a.id`).all() as ActivityRow[]
  const total = db.prepare('SELECT count(*) FROM participations').pluck().get() as number
  const lastId = (db.prepare('SELECT max(activity_id) FROM participations').pluck().get() as number | null) ?? 0
  const volunteerIds = new Int32Array(total)
  const hours = new Float64Array(total)
  const runs = new Map<number, [number, number]>()
  let filled = 0
  const scan = db
    .prepare(
      `SELECT activity_id, volunteer_id, hours FROM participations
       WHERE activity_id >= ? AND activity_id < ? ORDER BY activity_id, volunteer_id`,
    )
    .raw(true)
  for (let from = 0; from <= lastId; from += idsPerStep) {
    if (from > 0) yield
    let current: [number, number] | undefined
    let currentId = -1
    for (const [activityId, volunteerId, value] of scan.iterate(from, from + idsPerStep) as Iterable<
      [number, number, number]
    >) {
      // More rows than counted: a write came between two steps (the warm-up then drops what it read).
      if (filled === total) return null
      if (activityId !== currentId || !current) {
        currentId = activityId
        current = [filled, filled]
        runs.set(activityId, current)
      }
      volunteerIds[filled] = volunteerId
      hours[filled] = value
      current[1] = ++filled
    }
  }
  const activities = rows.map((row) => {
    const [start, end] = runs.get(row.id) ?? [0, 0]
    return entryOf(row, start, end)
  })
  return { key, others, activities, volunteerIds, hours, filled, stale: 0 }
}

function buildActivities(db: Database, key: string, others: number): ActivityPart {
  const steps = activitySteps(db, key, others)
  let step = steps.next()
  while (!step.done) step = steps.next()
  if (!step.value) throw new Error('participation index: the participations changed while read in one transaction')
  return step.value
}

function volunteersVersion(db: Database): number {
  return db.prepare("SELECT value FROM change_counters WHERE name = 'volunteers'").pluck().get() as number
}

type VolunteerRow = [number, string, string, string | null, string | null, string | null, string, number, string]

const VOLUNTEER_ROW = `SELECT id, name, gender, unit, county_code, category, id_number, deleted_at IS NOT NULL, name_pinyin
  FROM volunteers`

function volunteerEntry(row: VolunteerRow, rank: number): VolunteerEntry {
  const [id, name, gender, unit, countyCode, category, idNumber, deleted] = row
  return { id, name, gender, unit, countyCode, category, idNumber, deleted: deleted === 1, rank }
}

function buildVolunteers(db: Database, version: number, others: number): VolunteerPart {
  // Arrays, not objects, from SQLite: a third less time for the whole roster.
  const rows = db.prepare(`${VOLUNTEER_ROW} ORDER BY name_pinyin, id`).raw(true).all() as VolunteerRow[]
  const byId: (VolunteerEntry | undefined)[] = []
  const idByRank = new Int32Array(rows.length)
  const pinyinByRank = new Array<string>(rows.length)
  rows.forEach((row, rank) => {
    byId[row[0]] = volunteerEntry(row, rank)
    idByRank[rank] = row[0]
    pinyinByRank[rank] = row[8]
  })
  return { version, others, byId, idByRank, pinyinByRank }
}

/**
 * SQLite's BINARY order of two texts (their UTF-8 bytes), which is the order of their code points.
 * UTF-16 units keep it except for a surrogate (a code point above U+FFFF), which comes after all others.
 */
export function binaryOrder(a: string, b: string): number {
  const length = Math.min(a.length, b.length)
  for (let at = 0; at < length; at++) {
    const x = a.charCodeAt(at)
    const y = b.charCodeAt(at)
    if (x === y) continue
    const xHigh = x >= 0xd800 && x <= 0xdfff
    const yHigh = y >= 0xd800 && y <= 0xdfff
    return xHigh === yHigh ? x - y : xHigh ? 1 : -1
  }
  return a.length - b.length
}

/**
 * A new part from `kept` with the touched volunteers read again and merged into the order
 * name_pinyin, id; entries whose rank moved are new objects (a part handed out is never changed).
 */
function patchVolunteers(db: Database, kept: VolunteerPart, version: number, touched: number[]): VolunteerPart {
  const ids = new Set(touched)
  const read = db.prepare(`${VOLUNTEER_ROW} WHERE id = ?`).raw(true)
  const rows = touched
    .map((id) => read.get(id) as VolunteerRow | undefined)
    .filter((row): row is VolunteerRow => row !== undefined)
    .sort((a, b) => binaryOrder(a[8], b[8]) || a[0] - b[0])
  const size = kept.idByRank.length
  let length = 0
  for (let rank = 0; rank < size; rank++) if (!ids.has(kept.idByRank[rank] as number)) length++
  length += rows.length
  const idByRank = new Int32Array(length)
  const pinyinByRank = new Array<string>(length)
  const byId = kept.byId.slice()
  for (const id of touched) byId[id] = undefined
  let from = 0
  let next = 0
  for (let rank = 0; rank < length; rank++) {
    while (from < size && ids.has(kept.idByRank[from] as number)) from++
    const keptId = from < size ? (kept.idByRank[from] as number) : -1
    const row = rows[next]
    const takeRow =
      row !== undefined &&
      (keptId < 0 || (binaryOrder(row[8], kept.pinyinByRank[from] as string) || row[0] - keptId) < 0)
    if (takeRow) {
      byId[row[0]] = volunteerEntry(row, rank)
      idByRank[rank] = row[0]
      pinyinByRank[rank] = row[8]
      next++
      continue
    }
    const entry = kept.byId[keptId] as VolunteerEntry
    byId[keptId] = entry.rank === rank ? entry : { ...entry, rank }
    idByRank[rank] = keptId
    pinyinByRank[rank] = kept.pinyinByRank[from] as string
    from++
  }
  return { version, others: kept.others, byId, idByRank, pinyinByRank }
}

/** Patched when only this connection wrote to some volunteers; read whole otherwise. */
function currentVolunteers(db: Database, found: Indexes, clear: boolean): VolunteerPart {
  const version = volunteersVersion(db)
  const kept = found.volunteers
  if (kept?.version === version) return kept
  const others = db.pragma('data_version', { simple: true }) as number
  const touched =
    found.triggers && kept && kept.others === others
      ? (db.prepare('SELECT volunteer_id FROM temp.stats_volunteers_dirty').pluck().all() as number[])
      : null
  const part =
    kept && touched && touched.length > 0 && touched.length <= 5000
      ? patchVolunteers(db, kept, version, touched)
      : buildVolunteers(db, version, others)
  if (clear && found.triggers) db.prepare('DELETE FROM temp.stats_volunteers_dirty').run()
  return part
}

export interface ParticipationIndex {
  activities: readonly ActivityEntry[]
  volunteerIds: Int32Array
  hours: Float64Array
  volunteers: readonly (VolunteerEntry | undefined)[]
  idByRank: Int32Array
  parts: [ActivityPart, VolunteerPart]
}

/** Patched when only this connection wrote to a few activities; read whole otherwise. */
function currentActivities(db: Database, found: Indexes, clear: boolean): ActivityPart {
  const { key, others } = activityKey(db, found.triggers)
  const kept = found.activities
  if (kept?.key === key) return kept
  const touched =
    found.triggers && kept && kept.others === others
      ? (db.prepare('SELECT activity_id FROM temp.stats_dirty').pluck().all() as number[])
      : null
  const part =
    kept && touched && touched.length <= 5000 && kept.stale * 2 <= kept.filled
      ? patchActivities(db, kept, key, touched)
      : buildActivities(db, key, others)
  if (clear && found.triggers) db.prepare('DELETE FROM temp.stats_dirty').run()
  return part
}

function current(db: Database, found: Indexes, clear: boolean): ParticipationIndex {
  const activities = currentActivities(db, found, clear)
  const volunteers = currentVolunteers(db, found, clear)
  return {
    activities: activities.activities,
    volunteerIds: activities.volunteerIds,
    hours: activities.hours,
    volunteers: volunteers.byId,
    idByRank: volunteers.idByRank,
    parts: [activities, volunteers],
  }
}

/**
 * The current index, rebuilt when a counter has moved. Read in one transaction, so the counters and
 * the rows are one snapshot; never kept when the caller is inside a transaction of its own.
 */
export function participationIndex(db: Database): ParticipationIndex {
  const found = state(db)
  // Inside the caller's transaction the notes of touched activities stay: they may be rolled back.
  if (db.inTransaction) return current(db, found, false)
  const index = db.transaction(() => current(db, found, true))()
  const [activities, volunteers] = index.parts
  Object.assign(found, { activities, volunteers })
  return index
}

/** The activities held from `from` to `to` (both inclusive), as [first, last) positions. */
export function periodRange(activities: readonly ActivityEntry[], from: string, to: string): [number, number] {
  const bound = (day: string, after: boolean) => {
    let [low, high] = [0, activities.length]
    while (low < high) {
      const middle = (low + high) >> 1
      const heldOn = (activities[middle] as ActivityEntry).heldOn
      if (heldOn < day || (after && heldOn === day)) low = middle + 1
      else high = middle
    }
    return low
  }
  return [bound(from, false), bound(to, true)]
}

/**
 * The ids of the activities any of `volunteerIds` took part in. A surname matches thousands of
 * people: looking their participations up in SQLite costs a temporary B-tree per statement, while
 * one pass over the index's arrays costs a few milliseconds.
 */
export function activitiesWithAnyOf(db: Database, volunteerIds: readonly number[]): number[] {
  if (volunteerIds.length === 0) return []
  const index = participationIndex(db)
  // A flag per volunteer id: a typed-array read per participation, not a hash lookup.
  let size = index.volunteers.length
  for (const id of volunteerIds) size = Math.max(size, id + 1)
  const wanted = new Uint8Array(size)
  for (const id of volunteerIds) if (id >= 0) wanted[id] = 1
  const ids = index.volunteerIds
  const found: number[] = []
  for (const entry of index.activities) {
    for (let at = entry.start; at < entry.end; at++) {
      if (wanted[ids[at] as number] === 1) {
        found.push(entry.id)
        break
      }
    }
  }
  return found
}

/**
 * Reads the index in the background once the ledger is open, so that the first screen that sums
 * participations (the dashboard's charts, 表4, the star levels) finds it made. One range of
 * activities per turn of the event loop, so the first answers to the renderer never wait for all of
 * it; what was read is dropped if anything was written meanwhile or a caller built the index first.
 */
export async function warmParticipationIndex(db: Database, idsPerStep = IDS_PER_STEP): Promise<boolean> {
  const found = state(db)
  if (found.activities || db.inTransaction) return false
  const { key, others } = activityKey(db, found.triggers)
  const unchanged = () => !db.inTransaction && !found.activities && activityKey(db, found.triggers).key === key
  const steps = activitySteps(db, key, others, idsPerStep)
  let step = steps.next()
  while (!step.done) {
    await new Promise((resolve) => setImmediate(resolve))
    if (!db.open || !unchanged()) return false
    step = steps.next()
  }
  if (!step.value || !unchanged()) return false
  const volunteers = db.transaction(() => currentVolunteers(db, found, true))()
  if (found.triggers) db.prepare('DELETE FROM temp.stats_dirty').run()
  Object.assign(found, { activities: step.value, volunteers })
  return true
}
