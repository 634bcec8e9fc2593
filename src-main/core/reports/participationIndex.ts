// 表4 and the dashboard's top volunteers over a million participations within milliseconds. Summing a
// year's 200,000 participations per volunteer in SQLite costs a temporary B-tree and half a second or
// more; the same sums over typed arrays in memory cost a few milliseconds, for any period and any
// activity filter. The arrays are rebuilt only when what they hold has changed:
// - activities, their departments and participations: a counter bumped by TEMP triggers of this
//   connection (its own writes, rolled back with them) together with PRAGMA data_version (writes
//   committed by any other connection: the CLI, an import worker);
// - the roster: the change counter the volunteers triggers keep (001_init.sql).
// Nothing read inside an open transaction is kept, so a rolled-back write can never leave a stale copy.
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
  /** Sorted by held_on, then id: the order a period is read in. */
  activities: ActivityEntry[]
  volunteerIds: Int32Array
  hours: Float64Array
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

/** TEMP triggers live and fire on this connection only; the schema of the file is untouched. */
function installTriggers(db: Database): boolean {
  try {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS stats_changes (value INTEGER NOT NULL);
      INSERT INTO stats_changes (value) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM stats_changes);`)
    for (const table of WATCHED) {
      for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
        db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS stats_${table}_${event.toLowerCase()} AFTER ${event} ON main.${table}
          BEGIN UPDATE stats_changes SET value = value + 1; END`)
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

function activityKey(db: Database, triggers: boolean): string {
  const others = db.pragma('data_version', { simple: true }) as number
  const own = triggers
    ? (db.prepare('SELECT value FROM temp.stats_changes').pluck().get() as number)
    : `t${db.prepare('SELECT total_changes()').pluck().get() as number}`
  return `${others}:${own}`
}

function buildActivities(db: Database, key: string): ActivityPart {
  const rows = db
    .prepare(
      `SELECT a.id, a.held_on AS heldOn, a.task_code AS taskCode, a.team,
              (SELECT group_concat(department_id) FROM activity_departments ad WHERE ad.activity_id = a.id) AS departments
       FROM activities a ORDER BY a.held_on, a.id`,
    )
    .all() as { id: number; heldOn: string; taskCode: number | null; team: string | null; departments: string | null }[]
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
  const activities = rows.map((row): ActivityEntry => {
    const [start, end] = runs.get(row.id) ?? [0, 0]
    return {
      id: row.id,
      heldOn: row.heldOn,
      taskCode: row.taskCode,
      team: row.team,
      departmentIds: row.departments ? row.departments.split(',').map(Number) : [],
      start,
      end,
    }
  })
  return { key, activities, volunteerIds, hours }
}

function volunteersVersion(db: Database): number {
  return db.prepare("SELECT value FROM change_counters WHERE name = 'volunteers'").pluck().get() as number
}

function buildVolunteers(db: Database, version: number): VolunteerPart {
  const rows = db
    .prepare(
      `SELECT id, name, gender, unit, county_code AS countyCode, category, id_number AS idNumber,
              deleted_at IS NOT NULL AS deleted
       FROM volunteers ORDER BY name_pinyin, id`,
    )
    .all() as (Omit<VolunteerEntry, 'deleted' | 'rank'> & { deleted: number })[]
  const byId: (VolunteerEntry | undefined)[] = []
  rows.forEach((row, rank) => {
    byId[row.id] = {
      id: row.id,
      name: row.name,
      gender: row.gender,
      unit: row.unit,
      countyCode: row.countyCode,
      category: row.category,
      idNumber: row.idNumber,
      deleted: row.deleted === 1,
      rank,
    }
  })
  return { version, byId, idByRank: Int32Array.from(rows, (row) => row.id) }
}

export interface ParticipationIndex {
  activities: readonly ActivityEntry[]
  volunteerIds: Int32Array
  hours: Float64Array
  volunteers: readonly (VolunteerEntry | undefined)[]
  idByRank: Int32Array
  parts: [ActivityPart, VolunteerPart]
}

function current(db: Database, found: Indexes): ParticipationIndex {
  const key = activityKey(db, found.triggers)
  const activities = found.activities?.key === key ? found.activities : buildActivities(db, key)
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
  if (db.inTransaction) return current(db, found)
  const index = db.transaction(() => current(db, found))()
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
