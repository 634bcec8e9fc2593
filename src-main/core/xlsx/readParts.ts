// The structure of a workbook, read before any sheet: the workbook part (found through the
// package relations, not assumed), its sheets in workbook order with their real names, and the
// parts its relations point to. Tools zip the parts in any order (openpyxl and pandas write the
// worksheets first and workbook.xml last), so nothing here depends on the order of the entries.
// Part names are matched as OPC says: case-insensitively, targets resolved against the part that
// names them, absolute ("/xl/…") or relative ("worksheets/…", "../xl/…").
import { ReadFileError, MESSAGES } from './readGuard'
import { readZipBytes, type ZipEntry } from './readZip'
import { scanSmallPart } from './scanPart'
import { attribute, decodeEntities, scanXml, type TagHandler } from './xmlScan'

export interface SheetPart {
  name: string
  entry: ZipEntry
  hidden: boolean
}

export interface WorkbookParts {
  sheets: SheetPart[]
  sharedStrings: ZipEntry | null
  styles: ZipEntry | null
  date1904: boolean
}

interface Relationship {
  type: string
  target: string
}

type OpenTag = (name: string, buf: Buffer, start: number, end: number) => void

/** A handler that only looks at opening tags. */
function tags(open: OpenTag): TagHandler {
  return { open, close() {}, text() {}, capturing: false, stopped: false }
}

export class PartNames {
  private readonly byName = new Map<string, ZipEntry>()
  constructor(entries: readonly ZipEntry[]) {
    for (const entry of entries) this.byName.set(normalisePath(entry.name).toLowerCase(), entry)
  }
  get(path: string): ZipEntry | undefined {
    return this.byName.get(normalisePath(path).toLowerCase())
  }
}

/** Forward slashes, no leading slash, `.` and `..` resolved, %-escapes decoded. */
function normalisePath(path: string): string {
  let decoded = path.replace(/\\/g, '/')
  try {
    decoded = decodeURIComponent(decoded)
  } catch {
    // Not %-encoded: keep as is.
  }
  const parts: string[] = []
  for (const part of decoded.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') parts.pop()
    else parts.push(part)
  }
  return parts.join('/')
}

/** A relation's target as a part name: absolute targets from the root, relative ones from the source part's folder. */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/') || target.startsWith('\\')) return normalisePath(target)
  const folder = sourcePart.includes('/') ? sourcePart.slice(0, sourcePart.lastIndexOf('/') + 1) : ''
  return normalisePath(folder + target)
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf('/')
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`
}

function readRelationships(bytes: Buffer, parts: PartNames, sourcePart: string): Map<string, Relationship> {
  const found = new Map<string, Relationship>()
  const entry = parts.get(relsPath(sourcePart))
  if (!entry) return found
  scanSmallPart(
    bytes,
    entry,
    tags((name, buf, start, end) => {
      if (name !== 'Relationship') return
      const id = attribute(buf, start, end, 'Id')
      const target = attribute(buf, start, end, 'Target')
      if (!id || target === null || attribute(buf, start, end, 'TargetMode') === 'External') return
      found.set(id, {
        type: attribute(buf, start, end, 'Type') ?? '',
        target: resolveTarget(sourcePart, decodeEntities(target)),
      })
    }),
  )
  return found
}

const isType = (relation: Relationship | undefined, kind: string) => relation?.type.endsWith(`/${kind}`) ?? false

/** The workbook part: the package's officeDocument relation, or xl/workbook.xml where a writer left the relation out. */
function workbookPart(bytes: Buffer, parts: PartNames): string {
  for (const relation of readRelationships(bytes, parts, '').values()) {
    if (isType(relation, 'officeDocument') && parts.get(relation.target)) return relation.target
  }
  if (parts.get('xl/workbook.xml')) return 'xl/workbook.xml'
  throw new ReadFileError(MESSAGES.damaged)
}

function brokenSheet(name: string, what: string): ReadFileError {
  return new ReadFileError(`工作簿已损坏：工作表“${name}”${what}：请用 Excel 或 WPS 打开文件，另存为 .xlsx 后再导入`)
}

export function readWorkbookParts(bytes: Buffer, entries: readonly ZipEntry[]): WorkbookParts {
  const parts = new PartNames(entries)
  const bookPath = workbookPart(bytes, parts)
  const relations = readRelationships(bytes, parts, bookPath)
  const declared: { name: string; id: string | null; hidden: boolean }[] = []
  let date1904 = false
  scanSmallPart(
    bytes,
    parts.get(bookPath) as ZipEntry,
    tags((name, buf, start, end) => {
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(attribute(buf, start, end, 'date1904') ?? '')
      if (name !== 'sheet') return
      const state = attribute(buf, start, end, 'state')
      declared.push({
        name: decodeEntities(attribute(buf, start, end, 'name') ?? ''),
        id: attribute(buf, start, end, 'id'),
        hidden: state === 'hidden' || state === 'veryHidden',
      })
    }),
  )
  if (declared.length === 0) throw new ReadFileError(MESSAGES.damaged)
  const sheets: SheetPart[] = []
  for (const sheet of declared) {
    const relation = sheet.id ? relations.get(sheet.id) : undefined
    if (!relation)
      throw brokenSheet(sheet.name, `在 workbook.xml 中登记了，但找不到它的关系（${sheet.id ?? '无 r:id'}）`)
    // Chart sheets, dialog and macro sheets hold no cells: they are not data, by their declared type.
    if (!isType(relation, 'worksheet')) continue
    const entry = parts.get(relation.target)
    if (!entry) throw brokenSheet(sheet.name, `的数据部分（${relation.target}）不在文件里`)
    sheets.push({ name: sheet.name, entry, hidden: sheet.hidden })
  }
  const partOf = (kind: string) => {
    const relation = [...relations.values()].find((candidate) => isType(candidate, kind))
    return relation ? (parts.get(relation.target) ?? null) : null
  }
  return { sheets, sharedStrings: partOf('sharedStrings'), styles: partOf('styles'), date1904 }
}

/** Built-in number formats Excel shows as dates or times (14–22, 45–47, and the CJK ones 27–36, 50–58). */
function isBuiltInDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)
}

/** A format code is a date when, outside quotes, brackets and escapes, it has a date or time part. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*]/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
  return /[ymdhsb]/i.test(bare.replace(/general/gi, ''))
}

/** For each cellXfs index: whether a number in that style is a date. */
export function readDateStyles(bytes: Buffer, entry: ZipEntry | null): boolean[] {
  if (!entry) return []
  const custom = new Map<number, string>()
  const formats: number[] = []
  let inCellXfs = false
  const xml = readZipBytes(bytes, entry)
  scanXml(
    xml,
    0,
    xml.length,
    {
      capturing: false,
      stopped: false,
      text() {},
      open(name, buf, start, end) {
        if (name === 'numFmt')
          custom.set(
            Number(attribute(buf, start, end, 'numFmtId')),
            decodeEntities(attribute(buf, start, end, 'formatCode') ?? ''),
          )
        else if (name === 'cellXfs') inCellXfs = true
        else if (name === 'xf' && inCellXfs) formats.push(Number(attribute(buf, start, end, 'numFmtId') ?? 0))
      },
      close(name) {
        if (name === 'cellXfs') inCellXfs = false
      },
    },
    true,
  )
  return formats.map((id) => (custom.has(id) ? isDateFormat(custom.get(id) as string) : isBuiltInDate(id)))
}
