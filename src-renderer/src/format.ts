// Display formats shared by the views.

const pad = (n: number) => String(n).padStart(2, '0')

/** 2026-11-29T08:05:00.000Z → 2026-11-29 16:05 (local time). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return `${localDay(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** A calendar day as YYYY-MM-DD in local time, the form the core uses for days. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/**
 * A span of days: 2026-09-28 至 2026-10-02, or the day alone when there is no end. `short` leaves the
 * year off an end in the same year (2026-09-28 至 10-02), for narrow columns.
 */
export function formatDaySpan(start: string, end: string | null | undefined, short = false): string {
  if (!end) return start
  return `${start} 至 ${short && end.slice(0, 4) === start.slice(0, 4) ? end.slice(5) : end}`
}

/** 12345 → 12,345: counts of rows, people and files. */
export function formatCount(value: number): string {
  return value.toLocaleString('zh-CN')
}

/** A row's message without the 第 N 行“列” that the table already shows in its own columns. */
export function withoutRowPrefix(message: string): string {
  return message.replace(/^第 \d+ 行(“[^”]*”)?：/, '')
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** Chinese labels for the person fields, as 表1 names them (also used by the audit trail). */
export const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  gender: '性别',
  ethnic: '民族',
  birth: '出生年月',
  political: '政治面貌',
  idNumber: '身份证号码',
  education: '学历',
  unit: '工作单位',
  post: '职务/职称',
  county: '所在县市',
  countyCode: '所在县市',
  phone: '联系电话',
  category: '志愿者类别',
  speciality: '特长',
  team: '所属服务队',
  note: '备注',
}
