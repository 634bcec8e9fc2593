// A small XML tokenizer over bytes, for the few SpreadsheetML parts the importer reads. It works on
// the inflated Buffer directly: tag and attribute names are ASCII, so elements are found with
// Buffer.indexOf (memchr) and only the values a reader asks for become strings. That, and knowing
// nothing of namespaces but the prefix to strip (`<x:row>` is `row`), is what makes it several
// times faster than a general SAX parser here; it is not a validating parser and need not be: a
// part it cannot make sense of is a damaged file.
export class XmlFormatError extends Error {}

const LT = 0x3c
const GT = 0x3e
const SLASH = 0x2f
const QUOTE = 0x22
const APOSTROPHE = 0x27
const BANG = 0x21
const QUESTION = 0x3f
const COLON = 0x3a
const EQUALS = 0x3d

export interface TagHandler {
  /** An opening (or self-closing) tag. `name` is the local name; the tag's bytes are buf[start, end). */
  open(name: string, buf: Buffer, start: number, end: number, selfClosing: boolean): void
  close(name: string): void
  /** Character data between tags, raw (entities not decoded) unless `cdata`; only while `capturing`. */
  text(buf: Buffer, start: number, end: number, cdata: boolean): void
  capturing: boolean
  /** Set by the handler to stop reading (the rest of the part is not needed). */
  stopped: boolean
}

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09
}

/** The '>' closing a tag that starts at `from`, skipping quoted attribute values; -1 if not in this chunk. */
function tagEnd(buf: Buffer, from: number, end: number): number {
  let quote = 0
  for (let index = from; index < end; index++) {
    const byte = buf[index] as number
    if (quote !== 0) {
      if (byte === quote) quote = 0
    } else if (byte === GT) return index
    else if (byte === QUOTE || byte === APOSTROPHE) quote = byte
  }
  return -1
}

// Local names are few and short: cache their strings by the bytes, so a million <c> tags make no garbage.
const names = new Map<number, string>()

function localName(buf: Buffer, start: number, end: number): string {
  let nameEnd = start
  while (nameEnd < end && !isSpace(buf[nameEnd] as number) && buf[nameEnd] !== SLASH && buf[nameEnd] !== GT) nameEnd++
  let nameStart = start
  for (let index = start; index < nameEnd; index++) if (buf[index] === COLON) nameStart = index + 1
  const length = nameEnd - nameStart
  if (length > 0 && length <= 4) {
    let key = length
    for (let index = nameStart; index < nameEnd; index++) key = key * 256 + (buf[index] as number)
    const known = names.get(key)
    if (known !== undefined) return known
    const name = buf.toString('latin1', nameStart, nameEnd)
    names.set(key, name)
    return name
  }
  return buf.toString('latin1', nameStart, nameEnd)
}

/**
 * Feeds the complete tokens of buf[start, end) to the handler and returns where the first
 * incomplete one begins (the caller keeps those bytes for the next chunk). With `final`, an
 * incomplete token is an error.
 */
export function scanXml(buf: Buffer, start: number, end: number, handler: TagHandler, final: boolean): number {
  let position = start
  while (position < end && !handler.stopped) {
    const lt = buf.indexOf(LT, position)
    if (lt < 0 || lt >= end) {
      if (!final) return position
      if (handler.capturing) handler.text(buf, position, end, false)
      return end
    }
    if (lt > position && handler.capturing) handler.text(buf, position, lt, false)
    const next = buf[lt + 1]
    if (next === BANG || next === QUESTION) {
      const after = special(buf, lt, end, handler)
      if (after < 0) return incomplete(lt, final)
      position = after
      continue
    }
    const gt = tagEnd(buf, lt + 1, end)
    if (gt < 0) return incomplete(lt, final)
    if (next === SLASH) handler.close(localName(buf, lt + 2, gt))
    else {
      const selfClosing = buf[gt - 1] === SLASH
      const name = localName(buf, lt + 1, gt)
      handler.open(name, buf, lt, gt, selfClosing)
      if (selfClosing) handler.close(name)
    }
    position = gt + 1
  }
  return position
}

function incomplete(at: number, final: boolean): number {
  if (final) throw new XmlFormatError('unexpected end of XML')
  return at
}

const CDATA_OPEN = Buffer.from('<![CDATA[')

/** Comments, processing instructions, CDATA; a DOCTYPE is refused (SpreadsheetML never has one). */
function special(buf: Buffer, lt: number, end: number, handler: TagHandler): number {
  if (buf[lt + 1] === QUESTION) {
    const close = buf.indexOf('?>', lt + 2)
    return close < 0 || close + 2 > end ? -1 : close + 2
  }
  if (buf[lt + 2] === 0x2d) {
    const close = buf.indexOf('-->', lt + 4)
    return close < 0 || close + 3 > end ? -1 : close + 3
  }
  if (end - lt < CDATA_OPEN.length) return -1
  if (buf.compare(CDATA_OPEN, 0, CDATA_OPEN.length, lt, lt + CDATA_OPEN.length) === 0) {
    const close = buf.indexOf(']]>', lt + CDATA_OPEN.length)
    if (close < 0 || close + 3 > end) return -1
    if (handler.capturing) handler.text(buf, lt + CDATA_OPEN.length, close, true)
    return close + 3
  }
  throw new XmlFormatError('DOCTYPE or unknown markup')
}

/** The raw value of attribute `name` (local name, any prefix) in the tag buf[start, end), or null. */
export function attribute(buf: Buffer, start: number, end: number, name: string): string | null {
  let index = start + 1
  while (index < end && !isSpace(buf[index] as number)) index++
  while (index < end) {
    while (index < end && (isSpace(buf[index] as number) || buf[index] === SLASH)) index++
    const nameStart = index
    while (index < end && buf[index] !== EQUALS && !isSpace(buf[index] as number)) index++
    const nameEnd = index
    while (index < end && buf[index] !== EQUALS) index++
    index++
    while (index < end && isSpace(buf[index] as number)) index++
    const quote = buf[index]
    if (quote !== QUOTE && quote !== APOSTROPHE) return null
    const valueStart = index + 1
    const valueEnd = buf.indexOf(quote, valueStart)
    if (valueEnd < 0 || valueEnd > end) return null
    if (nameMatches(buf, nameStart, nameEnd, name)) return buf.toString('utf8', valueStart, valueEnd)
    index = valueEnd + 1
  }
  return null
}

/** Whether the attribute name is `name` or `prefix:name`. */
function nameMatches(buf: Buffer, start: number, end: number, name: string): boolean {
  const length = name.length
  const offset = end - length
  if (offset < start || (offset > start && buf[offset - 1] !== COLON)) return false
  for (let index = 0; index < length; index++) if (buf[offset + index] !== name.charCodeAt(index)) return false
  return true
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** XML entities: the five named ones and numeric character references. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, body: string) => {
    if (body[0] !== '#') return ENTITIES[body] ?? whole
    const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

/** Excel's escape for characters XML cannot carry (_x000D_ is a carriage return); _x005F_ escapes the underscore itself. */
export function decodeExcelEscapes(text: string): string {
  if (!text.includes('_x')) return text
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

/** Text content as the cell showed it: UTF-8, entities, Excel's _xHHHH_ escapes. */
export function decodeText(buf: Buffer, start: number, end: number, cdata: boolean): string {
  const text = buf.toString('utf8', start, end)
  return cdata ? text : decodeExcelEscapes(decodeEntities(text))
}
