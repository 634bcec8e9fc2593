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

export function cellTitle(name: string, month: MonthFigures): string {
  const head = `${name} ${month.month}月：${STATE_LABELS[month.state]}`
  if (month.activities === 0) return head
  return `${head}，${month.activities} 次活动，${month.volunteerTimes} 人次，${month.hours} 小时，受益 ${month.beneficiaries} 人`
}
