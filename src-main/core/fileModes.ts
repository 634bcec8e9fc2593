// Owner-only permissions for everything the ledger writes into its data folder: on a shared office
// PC other accounts must not read the roster, its backups or its photos (PIPL). No-ops on Windows,
// where the user's profile folder is already private.
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export const OWNER_ONLY_DIR = 0o700
export const OWNER_ONLY_FILE = 0o600

/** Writes a file the ledger makes (an export, a print, a reply workbook) readable by its owner alone. */
export function writeOwnerOnly(path: string, data: Uint8Array | string): void {
  writeFileSync(path, data, { mode: OWNER_ONLY_FILE })
  // The mode applies only when the file is created: one written over keeps its old mode otherwise.
  chmodSync(path, OWNER_ONLY_FILE)
}

/** Creates a folder (and its missing parents) owner-only; a folder that exists keeps its permissions. */
export function mkdirOwnerOnly(path: string): void {
  mkdirSync(path, { recursive: true, mode: OWNER_ONLY_DIR })
}

/**
 * Makes a folder of the ledger's own (backups, photos, logs) and what is in it owner-only if it is not:
 * a ledger from a version before owner-only permissions left them readable by every account. A
 * folder already 0700 is passed over at once, so a start does not stat thousands of photos.
 */
export function tightenOwnerOnly(dir: string): void {
  if (process.platform === 'win32') return
  let mode: number
  try {
    mode = statSync(dir).mode
  } catch {
    return
  }
  if ((mode & 0o077) === 0) return
  chmodSync(dir, OWNER_ONLY_DIR)
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) tightenOwnerOnly(path)
    else if (entry.isFile()) chmodSync(path, OWNER_ONLY_FILE)
  }
}
