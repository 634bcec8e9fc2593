// 出生年月 as schools write it: "1985.03", "1985年3月", a full date, or whatever Excel made of it
// (a date serial number, or a decimal number when "1985.03" was typed into a General cell).
import { calendarDay, normalizeText } from './normalize'

export interface BirthMonth {
  year: number
  month: number
}

const MIN_YEAR = 1900
const MAX_YEAR = 2100
const DAY_MS = 86_400_000

function monthOf(year: number, month: number, day?: number): BirthMonth | null {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return null
  if (!Number.isInteger(month) || month < 1 || month > 12) return null
  if (day !== undefined) {
    const date = new Date(Date.UTC(year, month - 1, day))
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  }
  return { year, month }
}

/** Excel's day count (1900 date system), including its phantom 1900-02-29 at serial 60. */
function fromExcelSerial(serial: number): BirthMonth | null {
  const whole = Math.floor(serial)
  if (whole < 1 || whole === 60) return null
  const epoch = whole < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30)
  const date = new Date(epoch + whole * DAY_MS)
  return monthOf(date.getUTCFullYear(), date.getUTCMonth() + 1)
}

function fromNumber(value: number): BirthMonth | null {
  if (!Number.isFinite(value) || value <= 0) return null
  // 198503 / 19850312: digits run together, not serials (those would be past the year 2100).
  if (value >= 100_000) return Number.isInteger(value) ? fromText(String(value)) : null
  // Five digits: a date serial, possibly with a time of day as its fraction.
  if (value >= 10_000) return fromExcelSerial(value)
  if (Number.isInteger(value)) {
    // A bare year has no month.
    if (value >= MIN_YEAR && value <= MAX_YEAR) return null
    return fromExcelSerial(value)
  }
  const match = /^(\d{4})\.(\d+)$/.exec(String(value))
  if (!match?.[2]) return null
  const decimals = match[2]
  // "1985.10" typed into a General cell is stored as the number 1985.1: Excel drops the trailing
  // zero. Nobody writes January as ".1" in a number cell expecting it to survive, while ".10" for
  // October is common, so one decimal digit 1 means October; ".2"–".9" can only mean 2–9.
  if (decimals.length === 1) return monthOf(Number(match[1]), decimals === '1' ? 10 : Number(decimals))
  if (decimals.length === 2) return monthOf(Number(match[1]), Number(decimals))
  return null
}

const SEPARATED = /^(\d{4})[./-](\d{1,2})(?:[./-](\d{1,2}))?$/
const CHINESE = /^(\d{4})年(\d{1,2})(?:月(?:(\d{1,2})[日号]?)?)?$/
const RUN_TOGETHER = /^(\d{4})(\d{2})(\d{2})?$/

function fromText(raw: string): BirthMonth | null {
  // "1985-03-12T00:00:00" or "1985-03-12 00:00" from a database or a CSV: only the day matters.
  const text = raw.replace(/[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/, '').replace(/\s/g, '')
  for (const pattern of [SEPARATED, CHINESE, RUN_TOGETHER]) {
    const match = pattern.exec(text)
    if (match) return monthOf(Number(match[1]), Number(match[2]), match[3] === undefined ? undefined : Number(match[3]))
  }
  return null
}

export function parseBirthMonth(raw: unknown): BirthMonth | null {
  if (raw === null || raw === undefined) return null
  if (typeof raw === 'number') return fromNumber(raw)
  if (raw instanceof Date) {
    const day = calendarDay(raw)
    return day ? monthOf(day.year, day.month) : null
  }
  const text = normalizeText(raw)
  return text === '' ? null : fromText(text)
}

export function formatBirthMonth(birth: BirthMonth): string {
  return `${birth.year}.${String(birth.month).padStart(2, '0')}`
}
