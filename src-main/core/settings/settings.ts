import type { Database } from 'better-sqlite3'

/** Settings the clerk edits; the unit name fills 填报单位 on every exported form. */
export interface Settings {
  unitName: string
  operatorName: string
  /** 撤销期限: days after which an import can no longer be undone and its change records are dropped. */
  undoDays: number
}

export const DEFAULT_SETTINGS: Settings = {
  unitName: '临夏州教育局',
  operatorName: '',
  undoDays: 30,
}

export function readSettings(db: Database): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]
  const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]))
  return {
    unitName: stored.unitName ?? DEFAULT_SETTINGS.unitName,
    operatorName: stored.operatorName ?? DEFAULT_SETTINGS.operatorName,
    undoDays: Number(stored.undoDays ?? DEFAULT_SETTINGS.undoDays),
  }
}

export function writeSettings(db: Database, changes: Partial<Settings>): Settings {
  const upsert = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  )
  db.transaction(() => {
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) upsert.run(key, String(value))
    }
  })()
  return readSettings(db)
}

export function operatorOf(db: Database): string | null {
  return readSettings(db).operatorName || null
}
