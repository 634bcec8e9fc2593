// Small edits to the parts of a workbook exceljs has written, where exceljs cannot be told what to
// write. The error workbook sent back to a school uses them:
// - data validations: exceljs 4.4 reads every validation range cell by cell and on writing joins
//   the cells again into ranges of its own (C4:C53 and C10:C53 overlapping), which Excel reports as
//   a damaged file; the school's own <dataValidations> (and Excel 2010's x14 list validations that
//   exceljs drops) are put back exactly as they were;
// - comment authors: exceljs writes every author as "Author";
// - comment boxes: exceljs gives every box the same two columns by four rows, whatever the text.
// The parts are small XML documents written by known tools, so plain text edits are enough.
import JSZip from 'jszip'

/** The URI Excel gives the extension holding x14 (cross-sheet list) data validations. */
const X14_VALIDATIONS_URI = '{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}'
const X14_NAMESPACE = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main'
const XM_NAMESPACE = 'http://schemas.microsoft.com/office/excel/2006/main'

/** Elements that come after <dataValidations> in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_VALIDATIONS = [
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
]

export function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_all, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_all, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&amp;/g, '&')
}

export function encodeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

function attribute(tag: string, name: string): string | undefined {
  const match = tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`))
  return match ? decodeXml(match[1] ?? match[2] ?? '') : undefined
}

/** Resolves a relationship target against the folder of the part that owns it. */
function resolveTarget(ownerPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1)
  const parts = ownerPart.split('/').slice(0, -1)
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop()
    else if (piece !== '.') parts.push(piece)
  }
  return parts.join('/')
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/')
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`
}

async function text(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path)
  return file ? file.async('string') : null
}

/** Relationship id → resolved target part, for the part given. */
async function relationships(zip: JSZip, part: string): Promise<Map<string, string>> {
  const rels = (await text(zip, relsPathOf(part))) ?? ''
  const map = new Map<string, string>()
  for (const tag of rels.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, 'Id')
    const target = attribute(tag, 'Target')
    if (id && target && attribute(tag, 'TargetMode') !== 'External') map.set(id, resolveTarget(part, target))
  }
  return map
}

/** Sheet name → its part (xl/worksheets/sheet1.xml), read from the workbook part and its relations. */
export async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const rootRels = (await text(zip, '_rels/.rels')) ?? ''
  const officeDocument = (rootRels.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []).find(
    (tag) => /\/officeDocument"/.test(tag) || /\/officeDocument'/.test(tag),
  )
  const workbookPart = officeDocument
    ? resolveTarget('', attribute(officeDocument, 'Target') ?? 'xl/workbook.xml')
    : 'xl/workbook.xml'
  const workbook = (await text(zip, workbookPart)) ?? ''
  const rels = await relationships(zip, workbookPart)
  const sheets = new Map<string, string>()
  for (const tag of workbook.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = attribute(tag, 'name')
    const id = tag.match(/\s[\w]+:id\s*=\s*"([^"]*)"/)?.[1]
    const part = id ? rels.get(id) : undefined
    if (name !== undefined && part) sheets.set(name, part)
  }
  return sheets
}

function element(xml: string, name: string): string | null {
  const match = xml.match(new RegExp(`<${name}\\b[^>]*/>|<${name}\\b[^>]*>[\\s\\S]*?</${name}>`))
  return match ? match[0] : null
}

function x14Validations(sheetXml: string): string | null {
  const exts = sheetXml.match(/<ext\b[^>]*>[\s\S]*?<\/ext>/g) ?? []
  const found = exts.find((ext) => ext.includes(X14_VALIDATIONS_URI))
  if (!found) return null
  // The extension must carry its own namespaces once it moves into another document.
  let opening = found.slice(0, found.indexOf('>'))
  if (!/xmlns:x14=/.test(opening)) opening += ` xmlns:x14="${X14_NAMESPACE}"`
  if (!/xmlns:xm=/.test(found)) opening += ` xmlns:xm="${XM_NAMESPACE}"`
  return opening + found.slice(found.indexOf('>'))
}

/** Inserts `fragment` before the first of `before` found in the worksheet, else before its end. */
function insertBefore(sheetXml: string, fragment: string, before: readonly string[]): string {
  let at = sheetXml.lastIndexOf('</worksheet>')
  for (const name of before) {
    const index = sheetXml.search(new RegExp(`<${name}[\\s/>]`))
    if (index >= 0 && index < at) at = index
  }
  return sheetXml.slice(0, at) + fragment + sheetXml.slice(at)
}

function withValidationsOf(original: string, written: string): string {
  const kept = element(original, 'dataValidations')
  let sheet = written.replace(/<dataValidations\b[^>]*\/>|<dataValidations\b[^>]*>[\s\S]*?<\/dataValidations>/, '')
  if (kept) sheet = insertBefore(sheet, kept, AFTER_VALIDATIONS)
  const ext = x14Validations(original)
  if (ext && !sheet.includes(X14_VALIDATIONS_URI)) {
    sheet = sheet.includes('</extLst>')
      ? sheet.replace('</extLst>', `${ext}</extLst>`)
      : insertBefore(sheet, `<extLst>${ext}</extLst>`, [])
  }
  return sheet
}

/** Puts every sheet's data validations back as the original file had them. */
export async function restoreValidations(original: JSZip, written: JSZip): Promise<void> {
  const before = await sheetParts(original)
  const after = await sheetParts(written)
  for (const [name, part] of after) {
    const source = before.get(name)
    const originalXml = source ? await text(original, source) : null
    const writtenXml = await text(written, part)
    // Only sheets that use the default namespace: a prefixed sheet (rare) keeps exceljs's version.
    if (!originalXml || !writtenXml || !/<worksheet\b/.test(originalXml)) continue
    written.file(part, withValidationsOf(originalXml, writtenXml))
  }
}

/** One comment box: its cell (0-based, as VML counts) and its anchor in VML's column/row terms. */
export interface NoteBox {
  row: number
  column: number
  /** LeftColumn, LeftOffset, TopRow, TopOffset, RightColumn, RightOffset, BottomRow, BottomOffset. */
  anchor: readonly number[]
  widthPt: number
  heightPt: number
}

function resizeShapes(vml: string, boxes: readonly NoteBox[]): string {
  return vml.replace(/<v:shape\b[\s\S]*?<\/v:shape>/g, (shape) => {
    const row = Number(shape.match(/<x:Row>(\d+)<\/x:Row>/)?.[1])
    const column = Number(shape.match(/<x:Column>(\d+)<\/x:Column>/)?.[1])
    const box = boxes.find((candidate) => candidate.row === row && candidate.column === column)
    if (!box) return shape
    return shape
      .replace(/<x:Anchor>[^<]*<\/x:Anchor>/, `<x:Anchor>${box.anchor.join(', ')}</x:Anchor>`)
      .replace(/width:[\d.]+pt;height:[\d.]+pt/, `width:${box.widthPt}pt;height:${box.heightPt}pt`)
  })
}

/** Names the comments' author and sizes each box of `boxes` (by sheet name) to its text. */
export async function finishComments(
  written: JSZip,
  author: string,
  boxes: ReadonlyMap<string, readonly NoteBox[]>,
): Promise<void> {
  for (const [name, part] of await sheetParts(written)) {
    const rels = await relationships(written, part)
    for (const target of rels.values()) {
      const xml = await text(written, target)
      if (xml === null) continue
      if (/\/comments\d*\.xml$/.test(target)) {
        written.file(
          target,
          xml.replace(/<authors>[\s\S]*?<\/authors>/, `<authors><author>${encodeXml(author)}</author></authors>`),
        )
      } else if (/\.vml$/.test(target) && boxes.get(name)?.length) {
        written.file(target, resizeShapes(xml, boxes.get(name) ?? []))
      }
    }
  }
}
