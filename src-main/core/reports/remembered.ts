// The figures of a statistics screen, kept until anything is written. The key is PRAGMA
// data_version (moves when another connection — the CLI, an import worker — commits) with
// total_changes() (every row this connection has inserted, updated or deleted, never rolled back),
// so any write at all, by anyone, makes the next call compute afresh. Figures read inside a
// transaction are never kept. Callers get a copy, so nobody can change what is kept.
import type { Database } from 'better-sqlite3'

const LIMIT = 32

interface Kept {
  key: string
  entries: Map<string, unknown>
}

const kept = new WeakMap<Database, Kept>()

function writeKey(db: Database): string {
  const others = db.pragma('data_version', { simple: true }) as number
  return `${others}:${db.prepare('SELECT total_changes()').pluck().get() as number}`
}

/** `compute()`'s value for these arguments, from the last call when nothing has been written since. */
export function remembered<T>(db: Database, name: string, args: readonly unknown[], compute: () => T): T {
  if (db.inTransaction) return compute()
  const key = writeKey(db)
  let cache = kept.get(db)
  if (cache?.key !== key) {
    cache = { key, entries: new Map() }
    kept.set(db, cache)
  }
  const id = JSON.stringify([name, ...args])
  if (cache.entries.has(id)) return structuredClone(cache.entries.get(id)) as T
  const value = compute()
  if (cache.entries.size >= LIMIT) cache.entries.delete(cache.entries.keys().next().value as string)
  cache.entries.set(id, structuredClone(value))
  return value
}
