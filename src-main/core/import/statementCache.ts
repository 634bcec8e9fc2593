import type { Database, Statement } from 'better-sqlite3'

/**
 * The roster repository prepares its statement on every call, which is fine for one edit and
 * costs seconds over 100,000 imported rows. This view of the database hands back one prepared
 * statement per SQL text for the length of a batch; everything else goes to the database itself.
 */
export function withStatementCache(db: Database): Database {
  const statements = new Map<string, Statement>()
  return new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') {
        return (sql: string) => {
          let statement = statements.get(sql)
          if (!statement) statements.set(sql, (statement = target.prepare(sql)))
          return statement
        }
      }
      const value = Reflect.get(target, property, target) as unknown
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    },
  })
}
