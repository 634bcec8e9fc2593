// How a month of a strip reads on screen; the state itself (met, gap, current, future) is the core's.
import type { MonthFigures } from '../../stores/dashboard'

export const MONTH_LABELS = Array.from({ length: 12 }, (_, index) => `${index + 1}月`)

export const STATE_LABELS: Record<MonthFigures['state'], string> = {
  met: '已开展',
  gap: '未开展（空档）',
  current: '本月进行中',
  future: '未到',
}

/** The short text inside a compact cell: the count, or a mark for an empty month. */
export function cellText(month: MonthFigures): string {
  if (month.activities > 0) return String(month.activities)
  if (month.state === 'gap') return '0'
  if (month.state === 'current') return '…'
  return ''
}

/** What the month held besides the concentrated services it counts: shown, never counted. */
export function extraText(month: MonthFigures): string {
  const parts: string[] = []
  if (month.otherActivities > 0) parts.push(`非集中 ${month.otherActivities}`)
  if (month.continuing > 0) parts.push(`跨月续 ${month.continuing}`)
  return parts.join(' · ')
}

export function cellTitle(name: string, month: MonthFigures): string {
  const head = `${name} ${month.month}月：${STATE_LABELS[month.state]}`
  const extra = [
    month.otherActivities > 0 ? `另有非集中服务 ${month.otherActivities} 次（不计入）` : '',
    month.continuing > 0 ? `上月开始的多日活动 ${month.continuing} 项仍在进行（计入开始的月份）` : '',
  ]
    .filter(Boolean)
    .join('；')
  const tail = extra ? `；${extra}` : ''
  if (month.activities === 0) return head + tail
  return `${head}，${month.activities} 次集中服务，${month.volunteerTimes} 人次，${month.hours} 小时，受益 ${month.beneficiaries} 人${tail}`
}
