// A minimal reader of a zip's central directory and its entries. The importer's workbook reader
// goes through it: the directory says where every part is, so workbook.xml and its relations are
// read first whatever order the writing tool zipped the parts in, a damaged or truncated file is
// refused before any parsing, and a zip bomb is refused by its declared sizes (and by inflating no
// more than was declared).
import { createInflateRaw, inflateRawSync } from 'node:zlib'
import { Readable } from 'node:stream'

export interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  size: number
  localOffset: number
}

export class ZipFormatError extends Error {}

const EOCD_SIGNATURE = 0x06054b50
const CENTRAL_SIGNATURE = 0x02014b50
const LOCAL_SIGNATURE = 0x04034b50

function findEndOfDirectory(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff)
  for (let offset = bytes.length - 22; offset >= earliest; offset--) {
    if (bytes.readUInt32LE(offset) === EOCD_SIGNATURE) return offset
  }
  throw new ZipFormatError('no end of central directory')
}

/** Lists the entries; throws ZipFormatError when the directory is missing or points outside the file. */
export function listZipEntries(bytes: Buffer): ZipEntry[] {
  if (bytes.length < 22) throw new ZipFormatError('too short')
  const end = findEndOfDirectory(bytes)
  const count = bytes.readUInt16LE(end + 10)
  const directoryOffset = bytes.readUInt32LE(end + 16)
  if (directoryOffset === 0xffffffff || directoryOffset >= bytes.length)
    throw new ZipFormatError('bad directory offset')
  const entries: ZipEntry[] = []
  let offset = directoryOffset
  for (let index = 0; index < count; index++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError('bad central directory entry')
    }
    const nameLength = bytes.readUInt16LE(offset + 28)
    const entry: ZipEntry = {
      method: bytes.readUInt16LE(offset + 10),
      compressedSize: bytes.readUInt32LE(offset + 20),
      size: bytes.readUInt32LE(offset + 24),
      localOffset: bytes.readUInt32LE(offset + 42),
      name: bytes.toString('utf8', offset + 46, offset + 46 + nameLength),
    }
    if (entry.localOffset + 30 + entry.compressedSize > bytes.length) throw new ZipFormatError('entry outside file')
    entries.push(entry)
    offset += 46 + nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32)
  }
  return entries
}

function compressedData(bytes: Buffer, entry: ZipEntry): Buffer {
  const offset = entry.localOffset
  if (bytes.readUInt32LE(offset) !== LOCAL_SIGNATURE) throw new ZipFormatError('bad local header')
  const start = offset + 30 + bytes.readUInt16LE(offset + 26) + bytes.readUInt16LE(offset + 28)
  return bytes.subarray(start, start + entry.compressedSize)
}

/** A small entry (workbook.xml, its relations, styles) inflated in one go, never past its declared size. */
export function readZipBytes(bytes: Buffer, entry: ZipEntry): Buffer {
  const data = compressedData(bytes, entry)
  if (entry.method === 0) return data
  if (entry.method !== 8) throw new ZipFormatError(`unsupported compression ${entry.method}`)
  return inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) })
}

/** A small entry as text. */
export function readZipText(bytes: Buffer, entry: ZipEntry): string {
  return readZipBytes(bytes, entry).toString('utf8')
}

/** A large entry (a worksheet) as a stream of chunks, never held whole in memory. */
export function streamZipEntry(bytes: Buffer, entry: ZipEntry): Readable {
  const data = compressedData(bytes, entry)
  if (entry.method === 0) return Readable.from([data])
  if (entry.method !== 8) throw new ZipFormatError(`unsupported compression ${entry.method}`)
  const inflate = createInflateRaw({ chunkSize: 1 << 16 })
  inflate.end(data)
  return inflate
}
