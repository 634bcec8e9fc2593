// Working days for the 补录 rule (办法 Art. 11: record within 10 working days of the service).
// Monday to Friday, minus the statutory holidays, plus the weekend days worked in their place (调休).
// The table is the State Council's 2026 arrangement (国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04,
// checked against the text published by 新华社);
// other years count Monday to Friday only until their arrangement is added here.
const HOLIDAYS_2026 = [
  ['2026-01-01', '2026-01-03'], // 元旦
  ['2026-02-15', '2026-02-23'], // 春节
  ['2026-04-04', '2026-04-06'], // 清明节
  ['2026-05-01', '2026-05-05'], // 劳动节
  ['2026-06-19', '2026-06-21'], // 端午节
  ['2026-09-25', '2026-09-27'], // 中秋节
  ['2026-10-01', '2026-10-07'], // 国庆节
] as const
const WORKED_WEEKENDS_2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']

export const LATE_AFTER_WORKING_DAYS = 10

const DAY = 86_400_000
const toTime = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)))
const toDay = (time: number) => new Date(time).toISOString().slice(0, 10)

const holidays = new Set<string>()
for (const [from, to] of HOLIDAYS_2026) for (let t = toTime(from); t <= toTime(to); t += DAY) holidays.add(toDay(t))
const workedWeekends = new Set(WORKED_WEEKENDS_2026)

export function isWorkingDay(day: string): boolean {
  if (workedWeekends.has(day)) return true
  if (holidays.has(day)) return false
  const weekday = new Date(toTime(day)).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0
  for (let t = toTime(from) + DAY; t <= toTime(to); t += DAY) if (isWorkingDay(toDay(t))) count++
  return count
}

/** An entry made more than 10 working days after the activity's last day is a 补录. */
export function isLateEntry(lastDay: string, enteredOn: string): boolean {
  return workingDaysBetween(lastDay, enteredOn) > LATE_AFTER_WORKING_DAYS
}

/** Days an activity covered, first and last included (1 for a one-day activity). */
export function daysCovered(heldOn: string, endedOn: string | null): number {
  return endedOn ? Math.round((toTime(endedOn) - toTime(heldOn)) / DAY) + 1 : 1
}
