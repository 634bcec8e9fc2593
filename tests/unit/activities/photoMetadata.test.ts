// Photos lose their EXIF location (and XMP/text metadata) before they are stored, and their type is
// read from the bytes, not from the file name. The fixtures are built here, byte by byte.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { createContext, type CoreContext } from '../../../src-main/core/index'
import { detectPhotoKind, stripPhotoMetadata } from '../../../src-main/core/activities/photoMetadata'

const bytes = (...parts: (number[] | Uint8Array | string)[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))))
const u16 = (n: number) => [n >> 8, n & 0xff]
const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]
const segment = (marker: number, body: Buffer) => bytes([0xff, marker, ...u16(body.length + 2)], body)

/** A TIFF/Exif block with a GPS IFD: 35°36'N 103°12'E (临夏), big-endian. */
function exifWithGps(): Buffer {
  const rational = (n: number, d: number) => [...u32(n), ...u32(d)]
  // IFD0 at offset 8 with one entry (GPSInfo pointer 0x8825 → offset 26), then the GPS IFD.
  const ifd0 = [...u16(1), ...u16(0x8825), ...u16(4), ...u32(1), ...u32(26), ...u32(0)]
  const gpsEntries = 4
  const gpsValues = 26 + 2 + gpsEntries * 12 + 4
  const gps = [
    ...u16(gpsEntries),
    ...u16(1),
    ...u16(2),
    ...u32(2),
    ...Array.from(Buffer.from('N\0', 'latin1')),
    0,
    0,
    ...u16(2),
    ...u16(5),
    ...u32(3),
    ...u32(gpsValues),
    ...u16(3),
    ...u16(2),
    ...u32(2),
    ...Array.from(Buffer.from('E\0', 'latin1')),
    0,
    0,
    ...u16(4),
    ...u16(5),
    ...u32(3),
    ...u32(gpsValues + 24),
    ...u32(0),
    ...rational(35, 1),
    ...rational(36, 1),
    ...rational(0, 1),
    ...rational(103, 1),
    ...rational(12, 1),
    ...rational(0, 1),
  ]
  return bytes('Exif\0\0', 'MM', [0, 42], u32(8), ifd0, gps)
}

const XMP = 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>35,36N</exif:GPSLatitude></x:xmpmeta>'

