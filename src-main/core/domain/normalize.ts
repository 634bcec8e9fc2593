// Cell values arrive from Excel, WPS, the UI form and the CLI with every kind of invisible noise:
// full-width digits typed with a Chinese IME, zero-width spaces pasted from web pages, the
// apostrophe Excel users type to force a text cell. One normalisation here, used by every rule.

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g
const FULL_WIDTH_OFFSET = 0xfee0
const LEADING_APOSTROPHE = /^['\u2018\u2019]/

function pad2(value: number): string {
  return String(value).padStart(2, '0')
}

/**
 * A Date's calendar day. exceljs gives UTC midnights standing for the day Excel showed, while the
 * UI builds local midnights; a UTC midnight is read in UTC, anything else in local time, so both
 * give the day the user saw whatever the PC's time zone.
 */
export function calendarDay(date: Date): { year: number; month: number; day: number } | null {
  if (Number.isNaN(date.getTime())) return null
  const utcMidnight =
    date.getUTCHours() === 0 &&
    date.getUTCMinutes() === 0 &&
    date.getUTCSeconds() === 0 &&
    date.getUTCMilliseconds() === 0
  return utcMidnight
    ? { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
    : { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() }
}

/** "6.22901e+21" → "6229010000000000000000": the digits the number shows, without an exponent. */
function expandExponent(plain: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(plain)
  if (!match) return plain
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match
  const digits = whole + fraction
  const point = whole.length + Number(exponent)
  if (point >= digits.length) return sign + digits.padEnd(point, '0')
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}

// Large integers (an ID typed into a number cell) and tiny fractions: spell out the digits the
// number still shows rather than "6.22901e+17"; no digit is invented beyond those.
function numberText(value: number): string {
  return Number.isFinite(value) ? expandExponent(String(value)) : ''
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return numberText(value)
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Date) {
    const day = calendarDay(value)
    return day ? `${day.year}-${pad2(day.month)}-${pad2(day.day)}` : ''
  }
  return String(value)
}

// Anything normalizeText would change. Most cells (names, ID numbers, phones) hold none of it, and
// an import normalises every cell several times, so those cells are returned as they are.
const NEEDS_CLEANING = /[\s\u200B-\u200D\u2060\uFEFF\uFF01-\uFF5E'\u2018\u2019]/

/** The text a user meant by a cell value: see the module comment for what is cleaned. */
export function normalizeText(value: unknown): string {
  if (typeof value === 'string' && !NEEDS_CLEANING.test(value)) return value
  const text = textOf(value)
    .replace(ZERO_WIDTH, '')
    .replace(FULL_WIDTH_ASCII, (char) => String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(/\u3000/g, ' ')
    .trim()
  // Only one apostrophe: Excel's text marker. A second one would be the user's own character.
  return text.replace(LEADING_APOSTROPHE, '').trim().replace(/\s+/g, ' ')
}

const FULL_WIDTH_ALPHANUMERIC = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g
const FREE_TEXT_NEEDS_CLEANING = /[\s\u200B-\u200D\u2060\uFEFF\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/

/**
 * Free text a person wrote (a unit, an activity's name, a write-up): cleaned like normalizeText,
 * but Chinese punctuation stays as written (（和政）is not (和政)), only full-width digits and
 * letters become half-width (FORMS.md), and with `multiline` the line breaks of a write-up stay.
 */
export function normalizeFreeText(value: unknown, options: { multiline?: boolean } = {}): string {
  // Most units, posts and teams need none of it: no whitespace, nothing full-width, no apostrophe.
  if (typeof value === 'string' && !FREE_TEXT_NEEDS_CLEANING.test(value) && !LEADING_APOSTROPHE.test(value))
    return value
  const text = textOf(value)
    .replace(ZERO_WIDTH, '')
    .replace(FULL_WIDTH_ALPHANUMERIC, (char) => String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET))
    .replace(/\u3000/g, ' ')
    .replace(/\r\n?/g, '\n')
    .trim()
    .replace(LEADING_APOSTROPHE, '')
  if (!options.multiline) return text.trim().replace(/\s+/g, ' ')
  return text
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** An ID number as typed with spaces or hyphens for readability ("622901 1985 0312 001X"). */
export function normalizeIdText(value: unknown): string {
  return normalizeText(value)
    .replace(/[\s\-\u2010-\u2015]/g, '')
    .replace(/x$/, 'X')
}

export function isBlank(value: unknown): boolean {
  return normalizeText(value) === ''
}
