// Where backups of a database live and how they are named (ledger-YYYYMMDD-HHMMSS-mmm-<reason>.db),
// shared by backup.ts and the backup that open.ts makes before an upgrade's migrations.
import { dirname, join } from 'node:path'

export type BackupReason = 'daily' | 'import' | 'restore' | 'manual' | 'undo' | 'upgrade'

export const BACKUP_FILE = /^ledger-\d{8}-\d{6}-\d{3}-\w+\.db$/

export function backupDirOf(dbPath: string): string {
  return join(dirname(dbPath), 'backups')
}

function stamp(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}-${pad(date.getMilliseconds(), 3)}`
}

export function backupFileName(date: Date, reason: BackupReason): string {
  return `ledger-${stamp(date)}-${reason}.db`
}

/** The prefix every backup made on that date's day starts with. */
export function backupDayPrefix(date: Date): string {
  return `ledger-${stamp(date).slice(0, 8)}`
}
