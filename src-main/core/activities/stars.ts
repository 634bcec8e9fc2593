// Star levels (星级志愿者) by cumulative service hours, counted from the activity records only.
// Thresholds are the clerk's (settings key starLevels); the defaults are the common national ones.
import type { Database } from 'better-sqlite3'
import { CoreError } from '../errors'
import { participationIndex, periodRange } from '../reports/participationIndex'

export const DEFAULT_STAR_THRESHOLDS = [100, 300, 600, 1000, 1500] as const
export const STAR_LABELS = ['一星', '二星', '三星', '四星', '五星'] as const
const SETTING = 'starLevels'

const round = (hours: number) => Math.round(hours * 100) / 100

export function starThresholds(db: Database): number[] {
  const stored = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SETTING) as string | undefined
  return stored ? (JSON.parse(stored) as number[]) : [...DEFAULT_STAR_THRESHOLDS]
}

/** Five thresholds, each more than the one before: a level the clerk cannot reach in order is a mistake. */
export function saveStarThresholds(db: Database, thresholds: readonly number[]): number[] {
  if (thresholds.length !== STAR_LABELS.length)
    throw new CoreError('VALIDATION', `星级须设 ${STAR_LABELS.length} 档（一星至五星）。`)
  thresholds.forEach((hours, index) => {
    if (!(hours > 0) || hours > 100_000)
      throw new CoreError('VALIDATION', `${STAR_LABELS[index]}的时长“${hours}”应大于 0 小时。`)
    if (index > 0 && hours <= thresholds[index - 1]!) {
      throw new CoreError(
        'VALIDATION',
        `${STAR_LABELS[index]}的时长（${hours} 小时）须多于${STAR_LABELS[index - 1]}（${thresholds[index - 1]} 小时）。`,
      )
    }
  })
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(SETTING, JSON.stringify(thresholds))
  return [...thresholds]
}

export interface StarStanding {
  hours: number
  /** 0 below 一星, 1–5 for 一星…五星. */
  level: number
  label: string | null
  /** Hours still needed for the next level; null at 五星. */
  toNext: number | null
}

export function standing(hours: number, thresholds: readonly number[]): StarStanding {
  const total = round(hours)
  const level = thresholds.filter((threshold) => total >= threshold).length
  const next = thresholds[level]
  return {
    hours: total,
    level,
    label: level > 0 ? STAR_LABELS[level - 1]! : null,
    toNext: next === undefined ? null : round(next - total),
  }
}

/** Standing of the given volunteers (a roster page), by id. */
export function standingsOf(db: Database, volunteerIds: readonly number[]): Record<number, StarStanding> {
  const thresholds = starThresholds(db)
  const rows = db
    .prepare(
      `SELECT v.value AS volunteerId, coalesce((SELECT sum(hours) FROM participations p WHERE p.volunteer_id = v.value), 0) AS hours
       FROM json_each(?) v`,
    )
    .all(JSON.stringify(volunteerIds)) as { volunteerId: number; hours: number }[]
  return Object.fromEntries(rows.map((row) => [row.volunteerId, standing(row.hours, thresholds)]))
}

export interface LevelReached {
  volunteerId: number
  name: string
  unit: string | null
  level: number
  label: string
  /** The activity day on which the cumulative hours reached the level. */
  reachedOn: string
  hours: number
}

/**
 * Who reached a level through service held in the period (each level once, in the order reached).
 * Every participation up to the period's end, in the order held (day, then activity), over the
 * in-memory index (reports/participationIndex.ts): a volunteer's running total crosses a threshold
 * on the day a level is reached, and only crossings inside the period are listed.
 */
export function levelsReached(db: Database, period: { from: string; to: string }): LevelReached[] {
  const thresholds = starThresholds(db)
  const index = participationIndex(db)
  const size = index.volunteers.length
  const totals = new Float64Array(size)
  const levels = new Int8Array(size)
  const levelOf = (hours: number) => {
    const total = round(hours)
    let level = 0
    while (level < thresholds.length && total >= thresholds[level]!) level++
    return level
  }
  const reached: LevelReached[] = []
  const [, last] = periodRange(index.activities, period.from, period.to)
  for (let position = 0; position < last; position++) {
    const activity = index.activities[position]!
    const inPeriod = activity.heldOn >= period.from
    for (let at = activity.start; at < activity.end; at++) {
      const volunteerId = index.volunteerIds[at]!
      totals[volunteerId]! += index.hours[at]!
      const level = levelOf(totals[volunteerId]!)
      const before = levels[volunteerId]!
      if (level === before) continue
      levels[volunteerId] = level
      const volunteer = index.volunteers[volunteerId]
      if (!inPeriod || !volunteer) continue
      for (let next = before + 1; next <= level; next++) {
        reached.push({
          volunteerId,
          name: volunteer.name,
          unit: volunteer.unit,
          level: next,
          label: STAR_LABELS[next - 1]!,
          reachedOn: activity.heldOn,
          hours: round(totals[volunteerId]!),
        })
      }
    }
  }
  return reached.sort(
    (a, b) => a.reachedOn.localeCompare(b.reachedOn) || b.level - a.level || a.volunteerId - b.volunteerId,
  )
}
