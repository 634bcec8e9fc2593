// The app's own log for support: a few lines a day (start, migrations, backups, batches, unexpected
// errors) in <data folder>/logs, rotated by size, never holding an ID or phone number (PIPL): every
// line goes through the same masking as the screens, whatever a caller passes in.
import { appendFileSync, chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { maskNumbersInText } from '../domain/mask'
import { OWNER_ONLY_DIR, OWNER_ONLY_FILE } from '../fileModes'

export type LogLevel = 'info' | 'warn' | 'error'

export interface AppLog {
  write: (level: LogLevel, event: string, detail?: Record<string, unknown>) => void
}

export interface AppLogOptions {
  now: () => Date
  /** Size at which app.log is moved to app.1.log (and app.1 to app.2, …). */
  maxBytes?: number
  files?: number
}

export const LOG_FILE = 'app.log'

function rotate(dir: string, files: number): void {
  rmSync(join(dir, `app.${files - 1}.log`), { force: true })
  for (let index = files - 2; index >= 1; index--) {
    const from = join(dir, `app.${index}.log`)
    if (existsSync(from)) renameSync(from, join(dir, `app.${index + 1}.log`))
  }
  renameSync(join(dir, LOG_FILE), join(dir, 'app.1.log'))
}

export function createAppLog(dir: string, options: AppLogOptions): AppLog {
  const maxBytes = options.maxBytes ?? 1024 * 1024
  const files = Math.max(2, options.files ?? 5)
  const path = join(dir, LOG_FILE)
  return {
    write: (level, event, detail) => {
      try {
        mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR })
        if (existsSync(path) && statSync(path).size >= maxBytes) rotate(dir, files)
        const line = maskNumbersInText(JSON.stringify({ at: options.now().toISOString(), level, event, ...detail }))
        appendFileSync(path, `${line}\n`, { mode: OWNER_ONLY_FILE })
        chmodSync(path, OWNER_ONLY_FILE)
      } catch {
        // A full or read-only disk must not turn a log line into a failed operation.
      }
    },
  }
}
