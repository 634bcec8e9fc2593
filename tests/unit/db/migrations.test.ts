// Each migration is tested the way Signal-Desktop tests theirs: build the schema one step before,
// put rows in, migrate one step, and check that the rows survived and the new tables behave.
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import type { Database } from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadMigrations, migrate, MIGRATIONS_DIR } from '../../../src-main/core/db/migrate'

const ALL = loadMigrations()

function databaseAt(version: number): Database {
  const db = new BetterSqlite3(':memory:')
  db.pragma('foreign_keys = ON')
  migrate(db, ALL.slice(0, version))
  return db
}

function migrateTo(db: Database, version: number): void {
  migrate(db, ALL.slice(0, version))
  expect(db.pragma('user_version', { simple: true })).toBe(version)
}

const AT = '2026-11-29T08:00:00.000Z'

function insertVolunteer(db: Database, idNumber = '622901198503120012'): number {
  return Number(
    db
      .prepare(
        `INSERT INTO volunteers (id_number, name, gender, birth, name_pinyin, search_text, created_at, updated_at)
         VALUES (?, '马建国', '男', '1985.03', 'majianguo', 'majianguo mjg', ?, ?)`,
      )
      .run(idNumber, AT, AT).lastInsertRowid,
  )
}

function insertBatch(db: Database): number {
  return Number(
    db.prepare("INSERT INTO import_batches (form, created_at, files, counts) VALUES ('roster', ?, '[]', '{}')").run(AT)
      .lastInsertRowid,
  )
}

function insertActivity(db: Database): number {
  db.prepare("INSERT OR IGNORE INTO tasks (code, name) VALUES (2, '送教下乡')").run()
  return Number(
    db
      .prepare(
        "INSERT INTO activities (name, task_code, held_on, created_at, updated_at) VALUES ('名师送教', 2, '2026-10-15', ?, ?)",
      )
      .run(AT, AT).lastInsertRowid,
  )
}

