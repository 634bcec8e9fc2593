// A calendar day (开展日期, 监护人同意日期) from whatever a school or the form gives (2026-03-05,
// 2026年3月5日, 2026.3.5, 20260305, an Excel date cell or serial number).
import { calendarDay, normalizeText } from './normalize'

const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

const pad = (n: number) => String(n).padStart(2, '0')

function format(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return null
  return `${year}-${pad(month)}-${pad(day)}`
}

/** Excel's day 1 is 1900-01-01 and it counts a 29 Feb 1900 that never was; serials from 61 on are off by one. */
function fromExcelSerial(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 61 || serial > 120_000) return null
  const date = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000)
  return format(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())
}

export function parseDay(raw: unknown): string | null {
  if (raw instanceof Date) {
    const day = calendarDay(raw)
    return day ? format(day.year, day.month, day.day) : null
  }
  if (typeof raw === 'number') return fromExcelSerial(raw)
  const text = normalizeText(raw).replace(/\s+/g, '')
  let match = /^(\d{4})[年.\-/](\d{1,2})[月.\-/](\d{1,2})日?$/.exec(text)
  if (match) return format(Number(match[1]), Number(match[2]), Number(match[3]))
  match = /^(\d{4})(\d{2})(\d{2})$/.exec(text)
  if (match) return format(Number(match[1]), Number(match[2]), Number(match[3]))
  if (/^\d{5}$/.test(text)) return fromExcelSerial(Number(text))
  return null
}
