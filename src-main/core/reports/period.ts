// The period a report covers: a year, or from one day to another (both inclusive). Activities
// belong to the period of their 开展日期, so an activity on 31 December counts in that year.
import { CoreError } from '../errors'
import { localDay } from '../plan/plannedTime'

export interface Period {
  from: string
  to: string
  /** The year when the period is one calendar year, for 表2's checklist figures and titles. */
  year: number
  /** 2026年度, or 2026年3月1日至2026年6月30日: what the title says. */
  label: string
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

function dayLabel(day: string): string {
  const [, year, month, date] = DAY.exec(day) ?? []
  return `${year}年${Number(month)}月${Number(date)}日`
}

export interface PeriodInput {
  year?: number
  from?: string
  to?: string
}

/** The period asked for; neither a year nor dates means the current year of the core's clock. */
export function resolvePeriod(input: PeriodInput, now: Date): Period {
  if (input.from || input.to) {
    if (!input.from || !input.to)
      throw new CoreError('INVALID_INPUT', '统计时段须同时给出起止日期（--from 2026-01-01 --to 2026-06-30）。')
    for (const day of [input.from, input.to]) {
      if (!DAY.test(day)) throw new CoreError('INVALID_INPUT', `日期“${day}”格式不对，请写成 2026-03-01。`)
    }
    if (input.from > input.to)
      throw new CoreError('INVALID_INPUT', `起始日期 ${input.from} 晚于结束日期 ${input.to}，请对调后重试。`)
    const year = Number(input.from.slice(0, 4))
    const whole = input.from === `${year}-01-01` && input.to === `${year}-12-31`
    return {
      from: input.from,
      to: input.to,
      year,
      label: whole ? `${year}年度` : `${dayLabel(input.from)}至${dayLabel(input.to)}`,
    }
  }
  const year = input.year ?? Number(localDay(now).slice(0, 4))
  return { from: `${year}-01-01`, to: `${year}-12-31`, year, label: `${year}年度` }
}
