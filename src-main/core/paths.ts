import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_FOLDER = 'volunteer-ledger'
export const DB_FILE = 'ledger.db'

/**
 * The user's data folder, computed the way Electron computes userData, so the app and the CLI find
 * the same database without either depending on the other.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.VOLUNTEER_LEDGER_DATA) return env.VOLUNTEER_LEDGER_DATA
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER)
}

/** The default location; see settings/location.ts for a location the clerk chose. */
export function defaultDbPath(): string {
  return join(defaultDataDir(), DB_FILE)
}
