// Photos are checked by their content (magic bytes), not by their name, and lose the metadata that
// can say where and when they were taken (EXIF GPS, XMP, text chunks) before they are stored.
// The picture data itself is copied byte for byte: nothing is re-encoded.

export type PhotoKind = 'jpeg' | 'png' | 'webp'

export const PHOTO_EXTENSION: Record<PhotoKind, string> = { jpeg: '.jpg', png: '.png', webp: '.webp' }

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length))

export function detectPhotoKind(bytes: Uint8Array): PhotoKind | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  if (bytes.length > 8 && PNG_SIGNATURE.every((byte, index) => bytes[index] === byte)) return 'png'
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp'
  return null
}

/** APP1 carries Exif and XMP; APP13 carries Photoshop/IPTC records (which can hold a location too). */
const JPEG_DROPPED = new Set([0xe1, 0xed])

function stripJpeg(bytes: Uint8Array): Uint8Array | null {
  const kept: Uint8Array[] = [bytes.subarray(0, 2)]
  let at = 2
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null
    const marker = bytes[at + 1] as number
    if (marker === 0xff) {
      at++ // fill byte
      continue
    }
    // Start of scan: the entropy-coded picture and everything after it is kept as it is.
    if (marker === 0xda || marker === 0xd9) {
      kept.push(bytes.subarray(at))
      return concat(kept)
    }
    const length = ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number)
    if (length < 2 || at + 2 + length > bytes.length) return null
    if (!JPEG_DROPPED.has(marker)) kept.push(bytes.subarray(at, at + 2 + length))
    at += 2 + length
  }
  return null
}

const PNG_DROPPED = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME'])

function stripPng(bytes: Uint8Array): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const kept: Uint8Array[] = [bytes.subarray(0, 8)]
  let at = 8
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at)
    const type = ascii(bytes, at + 4, 4)
    const end = at + 12 + length
    if (end > bytes.length) return null
    if (!PNG_DROPPED.has(type)) kept.push(bytes.subarray(at, end))
    at = end
    if (type === 'IEND') return concat(kept)
  }
  return null
}

function stripWebp(bytes: Uint8Array): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const kept: Uint8Array[] = []
  let at = 12
  while (at + 8 <= bytes.length) {
    const type = ascii(bytes, at, 4)
    const size = view.getUint32(at + 4, true)
    const end = at + 8 + size + (size % 2)
    if (at + 8 + size > bytes.length) return null
    if (type !== 'EXIF' && type !== 'XMP ') {
      const chunk = new Uint8Array(bytes.subarray(at, Math.min(end, bytes.length)))
      // VP8X announces metadata in its flags: clear the EXIF (0x08) and XMP (0x04) bits.
      if (type === 'VP8X' && chunk.length > 8) chunk[8] = (chunk[8] as number) & ~0x0c
      kept.push(chunk)
    }
    at = end
  }
  const body = concat(kept)
  const out = new Uint8Array(12 + body.length)
  out.set(bytes.subarray(0, 12))
  new DataView(out.buffer).setUint32(4, 4 + body.length, true)
  out.set(body, 12)
  return out
}

function concat(parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts))
}

/** The photo without location and text metadata; null when its structure is broken. */
export function stripPhotoMetadata(bytes: Uint8Array, kind: PhotoKind): Uint8Array | null {
  if (kind === 'jpeg') return stripJpeg(bytes)
  if (kind === 'png') return stripPng(bytes)
  return stripWebp(bytes)
}
