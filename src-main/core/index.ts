// How a host starts the core: open the database, build the context, invoke operations.
import { dirname } from 'node:path'
import type { CoreContext, ProgressEvent } from './context'
import { openDatabase, type OpenOptions } from './db/open'
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
  return {
    db: openDatabase(dbPath, openOptions),
    dbPath,
    dataDir: dirname(dbPath),
    openOptions,
    now: now ?? (() => new Date()),
    progress: progress ?? (() => {}),
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
