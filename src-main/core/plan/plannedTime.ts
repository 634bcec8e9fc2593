// 计划时间 of a checklist item: a month (2026年3月), a date (2026-03-05) or a range (3月—5月,
// 2026.3-2026.5, 3月至5月, 第二季度, 上半年). Stored as the text the bureau wrote plus the first and last
// day it covers, so "overdue" is a plain date comparison.

export interface PlannedPeriod {
  /** First day covered, YYYY-MM-DD. */
  start: string
  /** Last day covered, YYYY-MM-DD: the item is overdue from the day after. */
  end: string
}

const pad = (n: number) => String(n).padStart(2, '0')

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(year, month)
}

interface Point {
  year: number
  month: number
  day: number | null
}

/** One end of a period: 2026年3月5日, 2026.3, 3月, 2026-03-05, 5日 (day only, month from the other end). */
function parsePoint(text: string, defaultYear: number): Point | null {
  const cleaned = text.replace(/\s+/g, '').replace(/[份中旬上下初底末]+$/g, '')
  let match = /^(?:(\d{4})[年.\-/])?(\d{1,2})(?:月|[.\-/](\d{1,2})日?|月(\d{1,2})日?)?$/.exec(cleaned)
  if (match) {
    const year = match[1] ? Number(match[1]) : defaultYear
    const month = Number(match[2])
    const dayText = match[3] ?? match[4]
    const day = dayText ? Number(dayText) : null
    if (month < 1 || month > 12) return null
    if (day !== null && !isRealDate(year, month, day)) return null
    return { year, month, day }
  }
  match = /^(\d{4})(\d{2})(\d{2})?$/.exec(cleaned)
  if (match) {
    const year = Number(match[1])
    const month = Number(match[2])
    const day = match[3] ? Number(match[3]) : null
    if (month < 1 || month > 12 || (day !== null && !isRealDate(year, month, day))) return null
    return { year, month, day }
  }
  return null
}

const NAMED: Record<string, [number, number]> = {
  全年: [1, 12],
  上半年: [1, 6],
  下半年: [7, 12],
  第一季度: [1, 3],
  第二季度: [4, 6],
  第三季度: [7, 9],
  第四季度: [10, 12],
  一季度: [1, 3],
  二季度: [4, 6],
  三季度: [7, 9],
  四季度: [10, 12],
  春季: [3, 5],
  夏季: [6, 8],
  秋季: [9, 11],
  寒假: [1, 2],
  暑假: [7, 8],
  暑期: [7, 8],
  春季学期: [3, 7],
  秋季学期: [9, 12],
}

function fromMonths(year: number, first: number, last: number): PlannedPeriod {
  return { start: `${year}-${pad(first)}-01`, end: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}` }
}

/**
 * Reads a planned time; the checklist's year fills in a missing year. Returns null when the text
 * says no time the software can check (常态化, 长期), which the UI shows as 未定时间.
 */
export function parsePlannedTime(raw: string, planYear: number): PlannedPeriod | null {
  const text = raw.replace(/\s+/g, '').replace(/[（(].*?[）)]/g, '')
  if (!text) return null
  const yearPrefix = /^(\d{4})年?(.*)$/.exec(text)
  const named = yearPrefix && NAMED[yearPrefix[2] ?? ''] ? yearPrefix : null
  if (named) {
    const [first, last] = NAMED[named[2] as string] as [number, number]
    return fromMonths(Number(named[1]), first, last)
  }
  if (NAMED[text]) return fromMonths(planYear, ...(NAMED[text] as [number, number]))
  const single = parsePoint(text, planYear)
  if (single) return periodOf(single, single)
  // A hyphen may separate the range or the parts of a date (2026-03-05—2026-03-20): try every split.
  for (let index = 0; index < text.length; index++) {
    if (!/[—–~～至到\-－]/.test(text[index] as string)) continue
    const left = text.slice(0, index)
    const right = text.slice(index + 1).replace(/^[—–-]+/, '')
    const from = parsePoint(left, planYear)
    if (!from) continue
    const to = parsePoint(right, from.year) ?? dayInMonthOf(from, right)
    const period = to ? periodOf(from, to) : null
    if (period) return period
  }
  return null
}

/** "3月5日-20日": an end that gives only a day lies in the start's month. */
function dayInMonthOf(from: Point, text: string): Point | null {
  const dayOnly = /^(\d{1,2})日?$/.exec(text)
  if (!dayOnly || from.day === null) return null
  const day = Number(dayOnly[1])
  return isRealDate(from.year, from.month, day) ? { year: from.year, month: from.month, day } : null
}

function periodOf(from: Point, to: Point): PlannedPeriod | null {
  const start = `${from.year}-${pad(from.month)}-${pad(from.day ?? 1)}`
  const end = `${to.year}-${pad(to.month)}-${pad(to.day ?? lastDayOfMonth(to.year, to.month))}`
  return start <= end ? { start, end } : null
}

/** The text a clerk reads back: 2026年3月, 2026年3月5日, 2026年3月—5月. */
export function describePeriod(period: PlannedPeriod): string {
  const [sy, sm, sd] = period.start.split('-').map(Number) as [number, number, number]
  const [ey, em, ed] = period.end.split('-').map(Number) as [number, number, number]
  const wholeMonths = sd === 1 && ed === lastDayOfMonth(ey, em)
  if (period.start === period.end) return `${sy}年${sm}月${sd}日`
  if (wholeMonths && sy === ey && sm === em) return `${sy}年${sm}月`
  if (wholeMonths) return sy === ey ? `${sy}年${sm}月—${em}月` : `${sy}年${sm}月—${ey}年${em}月`
  return `${sy}年${sm}月${sd}日—${sy === ey ? '' : `${ey}年`}${em}月${ed}日`
}

export type PlanState = '已开展' | '未开展' | '逾期未开展'

export interface PlanStatus {
  state: PlanState
  /** The date of the earliest activity that fulfils the item. */
  heldOn: string | null
}

/**
 * Derived, never typed: held when an activity links to the item; overdue from the day after the
 * planned period ends; otherwise not yet held. An item without a checkable time is never overdue.
 */
export function derivePlanStatus(period: PlannedPeriod | null, heldOn: string | null, today: string): PlanStatus {
  if (heldOn) return { state: '已开展', heldOn }
  if (period && today > period.end) return { state: '逾期未开展', heldOn: null }
  return { state: '未开展', heldOn: null }
}

/** The calendar day in the clerk's own time zone (the PC's), as YYYY-MM-DD. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