/** One entry per migration file: a migration without a test here fails the suite. */
const MIGRATION_TESTS: Record<number, (db: Database) => void> = {
  1: (db) => {
    migrateTo(db, 1)
    insertVolunteer(db)
    expect(() => insertVolunteer(db)).toThrow(/UNIQUE/)
    expect(() => db.prepare("INSERT INTO leading_group (role, name) VALUES ('主任', '张')").run()).toThrow(/CHECK/)
  },
  2: (db) => {
    const volunteer = insertVolunteer(db)
    migrateTo(db, 2)
    expect(db.prepare('SELECT name FROM volunteers WHERE id = ?').pluck().get(volunteer)).toBe('马建国')
    const batch = insertBatch(db)
    db.prepare(
      "INSERT INTO import_files (batch_id, position, name, status, counts) VALUES (?, 0, '学校1.xlsx', 'imported', '{}')",
    ).run(batch)
    db.prepare('DELETE FROM import_batches WHERE id = ?').run(batch)
    expect(db.prepare('SELECT COUNT(*) FROM import_files').pluck().get()).toBe(0)
  },
  3: (db) => {
    const volunteer = insertVolunteer(db)
    const batch = insertBatch(db)
    migrateTo(db, 3)
    expect(db.prepare('SELECT COUNT(*) FROM import_batches WHERE id = ?').pluck().get(batch)).toBe(1)
    const activity = insertActivity(db)
    db.prepare('INSERT INTO participations (activity_id, volunteer_id, hours) VALUES (?, ?, 3)').run(
      activity,
      volunteer,
    )
    expect(() =>
      db
        .prepare('INSERT INTO participations (activity_id, volunteer_id, hours) VALUES (?, ?, 25)')
        .run(activity, insertVolunteer(db, '622901199007150027')),
    ).toThrow(/CHECK/)
    db.prepare('DELETE FROM activities WHERE id = ?').run(activity)
    expect(db.prepare('SELECT COUNT(*) FROM participations').pluck().get()).toBe(0)
  },
  4: (db) => {
    const activity = insertActivity(db)
    const batch = insertBatch(db)
    migrateTo(db, 4)
    expect(db.prepare('SELECT name FROM activities WHERE id = ?').pluck().get(activity)).toBe('名师送教')
    db.prepare(
      "INSERT INTO import_records (batch_id, entity, entity_id, action) VALUES (?, 'activity', ?, 'created')",
    ).run(batch, activity)
    expect(() =>
      db
        .prepare(
          "INSERT INTO import_records (batch_id, entity, entity_id, action) VALUES (?, 'volunteer', 1, 'created')",
        )
        .run(batch),
    ).toThrow(/CHECK/)
    db.prepare('DELETE FROM import_batches WHERE id = ?').run(batch)
    expect(db.prepare('SELECT COUNT(*) FROM import_records').pluck().get()).toBe(0)
  },
  5: (db) => {
    const volunteer = insertVolunteer(db)
    const activity = insertActivity(db)
    migrateTo(db, 5)
    expect(db.prepare('SELECT name FROM activities WHERE id = ?').pluck().get(activity)).toBe('名师送教')
    const insert = db.prepare(
      `INSERT INTO certificates (year, seq, number, volunteer_id, volunteer_name, period_from, period_to, activities, hours, snapshot, issued_on, issued_at)
       VALUES (2026, ?, ?, ?, '马建国', '2026-01-01', '2026-12-31', 1, 3, '{}', '2026-11-29', ?)`,
    )
    insert.run(1, '临教志证〔2026〕第0001号', volunteer, AT)
    expect(() => insert.run(1, '临教志证〔2026〕第0001号X', volunteer, AT)).toThrow(/UNIQUE/)
    expect(() => db.prepare('DELETE FROM certificates').run()).toThrow(/不可删除/)
    expect(() => db.prepare("UPDATE certificates SET snapshot = '[]'").run()).toThrow(/不可修改/)
    expect(() => db.prepare('UPDATE certificates SET voided_at = ?').run(AT)).toThrow(/CHECK/)
    db.prepare("UPDATE certificates SET voided_at = ?, void_reason = '填错'").run(AT)
    expect(() => db.prepare('INSERT INTO certificate_counters (year, last_seq) VALUES (2026, 0)').run()).toThrow(
      /CHECK/,
    )
  },
  6: (db) => {
    const volunteer = insertVolunteer(db)
    const activity = insertActivity(db)
    const batch = insertBatch(db)
    db.prepare(
      "INSERT INTO participations (activity_id, volunteer_id, hours, note, batch_id) VALUES (?, ?, 3.5, '带队', ?)",
    ).run(activity, volunteer, batch)
    migrateTo(db, 6)
    // The rebuilt table kept the row as it was, and the recorded activity still counts as 集中服务.
    expect(
      db.prepare('SELECT activity_id, volunteer_id, hours, note, batch_id, late FROM participations').all(),
    ).toEqual([{ activity_id: activity, volunteer_id: volunteer, hours: 3.5, note: '带队', batch_id: batch, late: 0 }])
    expect(
      db.prepare('SELECT concentrated, late, leader, ended_on FROM activities WHERE id = ?').get(activity),
    ).toEqual({ concentrated: 1, late: 0, leader: null, ended_on: null })
    // 24 a day is the core's rule now: a five-day trip may carry 30 hours; 0 is still refused.
    const other = insertVolunteer(db, '622901199007150027')
    db.prepare('INSERT INTO participations (activity_id, volunteer_id, hours) VALUES (?, ?, 30)').run(activity, other)
    expect(() => db.prepare('UPDATE participations SET hours = 0 WHERE volunteer_id = ?').run(other)).toThrow(/CHECK/)
    expect(() => db.prepare('UPDATE activities SET concentrated = 2').run()).toThrow(/CHECK/)
    expect(
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'participations' ORDER BY name")
        .pluck()
        .all(),
    ).toEqual(['participations_late', 'participations_volunteer'])
    // Deleting an activity still takes its participations with it, and the hours log outlives them.
    db.prepare(
      "INSERT INTO hours_changes (activity_id, volunteer_id, activity_name, held_on, before, after, reason, at) VALUES (?, ?, '名师送教', '2026-10-15', 3.5, NULL, '删除活动', ?)",
    ).run(activity, volunteer, AT)
    db.prepare('DELETE FROM activities WHERE id = ?').run(activity)
    expect(db.prepare('SELECT COUNT(*) FROM participations').pluck().get()).toBe(0)
    expect(db.prepare('SELECT COUNT(*) FROM hours_changes').pluck().get()).toBe(1)
  },
  7: (db) => {
    const volunteer = insertVolunteer(db)
    migrateTo(db, 7)
    // A volunteer recorded before keeps their row, with no number and no guardian.
    expect(
      db
        .prepare('SELECT name, volunteer_no, guardian_name, guardian_consent_on FROM volunteers WHERE id = ?')
        .get(volunteer),
    ).toEqual({ name: '马建国', volunteer_no: null, guardian_name: null, guardian_consent_on: null })
    db.prepare(
      "UPDATE volunteers SET volunteer_no = 'ZY6229010001', guardian_name = '马福', guardian_consent_on = '2026-09-01' WHERE id = ?",
    ).run(volunteer)
    expect(db.prepare('SELECT volunteer_no FROM volunteers WHERE id = ?').pluck().get(volunteer)).toBe('ZY6229010001')
  },
  8: (db) => {
    const volunteer = insertVolunteer(db)
    const batch = insertBatch(db)
    migrateTo(db, 8)
    // The roster is untouched; training and awards start empty and keep their rules in the table too.
    expect(db.prepare('SELECT name FROM volunteers WHERE id = ?').pluck().get(volunteer)).toBe('马建国')
    const training = Number(
      db
        .prepare(
          "INSERT INTO trainings (name, hours, started_on, import_batch_id, created_at, updated_at) VALUES ('骨干培训', 3.5, '2026-05-10', ?, ?, ?)",
        )
        .run(batch, AT, AT).lastInsertRowid,
    )
    db.prepare('INSERT INTO training_participants (training_id, volunteer_id) VALUES (?, ?)').run(training, volunteer)
    expect(() =>
      db
        .prepare(
          "INSERT INTO trainings (name, hours, started_on, created_at, updated_at) VALUES ('x', 0, '2026-05-10', ?, ?)",
        )
        .run(AT, AT),
    ).toThrow(/CHECK/)
    expect(() =>
      db
        .prepare(
          "INSERT INTO awards (name, awarded_on, granted_by, level, created_at, updated_at) VALUES ('优秀志愿者', '2026-12-01', '州教育局', '市级', ?, ?)",
        )
        .run(AT, AT),
    ).toThrow(/CHECK/)
    // Deleting a training takes its participants; deleting the batch only forgets where it came from.
    db.prepare('DELETE FROM import_batches WHERE id = ?').run(batch)
    expect(db.prepare('SELECT import_batch_id FROM trainings WHERE id = ?').pluck().get(training)).toBeNull()
    db.prepare('DELETE FROM trainings WHERE id = ?').run(training)
    expect(db.prepare('SELECT COUNT(*) FROM training_participants').pluck().get()).toBe(0)
  },
}

