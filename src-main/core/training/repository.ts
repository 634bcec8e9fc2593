// Trainings and awards in SQLite, with who took part / who was honoured. Reads only; the service
// writes them inside its transactions.
import type { Database } from 'better-sqlite3'
import { maskIdNumber } from '../domain'
import { CoreError } from '../errors'
import type { AwardLevel, AwardRecord, TrainingRecord } from './rules'

export interface Person {
  volunteerId: number
  name: string
  gender: string | null
  unit: string | null
  /** Masked: the screens never receive full ID numbers. */
  idMasked: string
}

export interface TrainingRow extends TrainingRecord {
  id: number
  people: number
  /** The first names, joined with 、, for the list. */
  names: string
}

export interface AwardRow extends AwardRecord {
  id: number
  people: number
  names: string
}

export interface ListFilters {
  year?: number
  q?: string
  offset: number
  limit: number
}

const TRAINING_COLUMNS = `t.id, t.name, t.content, t.hours, t.organizer, t.started_on AS startedOn,
  t.ended_on AS endedOn, t.note`
const AWARD_COLUMNS = `a.id, a.name, a.awarded_on AS awardedOn, a.granted_by AS grantedBy, a.level, a.note`

interface Kind {
  table: string
  alias: string
  columns: string
  dateColumn: string
  people: string
  key: string
  label: string
}

const TRAINING: Kind = {
  table: 'trainings',
  alias: 't',
  columns: TRAINING_COLUMNS,
  dateColumn: 't.started_on',
  people: 'training_participants',
  key: 'training_id',
  label: '培训',
}
const AWARD: Kind = {
  table: 'awards',
  alias: 'a',
  columns: AWARD_COLUMNS,
  dateColumn: 'a.awarded_on',
  people: 'award_recipients',
  key: 'award_id',
  label: '表彰',
}

