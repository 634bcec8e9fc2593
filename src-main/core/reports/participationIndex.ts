// 表4 and the dashboard's top volunteers over a million participations within milliseconds. Summing a
// year's 200,000 participations per volunteer in SQLite costs a temporary B-tree and half a second or
// more; the same sums over typed arrays in memory cost a few milliseconds, for any period and any
// activity filter. The arrays are rebuilt only when what they hold has changed:
// - activities, their departments and participations: a counter bumped by TEMP triggers of this
//   connection (its own writes, rolled back with them) together with PRAGMA data_version (writes
//   committed by any other connection: the CLI, an import worker);
// - the roster: the change counter the volunteers triggers keep (001_init.sql).
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
  /** By volunteer id. */
  byId: (VolunteerEntry | undefined)[]
  /** Volunteer ids in the order name_pinyin, id. */
  idByRank: Int32Array
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

/** TEMP triggers live and fire on this connection only; the schema of the file is untouched. */
function installTriggers(db: Database): boolean {
  try {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS stats_changes (value INTEGER NOT NULL);
      INSERT INTO stats_changes (value) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM stats_changes);
      CREATE TEMP TABLE IF NOT EXISTS stats_dirty (activity_id INTEGER PRIMARY KEY);`)
    for (const table of WATCHED) {
      for (const [event, ids] of Object.entries(TOUCHED[table])) {
        const noted = ids.map((id) => `INSERT OR IGNORE INTO stats_dirty (activity_id) VALUES (${id});`).join(' ')
        db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS stats_${table}_${event.toLowerCase()} AFTER ${event} ON main.${table}
          BEGIN UPDATE stats_changes SET value = value + 1; ${noted} END`)
      }
    }
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

function buildActivities(db: Database, key: string, others: number): ActivityPart {
  const rows = db.prepare(`${ACTIVITY_ROW} ORDER BY a.held_on, a.id`).all() as ActivityRow[]
  // One pass in primary-key order (activity, volunteer): each activity's participations are one run.
  const total = db.prepare('SELECT count(*) FROM participations').pluck().get() as number
  const volunteerIds = new Int32Array(total)
  const hours = new Float64Array(total)
  const runs = new Map<number, [number, number]>()
  let filled = 0
  let current: [number, number] | undefined
  let currentId = -1
  const scan = db
    .prepare('SELECT activity_id, volunteer_id, hours FROM participations ORDER BY activity_id, volunteer_id')
    .raw(true)
  for (const [activityId, volunteerId, value] of scan.iterate() as Iterable<[number, number, number]>) {
    if (activityId !== currentId || !current) {
      currentId = activityId
      current = [filled, filled]
      runs.set(activityId, current)
    }
    volunteerIds[filled] = volunteerId
    hours[filled] = value
    current[1] = ++filled
  }
  const activities = rows.map((row) => {
    const [start, end] = runs.get(row.id) ?? [0, 0]
    return entryOf(row, start, end)
  })
  return { key, others, activities, volunteerIds, hours, filled, stale: 0 }
}

function volunteersVersion(db: Database): number {
  return db.prepare("SELECT value FROM change_counters WHERE name = 'volunteers'").pluck().get() as number
}

function buildVolunteers(db: Database, version: number): VolunteerPart {
  // Arrays, not objects, from SQLite: a third less time for the whole roster.
  const rows = db
    .prepare(
      `SELECT id, name, gender, unit, county_code, category, id_number, deleted_at IS NOT NULL
       FROM volunteers ORDER BY name_pinyin, id`,
    )
    .raw(true)
    .all() as [number, string, string, string | null, string | null, string | null, string, number][]
  const byId: (VolunteerEntry | undefined)[] = []
  const idByRank = new Int32Array(rows.length)
  rows.forEach(([id, name, gender, unit, countyCode, category, idNumber, deleted], rank) => {
    byId[id] = { id, name, gender, unit, countyCode, category, idNumber, deleted: deleted === 1, rank }
    idByRank[rank] = id
  })
  return { version, byId, idByRank }
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
  const version = volunteersVersion(db)
  const volunteers = found.volunteers?.version === version ? found.volunteers : buildVolunteers(db, version)
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
