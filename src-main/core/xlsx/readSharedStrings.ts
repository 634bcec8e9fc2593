// The shared-strings table: one string per <si>, rich-text runs (<r><t>) joined, phonetic guides
// (<rPh>, furigana a Japanese Excel adds) left out, entities and Excel's _xHHHH_ escapes decoded.
// A sheet's cells then refer to these strings by index, so each distinct text exists once in memory
// however many cells show it.
import type { ZipEntry } from './readZip'
import { scanPart } from './scanPart'
import { decodeText, type TagHandler } from './xmlScan'

class SharedStringsHandler implements TagHandler {
  readonly strings: string[] = []
  capturing = false
  stopped = false
  private current = ''
  private inItem = false
  private phonetic = 0

  constructor(private readonly limit: number) {}

  open(name: string, _buf: Buffer, _start: number, _end: number, selfClosing: boolean): void {
    if (name === 'si') {
      this.inItem = true
      this.current = ''
    } else if (name === 'rPh') this.phonetic++
    else if (name === 't' && this.inItem && this.phonetic === 0 && !selfClosing) this.capturing = true
  }

  close(name: string): void {
    if (name === 't') this.capturing = false
    else if (name === 'rPh') this.phonetic--
    else if (name === 'si') {
      this.inItem = false
      this.strings.push(this.current)
      if (this.strings.length > this.limit) throw new RangeError('too many shared strings')
    }
  }

  text(buf: Buffer, start: number, end: number, cdata: boolean): void {
    this.current += decodeText(buf, start, end, cdata)
  }
}

/** Reads the table; `limit` bounds the count (a hostile file could declare millions). */
export async function readSharedStrings(bytes: Buffer, entry: ZipEntry | null, limit: number): Promise<string[]> {
  if (!entry) return []
  const handler = new SharedStringsHandler(limit)
  await scanPart(bytes, entry, handler)
  return handler.strings
}
