// Star levels (星级志愿者) by cumulative service hours, counted from the activity records only.
// Thresholds are the clerk's (settings key starLevels); the defaults are the common national ones.
import type { Database } from 'better-sqlite3'
import { CoreError } from '../errors'

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

/** Who reached a level through service held in the period (each level once, in the order reached). */
export function levelsReached(db: Database, period: { from: string; to: string }): LevelReached[] {
  const thresholds = starThresholds(db)
  const lines = db
    .prepare(
      `SELECT p.volunteer_id AS volunteerId, v.name, v.unit, a.held_on AS heldOn, p.hours
       FROM participations p JOIN activities a ON a.id = p.activity_id JOIN volunteers v ON v.id = p.volunteer_id
       WHERE a.held_on <= @to AND p.volunteer_id IN (
         SELECT p2.volunteer_id FROM participations p2 JOIN activities a2 ON a2.id = p2.activity_id WHERE a2.held_on BETWEEN @from AND @to)
       ORDER BY p.volunteer_id, a.held_on, a.id`,
    )
    .all(period) as { volunteerId: number; name: string; unit: string | null; heldOn: string; hours: number }[]
  const reached: LevelReached[] = []
  let current = -1
  let total = 0
  for (const line of lines) {
    if (line.volunteerId !== current) [current, total] = [line.volunteerId, 0]
    const before = standing(total, thresholds).level
    total += line.hours
    const after = standing(total, thresholds)
    if (line.heldOn < period.from) continue
    for (let level = before + 1; level <= after.level; level++) {
      reached.push({
        volunteerId: line.volunteerId,
        name: line.name,
        unit: line.unit,
        level,
        label: STAR_LABELS[level - 1]!,
        reachedOn: line.heldOn,
        hours: after.hours,
      })
    }
  }
  return reached.sort(
    (a, b) => a.reachedOn.localeCompare(b.reachedOn) || b.level - a.level || a.volunteerId - b.volunteerId,
  )
}
