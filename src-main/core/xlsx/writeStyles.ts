// The look of the bureau's forms (FORMS.md, "Layout shared by every exported form"): fonts, borders,
// fills and the cell styles built from them. One place, so a template, an export and an error
// workbook sent back to a school all look like the same paper form.
import type { Alignment, Borders, Fill, Font, Style } from 'exceljs'
import type { CellKind } from '../forms/types'

/** GB2312: tells Excel and WPS to substitute a Chinese font when the named one is missing. */
const CHINESE_CHARSET = 134

/**
 * Fonts. A cell of a workbook names exactly one font face: SpreadsheetML has no fallback list like
 * CSS's font-family, and exceljs writes what it is given. What the file can carry besides the name
 * is the character set and the font family (ECMA-376 §18.8.18/§18.8.21, "used in font selection if
 * a font of the given face name is not available"). Excel and WPS on Windows resolve a missing face
 * through the Windows font mapper, which weighs exactly those two: the charset first (GB2312, so a
 * Chinese font is chosen, never a Latin one that would print boxes), then the family.
 *
 * So the title names 方正小标宋简体, the official-document title face that bureau and school PCs
 * with the 方正 fonts have, and carries GB2312 and family 3 (modern, constant stroke width: the
 * family of 黑体/SimHei, which ships with every Chinese Windows). Where 方正小标宋简体 is missing,
 * the substitute is a Chinese face, and the family asks the mapper for a 黑体-like one rather than
 * its default 宋体 — FORMS.md's fallback, as far as a file can ask for one; which face is finally
 * used depends on the fonts installed (not tried on a real Windows here). The header names 黑体
 * itself, with the same hints.
 *
 * The body uses 仿宋 rather than 仿宋_GB2312 because 仿宋 ships with every Windows since Vista,
 * while 仿宋_GB2312 is missing on a plain Windows 10/11 and would print in a substituted font.
 */
/** Font family numbers of SpreadsheetML (the Windows FF_ families): 1 roman (serif), 3 modern. */
const MODERN_FAMILY = 3

export const FONTS = {
  title: { name: '方正小标宋简体', size: 18, bold: true, charset: CHINESE_CHARSET, family: MODERN_FAMILY },
  header: { name: '黑体', size: 11, bold: true, charset: CHINESE_CHARSET, family: MODERN_FAMILY },
  body: { name: '仿宋', size: 11, charset: CHINESE_CHARSET },
} as const satisfies Record<string, Partial<Font>>

/** Excel's text format: what is typed stays as typed (no 6.22901E+17, no formulas, no dropped zeros). */
export const TEXT_FORMAT = '@'

export const HEADER_FILL_COLOR = 'FFD9D9D9'

const THIN = { style: 'thin', color: { argb: 'FF000000' } } as const
export const THIN_BORDERS: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN }

const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL_COLOR } }

export const ROW_HEIGHTS = { title: 36, unitLine: 24, header: 30, footer: 24 } as const

/** Page margins in inches (≈1.5 cm), header/footer bands a little inside them. */
export const PAGE_MARGINS = { left: 0.59, right: 0.59, top: 0.59, bottom: 0.59, header: 0.3, footer: 0.3 }

export const PAGE_FOOTER = '&C第 &P 页 共 &N 页'

export const titleStyle: Partial<Style> = {
  font: FONTS.title,
  alignment: { horizontal: 'center', vertical: 'middle' },
}

export function unitLineStyle(horizontal: 'left' | 'right'): Partial<Style> {
  return { font: FONTS.body, alignment: { horizontal, vertical: 'middle' } }
}

export const headerStyle: Partial<Style> = {
  font: FONTS.header,
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  border: THIN_BORDERS,
  fill: HEADER_FILL,
}

export const footerStyle: Partial<Style> = {
  font: FONTS.body,
  alignment: { horizontal: 'left', vertical: 'middle' },
}

/** Kinds written as numbers; everything else is written as a text cell. */
export function isNumericKind(kind: CellKind): boolean {
  return kind === 'sequence' || kind === 'integer' || kind === 'decimal' || kind === 'percent'
}

function alignmentFor(kind: CellKind): Partial<Alignment> {
  if (kind === 'sequence') return { horizontal: 'center', vertical: 'middle' }
  if (kind === 'integer' || kind === 'decimal' || kind === 'percent') return { horizontal: 'right', vertical: 'middle' }
  return { horizontal: 'left', vertical: 'middle', wrapText: true }
}

/**
 * The style of a data cell of one column. Text-like columns carry the text format so a clerk who
 * edits a cell later cannot turn an ID into a rounded number or a note starting with "=" into a
 * formula. The object is shared by every cell of the column (exceljs de-duplicates styles when it
 * writes), so it must never be mutated after it is assigned.
 */
export function dataStyle(kind: CellKind): Partial<Style> {
  const style: Partial<Style> = { font: FONTS.body, alignment: alignmentFor(kind), border: THIN_BORDERS }
  if (kind === 'decimal') style.numFmt = '0.0#'
  else if (kind === 'percent') style.numFmt = '0.0%'
  else if (!isNumericKind(kind)) style.numFmt = TEXT_FORMAT
  return style
}
