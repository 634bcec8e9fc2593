import type { Database } from 'better-sqlite3'
import type { OpenOptions } from './db/open'
import type { AppLog } from './log/appLog'
import type { ParsePool } from './import/parsePool'

/** Progress of a long job, sent to whichever host is listening (IPC, CLI stderr, test bridge). */
export interface ProgressEvent {
  job: string
  phase: string
  done: number
  total: number
  file?: string
  message?: string
}

/** Everything a handler may touch. Hosts build one per open database; handlers receive it first. */
export interface CoreContext {
  /** Replaced when a backup is restored, so read it from the context each time. */
  db: Database
  openOptions: OpenOptions
  /** The database file path; backups and photos live beside it. */
  dbPath: string
  dataDir: string
  now: () => Date
  progress: (event: ProgressEvent) => void
  /** The support log in <data folder>/logs; lines are masked, see log/appLog.ts. */
  log: AppLog
  /** Reads import files in worker threads; started on the first import, closed by closeContext. */
  parsePool: ParsePool
  /**
   * HTML → PDF, given by hosts that can render it (the CLI and the tests through Chromium,
   * src-main/cli/renderPdf.ts). The core itself never loads a browser; without it a PDF is refused.
   */
  renderPdf?: (html: string) => Promise<Uint8Array>
  /** Set by security.lock (the idle lock); while true only unlocking is answered. */
  locked?: boolean
}
