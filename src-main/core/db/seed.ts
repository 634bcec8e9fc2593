import type { Database } from 'better-sqlite3'
import {
  COUNTIES,
  DEPARTMENTS,
  EDUCATION_LEVELS,
  ETHNIC_GROUPS,
  POLITICAL_STATUSES,
  TASKS,
  TEAMS,
  VOLUNTEER_CATEGORIES,
} from '../domain'

function valueOf(entry: string | { value: string }): string {
  return typeof entry === 'string' ? entry : entry.value
}

/**
 * Reference data from DOMAIN.md, written once when the database is new. Later starts leave the
 * clerk's edits (renamed heads, added categories, new teams) alone.
 */
export function seedReferenceData(db: Database): void {
  const seeded = db.prepare("SELECT value FROM settings WHERE key = 'seeded'").get()
  if (seeded) return
  db.transaction(() => {
    const department = db.prepare('INSERT INTO departments (name, aliases, sort_order) VALUES (?, ?, ?)')
    DEPARTMENTS.forEach((entry, index) => department.run(entry.name, (entry.aliases ?? []).join('、'), index + 1))

    const task = db.prepare('INSERT INTO tasks (code, name, description) VALUES (?, ?, ?)')
    const taskDepartment = db.prepare(
      'INSERT INTO task_departments (task_code, department_id) SELECT ?, id FROM departments WHERE name = ?',
    )
    for (const entry of TASKS) {
      task.run(entry.code, entry.name, entry.description)
      for (const name of entry.departments) taskDepartment.run(entry.code, name)
    }

    const county = db.prepare('INSERT INTO counties (code, name, short_names, sort_order) VALUES (?, ?, ?, ?)')
    COUNTIES.forEach((entry, index) => county.run(entry.code, entry.name, entry.shortNames.join('、'), index + 1))

    const vocabulary = db.prepare('INSERT INTO vocabulary (kind, value, sort_order) VALUES (?, ?, ?)')
    const lists: [string, readonly (string | { value: string })[]][] = [
      ['ethnic', ETHNIC_GROUPS],
      ['political', POLITICAL_STATUSES],
      ['education', EDUCATION_LEVELS],
      ['category', VOLUNTEER_CATEGORIES],
    ]
    for (const [kind, values] of lists)
      values.forEach((entry, index) => vocabulary.run(kind, valueOf(entry), index + 1))

    const team = db.prepare(
      'INSERT INTO teams (name, parent_id, kind, note, sort_order) VALUES (?, (SELECT id FROM teams WHERE name = ?), ?, ?, ?)',
    )
    TEAMS.forEach((entry, index) => team.run(entry.name, entry.parent, entry.kind, entry.note, index + 1))

    db.prepare("INSERT INTO settings (key, value) VALUES ('seeded', ?)").run(new Date().toISOString())
  })()
}
