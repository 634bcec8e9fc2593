import type { Database } from 'better-sqlite3'
import type { PersonVocabulary } from '../domain'

export type VocabularyKind = 'ethnic' | 'political' | 'education' | 'category'

export function listVocabulary(db: Database, kind: VocabularyKind): string[] {
  const rows = db.prepare('SELECT value FROM vocabulary WHERE kind = ? ORDER BY sort_order, value').all(kind) as {
    value: string
  }[]
  return rows.map((row) => row.value)
}

/** The extendable lists the person rules check against: categories and team names. */
export function loadPersonVocabulary(db: Database): PersonVocabulary {
  const teams = db.prepare('SELECT name FROM teams ORDER BY sort_order, name').all() as { name: string }[]
  return { categories: listVocabulary(db, 'category'), teams: teams.map((team) => team.name) }
}

export function addVocabularyValue(db: Database, kind: VocabularyKind, value: string): void {
  db.prepare(
    `INSERT INTO vocabulary (kind, value, sort_order, builtin)
     VALUES (?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM vocabulary WHERE kind = ?), 0)
     ON CONFLICT DO NOTHING`,
  ).run(kind, value, kind)
}

export function removeVocabularyValue(db: Database, kind: VocabularyKind, value: string): number {
  return db.prepare('DELETE FROM vocabulary WHERE kind = ? AND value = ? AND builtin = 0').run(kind, value).changes
}
