// Where the ledger lives. The default is the user's data folder; the clerk may move it (to a
// larger disk, a folder that is backed up). The choice is kept in a small file in the default folder,
// read by the app and the CLI alike at start, so both open the same database.
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { isAbsolute, join, resolve } from 'node:path'
import type { CoreContext } from '../context'
import { DB_FILE, defaultDataDir } from '../paths'
import { CoreError } from '../errors'
import { copyEncrypted, isEncryptedFile } from '../db/cipher'
import { mkdirOwnerOnly, OWNER_ONLY_FILE, writeOwnerOnly } from '../fileModes'
import { photoDir, syncPhotoFolder } from '../activities/photos'

const LOCATION_FILE = 'location.json'

/** The database the app opens when no --db is given: the moved one, if the clerk moved it. */
export function configuredDbPath(baseDir = defaultDataDir()): string {
  return configuredLocation(baseDir).dbPath
}

/** As configuredDbPath, and whether the clerk chose it (then a missing file is not to be recreated). */
export function configuredLocation(baseDir = defaultDataDir()): { dbPath: string; chosen: boolean } {
  try {
    const stored = JSON.parse(readFileSync(join(baseDir, LOCATION_FILE), 'utf8')) as { dbPath?: unknown }
    if (typeof stored.dbPath === 'string' && isAbsolute(stored.dbPath)) return { dbPath: stored.dbPath, chosen: true }
  } catch {
    // No file, or a damaged one: the default location.
  }
  return { dbPath: join(baseDir, DB_FILE), chosen: false }
}

/**
 * Records the location for the next start. Written to a temporary file and renamed over the old one,
 * so a crash leaves either the old pointer or the new one, never half of it.
 */
export function saveLocation(dbPath: string, baseDir = defaultDataDir()): void {
  mkdirOwnerOnly(baseDir)
  const temporary = join(baseDir, `${LOCATION_FILE}.tmp`)
  writeFileSync(temporary, JSON.stringify({ dbPath }, null, 2), { mode: OWNER_ONLY_FILE })
  renameSync(temporary, join(baseDir, LOCATION_FILE))
}

/**
 * Copies the ledger (consistently: SQLite's backup API, or VACUUM INTO under the same key for an
 * encrypted one, which the backup API refuses) and its photos into another folder, owner-only, and
 * makes that the location from the next start on. An existing ledger there is never overwritten.
 */
export async function moveDataFolder(
  ctx: CoreContext,
  folder: string,
  baseDir = defaultDataDir(),
): Promise<{ dbPath: string }> {
  if (!isAbsolute(folder))
    throw new CoreError('INVALID_INPUT', `请填写完整的文件夹路径（如 D:\\志愿服务台账），而不是“${folder}”。`)
  const target = join(resolve(folder), DB_FILE)
  if (target === resolve(ctx.dbPath)) throw new CoreError('INVALID_INPUT', '新位置与当前数据位置相同。')
  if (existsSync(target))
    throw new CoreError('CONFLICT', `该文件夹中已有台账数据库（${target}），为免覆盖，请换一个空文件夹。`)
  try {
    // Folders made here are owner-only; a folder the clerk already had keeps its permissions.
    mkdirOwnerOnly(folder)
    // Photos first: once ledger.db is there the move has happened, so its photos must be there already.
    syncPhotoFolder(photoDir(ctx), photoDir({ dataDir: resolve(folder) }))
    // Copied under a temporary name and renamed when whole: a crash mid-copy leaves no ledger.db
    // there (the move simply did not happen), and the next attempt is not refused for it.
    const partial = `${target}.partial`
    if (existsSync(partial)) rmSync(partial)
    // Made empty and owner-only first, so the copy is never readable by others while it is written
    // (the folder may be one the clerk already had); VACUUM INTO and the backup API both take an empty file.
    writeOwnerOnly(partial, '')
    if (isEncryptedFile(ctx.dbPath)) copyEncrypted(ctx.db, partial)
    else await ctx.db.backup(partial)
    chmodSync(partial, OWNER_ONLY_FILE)
    renameSync(partial, target)
  } catch (error) {
    if (error instanceof CoreError) throw error
    throw new CoreError('FILE', `无法写入文件夹“${folder}”：请确认磁盘可写、空间足够。`)
  }
  saveLocation(target, baseDir)
  return { dbPath: target }
}