describe('each migration, from the version before it', () => {
  it('has a test for every migration file', () => {
    expect(Object.keys(MIGRATION_TESTS).map(Number)).toEqual(ALL.map((migration) => migration.version))
  })

  for (const migration of ALL) {
    it(`migrates ${migration.name} over rows written by version ${migration.version - 1}`, () => {
      const db = databaseAt(migration.version - 1)
      try {
        MIGRATION_TESTS[migration.version]?.(db)
        expect(db.pragma('foreign_key_check')).toEqual([])
      } finally {
        db.close()
      }
    })
  }
})

describe('the migrations folder', () => {
  let dir: string

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-migrations-'))
    for (const file of readdirSync(MIGRATIONS_DIR)) copyFileSync(join(MIGRATIONS_DIR, file), join(dir, file))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('loads the real folder as 1…N without gaps', () => {
    expect(loadMigrations(dir).map((migration) => migration.version)).toEqual(ALL.map((_, index) => index + 1))
  })

  it('refuses a file whose name is not NNN_name.sql instead of skipping it', () => {
    writeFileSync(join(dir, '5_certificates.sql'), 'SELECT 1;')
    expect(() => loadMigrations(dir)).toThrow(/迁移文件名不合规：5_certificates\.sql/)
  })

  it('refuses a stray file beside the migrations (an editor backup, a note) instead of skipping it', () => {
    writeFileSync(join(dir, '001_init.sql.bak'), 'SELECT 1;')
    expect(() => loadMigrations(dir)).toThrow(/迁移文件名不合规：001_init\.sql\.bak/)
  })

  it('refuses a repeated number', () => {
    writeFileSync(join(dir, `${String(ALL.length).padStart(3, '0')}_again.sql`), 'SELECT 1;')
    expect(() => loadMigrations(dir)).toThrow(/重复/)
  })

  it('refuses a missing number', () => {
    writeFileSync(join(dir, `${String(ALL.length + 2).padStart(3, '0')}_later.sql`), 'SELECT 1;')
    expect(() => loadMigrations(dir)).toThrow(new RegExp(`缺少第 ${ALL.length + 1} 号`))
  })

  it('is what migrate() reads when start-up gives it no list: the real folder, up to the latest version', () => {
    const db = new BetterSqlite3(':memory:')
    expect(migrate(db)).toBe(ALL.length)
    expect(db.pragma('user_version', { simple: true })).toBe(ALL.length)
    db.close()
  })

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const db = new BetterSqlite3(':memory:')
    db.pragma(`user_version = ${ALL.length + 1}`)
    expect(() => migrate(db, ALL)).toThrow(/数据库版本（\d+）比本程序（\d+）新/)
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(0)
    db.close()
  })

  it('applies a failing migration not at all: the schema and version stay where they were', () => {
    const db = databaseAt(ALL.length)
    const broken = {
      version: ALL.length + 1,
      name: 'broken.sql',
      sql: 'CREATE TABLE half_made (id INTEGER); SELECT nonsense FROM nowhere;',
    }
    expect(() => migrate(db, [...ALL, broken])).toThrow()
    expect(db.pragma('user_version', { simple: true })).toBe(ALL.length)
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_made'").pluck().get()).toBe(0)
    db.close()
  })
})