function jpegWithGps(): Buffer {
  return bytes(
    [0xff, 0xd8],
    segment(0xe0, bytes('JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0])),
    segment(0xe1, exifWithGps()),
    segment(0xe1, bytes(XMP)),
    segment(0xdb, bytes([0], new Array(64).fill(1))),
    segment(0xda, bytes([1, 1, 0, 0, 63, 0])),
    [0x12, 0x34, 0xff, 0x00, 0x56],
    [0xff, 0xd9],
  )
}

function pngChunk(type: string, data: Buffer): Buffer {
  return bytes(u32(data.length), type, data, u32(0))
}

function pngWithText(): Buffer {
  return bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    pngChunk('IHDR', bytes(u32(1), u32(1), [8, 2, 0, 0, 0])),
    pngChunk('eXIf', exifWithGps().subarray(6)),
    pngChunk('tEXt', bytes('Comment\0GPS 35.6N 103.2E')),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    pngChunk('IEND', Buffer.alloc(0)),
  )
}

const hasGps = (data: Uint8Array) =>
  Buffer.from(data).includes(Buffer.from([...u16(0x8825)])) || Buffer.from(data).includes('GPS')

describe('photo metadata', () => {
  it('detects the type from the bytes', () => {
    expect(detectPhotoKind(jpegWithGps())).toBe('jpeg')
    expect(detectPhotoKind(pngWithText())).toBe('png')
    expect(detectPhotoKind(bytes('RIFF', u32(4), 'WEBP'))).toBe('webp')
    expect(detectPhotoKind(bytes('PK\u0003\u0004 a docx renamed .jpg'))).toBeNull()
  })

  it('removes the JPEG Exif (with its GPS block) and XMP segments and keeps the picture data', () => {
    const original = jpegWithGps()
    expect(hasGps(original)).toBe(true)
    const stripped = stripPhotoMetadata(original, 'jpeg')!
    expect(hasGps(stripped)).toBe(false)
    expect(Buffer.from(stripped).includes('Exif')).toBe(false)
    expect(Buffer.from(stripped).includes('xmpmeta')).toBe(false)
    expect(Buffer.from(stripped).includes('JFIF')).toBe(true)
    // Everything from the start of scan on is untouched.
    const scan = original.indexOf(Buffer.from([0xff, 0xda]))
    expect(
      Buffer.from(stripped)
        .subarray(stripped.length - (original.length - scan))
        .equals(original.subarray(scan)),
    ).toBe(true)
  })

  it('removes PNG eXIf and tEXt chunks and keeps IHDR, IDAT, IEND', () => {
    const stripped = Buffer.from(stripPhotoMetadata(pngWithText(), 'png')!)
    expect(hasGps(stripped)).toBe(false)
    for (const kept of ['IHDR', 'IDAT', 'IEND']) expect(stripped.includes(kept)).toBe(true)
    for (const gone of ['eXIf', 'tEXt']) expect(stripped.includes(gone)).toBe(false)
  })

  it('removes WebP EXIF and XMP chunks and fixes the RIFF size', () => {
    const chunk = (type: string, data: Buffer) =>
      bytes(type, [data.length & 0xff, (data.length >> 8) & 0xff, 0, 0], data, data.length % 2 ? [0] : [])
    const body = bytes(
      'WEBP',
      chunk('VP8X', Buffer.from([0x0c, 0, 0, 0, 0, 0, 0, 0, 0, 0])),
      chunk('VP8L', Buffer.from([1, 2, 3])),
      chunk('EXIF', exifWithGps().subarray(6)),
      chunk('XMP ', bytes(XMP)),
    )
    const webp = bytes('RIFF', [body.length & 0xff, (body.length >> 8) & 0xff, 0, 0], body)
    const stripped = Buffer.from(stripPhotoMetadata(webp, 'webp')!)
    expect(hasGps(stripped)).toBe(false)
    expect(stripped.readUInt32LE(4)).toBe(stripped.length - 8)
    expect(stripped[20]! & 0x0c).toBe(0)
    expect(stripped.includes('VP8L')).toBe(true)
  })

  it('refuses a broken JPEG rather than storing it', () => {
    expect(stripPhotoMetadata(bytes([0xff, 0xd8, 0xff, 0xe1, 0x7f, 0xff, 1, 2]), 'jpeg')).toBeNull()
  })
})

describe('activities.photo.add', () => {
  let dir: string
  let ctx: CoreContext
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-photo-'))
    ctx = createContext(join(dir, 'ledger.db'), { now: () => new Date('2026-06-15T10:00:00+08:00') })
  })
  afterEach(() => {
    ctx.db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('stores the photo without its GPS block, typed by content whatever its name says', async () => {
    const { id } = await invoke(ctx, 'activities.save', {
      fields: {
        name: '合唱节',
        heldOn: '2026-05-20',
        defaultHours: 2,
        leader: '张敏',
        lateReason: '年底集中补登',
      } as never,
      participants: [],
    })
    // A JPEG named .png: stored as the JPEG it is.
    const added = await invoke(ctx, 'activities.photo.add', { activityId: id, name: '合影.png', data: jpegWithGps() })
    const [file] = readdirSync(join(dir, 'photos'))
    expect(file).toMatch(/\.jpg$/)
    const onDisk = readFileSync(join(dir, 'photos', file!))
    expect(hasGps(onDisk)).toBe(false)
    const read = await invoke(ctx, 'activities.photo.read', { id: added.id })
    expect(read.type).toBe('image/jpeg')
    expect(hasGps(read.data)).toBe(false)
    await expect(
      invoke(ctx, 'activities.photo.add', { activityId: id, name: '合影.jpg', data: bytes('PK\u0003\u0004 a docx') }),
    ).rejects.toThrow(/照片“合影.jpg”不是 JPG、PNG 或 WebP 图片（按文件内容判断）/)
  })
})
