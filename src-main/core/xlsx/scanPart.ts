// Runs the XML tokenizer over one zip entry. A small part is inflated in one go; a big one (a
// 100,000-row sheet is ~60 MB of XML) is inflated in 64 KB chunks on libuv's thread pool while the
// previous chunk is scanned, so the whole XML is never held at once. Inflating past the declared
// size is refused: a zip bomb may lie in its directory.
import { readZipBytes, streamZipEntry, ZipFormatError, type ZipEntry } from './readZip'
import { scanXml, type TagHandler } from './xmlScan'

/** Below this a part is inflated in one go: a thread-pool round trip per chunk costs more. */
const SYNC_INFLATE_LIMIT = 1 << 20

export async function scanPart(bytes: Buffer, entry: ZipEntry, handler: TagHandler): Promise<void> {
  if (entry.size < SYNC_INFLATE_LIMIT) {
    const xml = readZipBytes(bytes, entry)
    scanXml(xml, 0, xml.length, handler, true)
    return
  }
  const stream = streamZipEntry(bytes, entry)
  let carry: Buffer | null = null
  let inflated = 0
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      inflated += chunk.length
      if (inflated > entry.size) throw new ZipFormatError('entry inflates past its declared size')
      const xml: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk
      const consumed = scanXml(xml, 0, xml.length, handler, false)
      if (handler.stopped) return
      carry = consumed < xml.length ? xml.subarray(consumed) : null
    }
    if (carry) scanXml(carry, 0, carry.length, handler, true)
  } finally {
    stream.destroy()
  }
}

/** Scans a small part synchronously (workbook.xml, relations, styles). */
export function scanSmallPart(bytes: Buffer, entry: ZipEntry, handler: TagHandler): void {
  const xml = readZipBytes(bytes, entry)
  scanXml(xml, 0, xml.length, handler, true)
}
