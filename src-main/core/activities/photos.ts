// Activity photos. The original goes into photos/ in the data folder, named by its SHA-256 so the
// same picture is stored once and a backup copies only what is new; the thumbnail (made by the
// renderer, which has a canvas) lives in the database.
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import type { CoreContext } from '../context'
import { CoreError } from '../errors'
import { OWNER_ONLY_DIR, OWNER_ONLY_FILE } from '../fileModes'
import { detectPhotoKind, PHOTO_EXTENSION, stripPhotoMetadata } from './photoMetadata'

export const PHOTO_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
}
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024

export interface PhotoView {
  id: number
  originalName: string
  bytes: number
  thumb: Uint8Array | null
  addedAt: string
}

function photoDir(ctx: Pick<CoreContext, 'dataDir'>): string {
  return join(ctx.dataDir, 'photos')
}

export function addPhoto(
  ctx: CoreContext,
  activityId: number,
  photo: { name: string; data: Uint8Array; thumb?: Uint8Array },
): number {
  if (photo.data.byteLength > MAX_PHOTO_BYTES)
    throw new CoreError('FILE', `照片“${photo.name}”超过 20 MB，请压缩后再添加。`)
  // The type is read from the content, never from the name: a renamed file is not a photo.
  const kind = detectPhotoKind(photo.data)
  if (!kind) throw new CoreError('FILE', `照片“${photo.name}”不是 JPG、PNG 或 WebP 图片（按文件内容判断）。`)
  const data = stripPhotoMetadata(photo.data, kind)
  if (!data) throw new CoreError('FILE', `照片“${photo.name}”已损坏，无法读取图片结构。`)
  const extension = PHOTO_EXTENSION[kind]
  const exists = ctx.db.prepare('SELECT 1 FROM activities WHERE id = ?').get(activityId)
  if (!exists) throw new CoreError('NOT_FOUND', `找不到编号为 ${activityId} 的活动。`)
  const file = `${createHash('sha256').update(data).digest('hex')}${extension}`
  mkdirSync(photoDir(ctx), { recursive: true, mode: OWNER_ONLY_DIR })
  const path = join(photoDir(ctx), file)
  if (!existsSync(path)) writeFileSync(path, data, { mode: OWNER_ONLY_FILE })
  const result = ctx.db
    .prepare(
      'INSERT INTO activity_photos (activity_id, file, original_name, bytes, thumb, added_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    .run(activityId, `photos/${file}`, photo.name, data.byteLength, photo.thumb ?? null, ctx.now().toISOString())
  return Number(result.lastInsertRowid)
}

export function listPhotos(ctx: CoreContext, activityId: number): PhotoView[] {
  const rows = ctx.db
    .prepare(
      'SELECT id, original_name AS originalName, bytes, thumb, added_at AS addedAt FROM activity_photos WHERE activity_id = ? ORDER BY id',
    )
    .all(activityId) as (Omit<PhotoView, 'thumb'> & { thumb: Buffer | null })[]
  return rows.map((row) => ({ ...row, thumb: row.thumb ? new Uint8Array(row.thumb) : null }))
}

export function readPhoto(ctx: CoreContext, id: number): { name: string; type: string; data: Uint8Array } {
  const row = ctx.db.prepare('SELECT file, original_name AS name FROM activity_photos WHERE id = ?').get(id) as
    { file: string; name: string } | undefined
  if (!row) throw new CoreError('NOT_FOUND', `找不到编号为 ${id} 的照片。`)
  const path = join(ctx.dataDir, row.file)
  if (!existsSync(path)) throw new CoreError('FILE', `照片文件已丢失：${row.file}，可从备份中恢复。`)
  return {
    name: row.name,
    type: PHOTO_TYPES[extname(row.file)] ?? 'application/octet-stream',
    data: new Uint8Array(readFileSync(path)),
  }
}

/** The row goes; the file stays while another activity still shows the same picture. */
export function removePhoto(ctx: CoreContext, id: number): void {
  ctx.db.prepare('DELETE FROM activity_photos WHERE id = ?').run(id)
}

/** Copies photos a backup folder does not have yet; photo files never change, so names suffice. */
export function syncPhotoFolder(from: string, to: string): number {
  if (!existsSync(from)) return 0
  mkdirSync(to, { recursive: true, mode: OWNER_ONLY_DIR })
  const present = new Set(readdirSync(to))
  let copied = 0
  for (const file of readdirSync(from)) {
    if (present.has(file)) continue
    copyFileSync(join(from, file), join(to, file))
    copied++
  }
  return copied
}

export { photoDir }
