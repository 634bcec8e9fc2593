// How a host starts the core: open the database, build the context, invoke operations.
import { dirname } from 'node:path'
import type { CoreContext, ProgressEvent } from './context'
import { openDatabase, type OpenOptions } from './db/open'

export interface CoreOptions extends OpenOptions {
  now?: () => Date
  progress?: (event: ProgressEvent) => void
  renderPdf?: CoreContext['renderPdf']
}

export function createContext(dbPath: string, options: CoreOptions = {}): CoreContext {
  const { now, progress, renderPdf, ...openOptions } = options
  return {
    db: openDatabase(dbPath, openOptions),
    dbPath,
    dataDir: dirname(dbPath),
    openOptions,
    now: now ?? (() => new Date()),
    progress: progress ?? (() => {}),
    renderPdf,
  }
}

export { invoke, invokeEnveloped, api, isOperationName } from './api'
export type { Api, OperationName, OperationInput, OperationOutput, Envelope } from './api'
export type { CoreContext, ProgressEvent } from './context'
