// 报送情况: for the units directory and a period, which schools have sent their 表1 (花名册) and
// 表3 (活动登记) returns, when (the latest), with how many problems, and which have not — so the
// clerk knows whom to phone. Read from the import history: a file speaks for the unit its rows name
// (import/fileUnit.ts, kept with the file's counts); a file whose rows name none (one that could not
// be read, or imported before the unit was kept) is matched by its file name, the longest unit
// name of the directory it contains. Undone batches do not count.
import type { Database } from 'better-sqlite3'
import { localDay } from '../plan/plannedTime'
import { listUnits, type Unit } from '../reference/repository'
import type { Period } from '../reports/period'

export const RETURN_FORMS = [
  { form: 'roster', label: '表1 花名册' },
  { form: 'activities', label: '表3 活动登记' },
] as const

export type ReturnForm = (typeof RETURN_FORMS)[number]['form']

export interface InboxFilter {
  countyCode?: string
  /** 单位类型 as the directory keeps it (小学, 初中, …). */
  kind?: string
}

/** The latest return of one form from one unit in the period. */
export interface ReturnSent {
  batch: number
  /** ISO time of the import. */
  at: string
  files: string[]
  rows: number
  /** Rows refused (errors). */
  rejected: number
  warnings: number
  /** Files that could not be read at all. */
  failedFiles: number
  /** How many returns of this form arrived in the period (re-sent corrections included). */
  times: number
}

export interface InboxRow {
  unit: string
  countyCode: string | null
  countyName: string | null
  kind: string | null
  note: string | null
  roster: ReturnSent | null
  activities: ReturnSent | null
  status: '已报送' | '部分报送' | '未报送'
  /** What is still missing, by form label. */
  missing: string[]
}

export interface Inbox {
  period: Period
  rows: InboxRow[]
  totals: { units: number; complete: number; partial: number; none: number; withProblems: number }
  /** The directory's unit types, for the filter. */
  kinds: string[]
}

interface StoredFile {
  batch: number
  form: ReturnForm
  at: string
  name: string
  status: 'imported' | 'failed'
  counts: string
}

function storedFiles(db: Database): StoredFile[] {
  return db
    .prepare(
      `SELECT b.id AS batch, b.form, b.created_at AS at, f.name, f.status, f.counts
       FROM import_files f JOIN import_batches b ON b.id = f.batch_id
       WHERE b.undone_at IS NULL AND b.form IN ('roster', 'activities')
       ORDER BY b.created_at, b.id, f.position`,
    )
    .all() as StoredFile[]
}

/** The directory's name the file name contains, the longest first (临夏州中学 before 临夏州). */
function unitByFileName(fileName: string, namesLongestFirst: readonly string[]): string | null {
  return namesLongestFirst.find((name) => fileName.includes(name)) ?? null
}

/** The CLI keeps the path it was given; the school's file is its last part. */
const baseName = (name: string): string => name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)

type Tally = Omit<ReturnSent, 'times'>

/** The unit each file speaks for; 表3's 参与名单 entry takes the unit of its file's 活动登记 entry. */
function unitsOfFiles(
  files: readonly StoredFile[],
  known: ReadonlySet<string>,
  namesLongestFirst: readonly string[],
): Map<string, string> {
  const units = new Map<string, string>()
  for (const file of files) {
    const unit = (JSON.parse(file.counts) as { unit?: string }).unit
    if (unit && known.has(unit)) units.set(`${file.batch}\u0000${file.name}`, unit)
  }
  for (const file of files) {
    const key = `${file.batch}\u0000${file.name}`
    const byName = units.has(key) ? null : unitByFileName(baseName(file.name), namesLongestFirst)
    if (byName) units.set(key, byName)
  }
  return units
}

/** One return = the files of one batch that speak for one unit (表3's two sheets are one file). */
function tallyReturns(
  files: readonly StoredFile[],
  known: ReadonlySet<string>,
  namesLongestFirst: readonly string[],
): Map<string, Tally> {
  const unitOf = unitsOfFiles(files, known, namesLongestFirst)
  const returns = new Map<string, Tally>()
  for (const file of files) {
    const counts = JSON.parse(file.counts) as { rows?: number; rejected?: number; warnings?: number }
    const unit = unitOf.get(`${file.batch}\u0000${file.name}`)
    if (!unit) continue
    const name = baseName(file.name)
    const key = `${file.form}\u0000${unit}\u0000${file.batch}`
    const tally = returns.get(key) ?? {
      batch: file.batch,
      at: file.at,
      files: [],
      rows: 0,
      rejected: 0,
      warnings: 0,
      failedFiles: 0,
    }
    if (!tally.files.includes(name)) tally.files.push(name)
    tally.rows += counts.rows ?? 0
    tally.rejected += counts.rejected ?? 0
    tally.warnings += counts.warnings ?? 0
    if (file.status === 'failed') tally.failedFiles++
    returns.set(key, tally)
  }
  return returns
}

/** Per form and unit: the latest return in the period and how many came. */
function latestReturns(db: Database, units: readonly Unit[], period: Period): Map<string, ReturnSent> {
  const names = units.map((unit) => unit.name).sort((a, b) => b.length - a.length)
  const inPeriod = storedFiles(db).filter((file) => {
    const day = localDay(new Date(file.at))
    return day >= period.from && day <= period.to
  })
  const latest = new Map<string, ReturnSent>()
  for (const [key, tally] of tallyReturns(inPeriod, new Set(names), names)) {
    const unitKey = key.slice(0, key.lastIndexOf('\u0000'))
    const before = latest.get(unitKey)
    // Batches come in time order, so a later one replaces the earlier as the latest.
    latest.set(unitKey, { ...tally, times: (before?.times ?? 0) + 1 })
  }
  return latest
}

export function hasProblems(sent: ReturnSent | null): boolean {
  return !!sent && (sent.rejected > 0 || sent.failedFiles > 0)
}

export function returnsInbox(db: Database, period: Period, filter: InboxFilter): Inbox {
  const directory = listUnits(db, { countyCode: filter.countyCode })
  const kinds = [...new Set(directory.map((unit) => unit.kind).filter((kind): kind is string => !!kind))].sort()
  const units = filter.kind ? directory.filter((unit) => unit.kind === filter.kind) : directory
  // Matched against the whole directory, so a file is not given to a shorter name by the filter.
  const latest = latestReturns(db, listUnits(db, {}), period)
  const rows = units.map((unit): InboxRow => {
    const roster = latest.get(`roster\u0000${unit.name}`) ?? null
    const activities = latest.get(`activities\u0000${unit.name}`) ?? null
    const missing = RETURN_FORMS.filter((entry) => !{ roster, activities }[entry.form]).map((entry) => entry.label)
    return {
      unit: unit.name,
      countyCode: unit.countyCode,
      countyName: unit.countyName,
      kind: unit.kind,
      note: unit.note,
      roster,
      activities,
      status: missing.length === 0 ? '已报送' : missing.length === RETURN_FORMS.length ? '未报送' : '部分报送',
      missing,
    }
  })
  return {
    period,
    rows,
    totals: {
      units: rows.length,
      complete: rows.filter((row) => row.status === '已报送').length,
      partial: rows.filter((row) => row.status === '部分报送').length,
      none: rows.filter((row) => row.status === '未报送').length,
      withProblems: rows.filter((row) => hasProblems(row.roster) || hasProblems(row.activities)).length,
    },
    kinds,
  }
}
