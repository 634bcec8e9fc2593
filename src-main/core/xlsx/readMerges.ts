// Merged cells for the streaming reader. exceljs's WorksheetReader skips <mergeCell> elements, and
// they come after all rows, so they are read here in a second, cheap pass over the same sheet XML
// (inflate and a regular expression; no XML parsing) and applied once the rows are in.
import { readZipText, streamZipEntry, type ZipEntry } from './readZip'

export interface MergeRange {
  top: number
  left: number
  bottom: number
  right: number
}

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {}
  for (const match of tag.matchAll(/([\w:]+)="([^"]*)"/g)) found[match[1] as string] = match[2] as string
  return found
}

function xmlDecode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&')
}

/** Sheet name → path of its XML inside the zip, from workbook.xml and its relations. */
export function sheetPaths(bytes: Buffer, entries: readonly ZipEntry[]): Map<string, string> {
  const byName = new Map(entries.map((entry) => [entry.name, entry]))
  const workbook = byName.get('xl/workbook.xml')
  const rels = byName.get('xl/_rels/workbook.xml.rels')
  const paths = new Map<string, string>()
  if (!workbook || !rels) return paths
  const targets = new Map<string, string>()
  for (const tag of readZipText(bytes, rels).match(/<Relationship\b[^>]*>/g) ?? []) {
    const { Id, Target } = attributes(tag)
    if (Id && Target) targets.set(Id, Target.startsWith('/') ? Target.slice(1) : `xl/${Target}`)
  }
  for (const tag of readZipText(bytes, workbook).match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const found = attributes(tag)
    const target = found['r:id'] ? targets.get(found['r:id']) : undefined
    if (found.name && target) paths.set(xmlDecode(found.name), target)
  }
  return paths
}

function columnNumber(letters: string): number {
  let value = 0
  for (const char of letters) value = value * 26 + (char.charCodeAt(0) - 64)
  return value
}

export function parseRange(ref: string): MergeRange | null {
  const match = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(ref)
  if (!match) return null
  const left = columnNumber(match[1] as string)
  const top = Number(match[2])
  return { top, left, right: match[3] ? columnNumber(match[3]) : left, bottom: match[4] ? Number(match[4]) : top }
}

/** Below this a sheet is inflated in one go: a school's return is tens of KB, and a thread-pool round trip per file costs more. */
const SYNC_INFLATE_LIMIT = 8 * 1024 * 1024

/** Reads the <mergeCell ref="…"> elements of one sheet, chunk by chunk; at most `limit` of them. */
export async function readMerges(bytes: Buffer, entry: ZipEntry, limit: number): Promise<MergeRange[]> {
  const merges: MergeRange[] = []
  let carry = ''
  const pattern = /<mergeCell\s+ref="([A-Z0-9:]+)"/g
  const chunks: AsyncIterable<unknown> | string[] = entry.size < SYNC_INFLATE_LIMIT ? [readZipText(bytes, entry)] : streamZipEntry(bytes, entry)
  for await (const chunk of chunks) {
    const text = carry + (typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('latin1'))
    let lastEnd = 0
    for (const match of text.matchAll(pattern)) {
      const range = parseRange(match[1] as string)
      if (range) merges.push(range)
      lastEnd = (match.index ?? 0) + match[0].length
      if (merges.length > limit) throw new RangeError('too many merged ranges')
    }
    // Keep a tail so an element split across two chunks is still found.
    carry = text.slice(Math.max(lastEnd, text.length - 64))
  }
  return merges
}
