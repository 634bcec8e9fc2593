// How a host starts the core: open the database, build the context, invoke operations.
import { dirname, join } from 'node:path'
import type { CoreContext, ProgressEvent } from './context'
import { openDatabase, type OpenOptions } from './db/open'
import { createAppLog } from './log/appLog'
import { tightenOwnerOnly } from './fileModes'
import { createParsePool, type ParsePoolOptions } from './import/parsePool'

export interface CoreOptions extends OpenOptions {
  now?: () => Date
  progress?: (event: ProgressEvent) => void
  /** How import files are read: worker count (0 = in process), worker script, heap and time limits. */
  parsing?: ParsePoolOptions
  renderPdf?: CoreContext['renderPdf']
}

export function createContext(dbPath: string, options: CoreOptions = {}): CoreContext {
  const { now, progress, parsing, renderPdf, ...openOptions } = options
  const clock = now ?? (() => new Date())
  const db = openDatabase(dbPath, { ...openOptions, now: clock })
  // Folders a version before owner-only permissions left readable by others are tightened once.
  if (dbPath !== ':memory:' && !openOptions.readonly)
    for (const folder of ['backups', 'photos', 'logs']) tightenOwnerOnly(join(dirname(dbPath), folder))
  const log = dbPath === ':memory:' ? { write: () => {} } : createAppLog(join(dirname(dbPath), 'logs'), { now: clock })
  log.write('info', 'open', {
    schema: db.pragma('user_version', { simple: true }),
    readonly: openOptions.readonly ?? false,
  })
  return {
    db,
    dbPath,
    dataDir: dirname(dbPath),
    openOptions,
    now: clock,
    progress: progress ?? (() => {}),
    log,
    parsePool: createParsePool(parsing),
    renderPdf,
  }
}

/** Closes the database and ends the parse workers (idle workers never hold a process open anyway). */
export async function closeContext(ctx: CoreContext): Promise<void> {
  ctx.db.close()
  await ctx.parsePool.close()
}

export { invoke, invokeEnveloped, api, isOperationName } from './api'
export type { Api, OperationName, OperationInput, OperationOutput, Envelope } from './api'
export type { CoreContext, ProgressEvent } from './context'
export type { ParsePoolOptions } from './import/parsePool'