function list<Row>(db: Database, kind: Kind, filters: ListFilters): { rows: Row[]; total: number } {
  const where: string[] = []
  const params: Record<string, unknown> = { offset: filters.offset, limit: filters.limit }
  if (filters.year) {
    where.push(`${kind.dateColumn} BETWEEN @from AND @to`)
    params.from = `${filters.year}-01-01`
    params.to = `${filters.year}-12-31`
  }
  if (filters.q?.trim()) {
    // A training or award is found by its own name or by a person's name in it.
    where.push(`(${kind.alias}.name LIKE @q OR EXISTS (SELECT 1 FROM ${kind.people} p JOIN volunteers v ON v.id = p.volunteer_id
      WHERE p.${kind.key} = ${kind.alias}.id AND v.name LIKE @q))`)
    params.q = `%${filters.q.trim()}%`
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const total = db.prepare(`SELECT count(*) FROM ${kind.table} ${kind.alias} ${clause}`).pluck().get(params) as number
  const rows = db
    .prepare(
      `SELECT ${kind.columns},
         (SELECT count(*) FROM ${kind.people} p WHERE p.${kind.key} = ${kind.alias}.id) AS people,
         (SELECT group_concat(name, '、') FROM (SELECT v.name FROM ${kind.people} p JOIN volunteers v ON v.id = p.volunteer_id
            WHERE p.${kind.key} = ${kind.alias}.id ORDER BY v.name_pinyin LIMIT 8)) AS names
       FROM ${kind.table} ${kind.alias} ${clause}
       ORDER BY ${kind.dateColumn} DESC, ${kind.alias}.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all(params) as (Row & { names: string | null })[]
  return { rows: rows.map((row) => ({ ...row, names: row.names ?? '' })), total }
}

function people(db: Database, kind: Kind, id: number): Person[] {
  const rows = db
    .prepare(
      `SELECT v.id AS volunteerId, v.name, v.gender, v.unit, v.id_number AS idNumber
       FROM ${kind.people} p JOIN volunteers v ON v.id = p.volunteer_id
       WHERE p.${kind.key} = ? ORDER BY v.name_pinyin, v.id`,
    )
    .all(id) as (Omit<Person, 'idMasked'> & { idNumber: string })[]
  return rows.map(({ idNumber, ...person }) => ({ ...person, idMasked: maskIdNumber(idNumber) }))
}

function one<Row>(db: Database, kind: Kind, id: number): Row {
  const row = db.prepare(`SELECT ${kind.columns} FROM ${kind.table} ${kind.alias} WHERE ${kind.alias}.id = ?`).get(id)
  if (!row) throw new CoreError('NOT_FOUND', `找不到${kind.label}记录 ${id}，可能已被删除。`)
  return row as Row
}

export const listTrainings = (db: Database, filters: ListFilters) => list<TrainingRow>(db, TRAINING, filters)
export const listAwards = (db: Database, filters: ListFilters) => list<AwardRow>(db, AWARD, filters)
export const getTraining = (db: Database, id: number) => one<TrainingRecord & { id: number }>(db, TRAINING, id)
export const getAward = (db: Database, id: number) => one<AwardRecord & { id: number }>(db, AWARD, id)
export const trainingPeople = (db: Database, id: number) => people(db, TRAINING, id)
export const awardPeople = (db: Database, id: number) => people(db, AWARD, id)

export function peopleIds(db: Database, kind: 'training' | 'award', id: number): number[] {
  const { people: table, key } = kind === 'training' ? TRAINING : AWARD
  return db
    .prepare(`SELECT volunteer_id FROM ${table} WHERE ${key} = ? ORDER BY volunteer_id`)
    .pluck()
    .all(id) as number[]
}

/** A volunteer's trainings and awards, for the service record. 学时 are never service hours. */
export interface VolunteerTraining {
  trainings: (TrainingRecord & { id: number })[]
  trainingHours: number
  awards: (AwardRecord & { id: number; level: AwardLevel | null })[]
}

export function volunteerTraining(
  db: Database,
  volunteerId: number,
  period?: { from: string; to: string },
): VolunteerTraining {
  const range = { volunteerId, from: period?.from ?? '0000-00-00', to: period?.to ?? '9999-12-31' }
  const trainings = db
    .prepare(
      `SELECT ${TRAINING_COLUMNS} FROM training_participants p JOIN trainings t ON t.id = p.training_id
       WHERE p.volunteer_id = @volunteerId AND t.started_on BETWEEN @from AND @to ORDER BY t.started_on, t.id`,
    )
    .all(range) as (TrainingRecord & { id: number })[]
  const awards = db
    .prepare(
      `SELECT ${AWARD_COLUMNS} FROM award_recipients p JOIN awards a ON a.id = p.award_id
       WHERE p.volunteer_id = @volunteerId AND a.awarded_on BETWEEN @from AND @to ORDER BY a.awarded_on, a.id`,
    )
    .all(range) as VolunteerTraining['awards']
  const trainingHours = Math.round(trainings.reduce((sum, training) => sum + training.hours, 0) * 10) / 10
  return { trainings, trainingHours, awards }
}

/** Finds a training by its name and first day, the key an import matches on. */
export function findTrainingId(db: Database, name: string, startedOn: string): number | null {
  return (
    (db
      .prepare('SELECT id FROM trainings WHERE name = ? AND started_on = ? ORDER BY id LIMIT 1')
      .pluck()
      .get(name, startedOn) as number | undefined) ?? null
  )
}

/** Finds an award by its name, date and granting body. */
export function findAwardId(db: Database, name: string, awardedOn: string, grantedBy: string): number | null {
  return (
    (db
      .prepare('SELECT id FROM awards WHERE name = ? AND awarded_on = ? AND granted_by = ? ORDER BY id LIMIT 1')
      .pluck()
      .get(name, awardedOn, grantedBy) as number | undefined) ?? null
  )
}

export function insertTraining(db: Database, record: TrainingRecord, at: string, batch: number | null = null): number {
  return Number(
    db
      .prepare(
        `INSERT INTO trainings (name, content, hours, organizer, started_on, ended_on, note, import_batch_id, created_at, updated_at)
         VALUES (@name, @content, @hours, @organizer, @startedOn, @endedOn, @note, @batch, @at, @at)`,
      )
      .run({ ...record, batch, at }).lastInsertRowid,
  )
}

export function updateTraining(db: Database, id: number, record: TrainingRecord, at: string): void {
  db.prepare(
    `UPDATE trainings SET name = @name, content = @content, hours = @hours, organizer = @organizer,
       started_on = @startedOn, ended_on = @endedOn, note = @note, updated_at = @at WHERE id = @id`,
  ).run({ ...record, id, at })
}

export function insertAward(db: Database, record: AwardRecord, at: string, batch: number | null = null): number {
  return Number(
    db
      .prepare(
        `INSERT INTO awards (name, awarded_on, granted_by, level, note, import_batch_id, created_at, updated_at)
         VALUES (@name, @awardedOn, @grantedBy, @level, @note, @batch, @at, @at)`,
      )
      .run({ ...record, batch, at }).lastInsertRowid,
  )
}

export function updateAward(db: Database, id: number, record: AwardRecord, at: string): void {
  db.prepare(
    `UPDATE awards SET name = @name, awarded_on = @awardedOn, granted_by = @grantedBy, level = @level,
       note = @note, updated_at = @at WHERE id = @id`,
  ).run({ ...record, id, at })
}

export function addPerson(
  db: Database,
  kind: 'training' | 'award',
  id: number,
  volunteerId: number,
  batch: number | null = null,
): void {
  const { people: table, key } = kind === 'training' ? TRAINING : AWARD
  db.prepare(`INSERT OR IGNORE INTO ${table} (${key}, volunteer_id, import_batch_id) VALUES (?, ?, ?)`).run(
    id,
    volunteerId,
    batch,
  )
}

export function removePerson(db: Database, kind: 'training' | 'award', id: number, volunteerId: number): void {
  const { people: table, key } = kind === 'training' ? TRAINING : AWARD
  db.prepare(`DELETE FROM ${table} WHERE ${key} = ? AND volunteer_id = ?`).run(id, volunteerId)
}
