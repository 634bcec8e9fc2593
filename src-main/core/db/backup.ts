import { chmodSync, copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { CoreContext } from '../context'
import { CoreError } from '../errors'
import { OWNER_ONLY_DIR, OWNER_ONLY_FILE } from '../fileModes'
import { openDatabase } from './open'
import { checkIntegrity } from './check'
import { copyEncrypted, isEncryptedFile } from './cipher'
import { syncPhotoFolder } from '../activities/photos'
import { recordAudit } from '../audit/audit'
import { operatorOf } from '../settings/settings'
import { BACKUP_FILE, backupDayPrefix, backupDirOf, backupFileName, type BackupReason } from './backupNames'
import { dropExpiredChangeRecords } from '../import/undoWindow'

/** How many backup files are kept; older ones are removed after each new backup. */
export const BACKUPS_KEPT = 30

export type { BackupReason } from './backupNames'

export interface BackupInfo {
  file: string
  path: string
  reason: string
  createdAt: string
  bytes: number
}

export function backupDir(ctx: Pick<CoreContext, 'dbPath'>): string {
  return backupDirOf(ctx.dbPath)
}

export function listBackups(ctx: Pick<CoreContext, 'dbPath'>): BackupInfo[] {
  const dir = backupDir(ctx)
  let files: string[]
  try {
    files = readdirSync(dir)
  } catch {
    return []
  }
  return files
    .filter((file) => BACKUP_FILE.test(file))
    .sort()
    .reverse()
    .map((file) => {
      const [, date, time, , reason] = file.replace(/\.db$/, '').split('-') as [string, string, string, string, string]
      const createdAt = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)} ${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}`
      const path = join(dir, file)
      return { file, path, reason, createdAt, bytes: statSync(path).size }
    })
}

/** Copies the live database with SQLite's online backup API, then prunes old copies. */
export async function createBackup(ctx: CoreContext, reason: BackupReason): Promise<BackupInfo> {
  const dir = backupDir(ctx)
  mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_DIR })
  const file = backupFileName(ctx.now(), reason)
  // Written under a temporary name and renamed when whole: a crash mid-copy leaves no half backup
  // among the ledger-*.db files a restore offers. The online backup API refuses an encrypted
  // source; VACUUM INTO copies it under the same key.
  const partial = join(dir, `${file}.partial`)
  if (isEncryptedFile(ctx.dbPath)) copyEncrypted(ctx.db, partial)
  else await ctx.db.backup(partial)
  chmodSync(partial, OWNER_ONLY_FILE)
  renameSync(partial, join(dir, file))
  ctx.log.write('info', 'backup', { reason, file })
  // Photos live beside the database; a backup carries every photo file it does not have yet.
  syncPhotoFolder(join(ctx.dataDir, 'photos'), join(dir, 'photos'))
  for (const old of listBackups(ctx).slice(BACKUPS_KEPT)) rmSync(old.path, { force: true })
  const made = listBackups(ctx).find((backup) => backup.file === file)
  if (!made) throw new CoreError('INTERNAL', `备份文件未能写入：${file}`)
  return made
}

/**
 * The first start of each day leaves one backup behind. Change records past the 撤销期限 are
 * dropped first, at every start, so the day's backup no longer holds them.
 */
export async function ensureDailyBackup(ctx: CoreContext): Promise<BackupInfo | null> {
  dropExpiredChangeRecords(ctx)
  const today = backupDayPrefix(ctx.now())
  if (listBackups(ctx).some((backup) => backup.file.startsWith(today))) return null
  return createBackup(ctx, 'daily')
}

/**
 * Replaces the live database with a backup. The current state is backed up first, so a restore
 * can itself be undone by restoring that copy.
 */
export async function restoreBackup(ctx: CoreContext, file: string): Promise<BackupInfo> {
  const source = listBackups(ctx).find((backup) => backup.file === basename(file))
  if (!source) throw new CoreError('NOT_FOUND', `找不到备份文件：${file}`)
  const probe = openDatabase(source.path, { readonly: true, password: ctx.openOptions.password })
  const report = checkIntegrity(probe)
  probe.close()
  if (!report.ok) throw new CoreError('FILE', `备份文件已损坏，不能恢复：${report.problems.join('；')}`)
  const safety = await createBackup(ctx, 'restore')
  ctx.db.close()
  for (const suffix of ['-wal', '-shm']) rmSync(ctx.dbPath + suffix, { force: true })
  replaceFile(source.path, ctx.dbPath)
  syncPhotoFolder(join(backupDir(ctx), 'photos'), join(ctx.dataDir, 'photos'))
  ctx.db = openDatabase(ctx.dbPath, { ...ctx.openOptions, now: ctx.now })
  return safety
}

/**
 * 清除旧备份: after a purge the clerk can make sure no backup still holds the person. A fresh
 * backup is made first (so one good copy always exists), then every other backup is deleted, and
 * backed-up photos no longer referenced by the live database go too.
 */
export async function purgeOldBackups(
  ctx: CoreContext,
): Promise<{ kept: BackupInfo; removed: number; photosRemoved: number }> {
  const kept = await createBackup(ctx, 'manual')
  let removed = 0
  for (const old of listBackups(ctx)) {
    if (old.file === kept.file) continue
    rmSync(old.path, { force: true })
    removed++
  }
  const live = new Set(
    (ctx.db.prepare('SELECT file FROM activity_photos').all() as { file: string }[]).map((row) => basename(row.file)),
  )
  const photos = join(backupDir(ctx), 'photos')
  let photosRemoved = 0
  for (const file of (() => {
    try {
      return readdirSync(photos)
    } catch {
      return []
    }
  })()) {
    if (live.has(file)) continue
    rmSync(join(photos, file), { force: true })
    photosRemoved++
  }
  recordAudit(ctx.db, ctx.now(), operatorOf(ctx.db), {
    action: 'purge',
    entity: 'backup',
    summary: `清除旧备份 ${removed} 份、照片 ${photosRemoved} 张，只保留刚做的备份 ${kept.file}`,
  })
  ctx.log.write('info', 'backup-purge', { removed, photosRemoved })
  return { kept, removed, photosRemoved }
}

/** Copies a file over another in one step for a crash: the copy is whole before it takes the name. */
export function replaceFile(source: string, target: string): void {
  const temporary = `${target}.restoring`
  copyFileSync(source, temporary)
  chmodSync(temporary, OWNER_ONLY_FILE)
  renameSync(temporary, target)
}
