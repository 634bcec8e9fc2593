// The certificate register in SQL: the per-year counter, the rows, the void. Numbers come from
// the counter, never from max(seq), so a number once given is never given again.
import type { Database } from 'better-sqlite3'

export const NUMBER_PREFIX = '临教志证'

/** 临教志证〔2026〕第0001号 */
export function certificateNumber(year: number, seq: number): string {
  return `${NUMBER_PREFIX}〔${year}〕第${String(seq).padStart(4, '0')}号`
}

/** Moves the year's counter on and returns the new sequence number; call inside the issuing transaction. */
export function takeNextSeq(db: Database, year: number): number {
  const row = db
    .prepare(
      `INSERT INTO certificate_counters (year, last_seq) VALUES (?, 1)
       ON CONFLICT (year) DO UPDATE SET last_seq = last_seq + 1
       RETURNING last_seq AS seq`,
    )
    .get(year) as { seq: number }
  return row.seq
}

export interface ServiceLineSnapshot {
  heldOn: string
  /** The last day of an activity over several days; absent in certificates issued before it was kept. */
  endedOn?: string | null
  name: string
  /** 活动负责人 (办法 Art. 7); absent in certificates issued before it was kept. */
  leader?: string | null
  hours: number
}

/** What a certificate said, kept as printed so a reprint is the same paper. */
export interface CertificateSnapshot {
  volunteer: { name: string; gender: string; idNumber: string; unit: string | null }
  period: { from: string; to: string; label: string }
  lines: ServiceLineSnapshot[]
  totals: { activities: number; hours: number }
  /** 培训 and 表彰 in the period (办法 Art. 8–9), apart from service hours; absent on older certificates. */
  training?: {
    trainings: { startedOn: string; name: string; hours: number }[]
    trainingHours: number
    awards: { awardedOn: string; name: string; grantedBy: string; level: string | null }[]
  }
  issuer: { unit: string; head: string | null; handler: string | null; phone: string | null }
  issuedOn: string
  note: string | null
}

export interface CertificateRow {
  id: number
  year: number
  seq: number
  number: string
  volunteerId: number
  volunteerName: string
  periodFrom: string
  periodTo: string
  activities: number
  hours: number
  issuedOn: string
  issuedAt: string
  operator: string | null
  voidedAt: string | null
  voidReason: string | null
}

export function insertCertificate(
  db: Database,
  record: {
    year: number
    seq: number
    volunteerId: number
    snapshot: CertificateSnapshot
    issuedAt: string
    operator: string | null
  },
): number {
  const { snapshot } = record
  const result = db
    .prepare(
      `INSERT INTO certificates (year, seq, number, volunteer_id, volunteer_name, period_from, period_to, activities, hours,
                                 snapshot, issued_on, issued_at, operator)
       VALUES (@year, @seq, @number, @volunteerId, @name, @from, @to, @activities, @hours, @snapshot, @issuedOn, @issuedAt, @operator)`,
    )
    .run({
      year: record.year,
      seq: record.seq,
      number: certificateNumber(record.year, record.seq),
      volunteerId: record.volunteerId,
      name: snapshot.volunteer.name,
      from: snapshot.period.from,
      to: snapshot.period.to,
      activities: snapshot.totals.activities,
      hours: snapshot.totals.hours,
      snapshot: JSON.stringify(snapshot),
      issuedOn: snapshot.issuedOn,
      issuedAt: record.issuedAt,
      operator: record.operator,
    })
  return Number(result.lastInsertRowid)
}

const COLUMNS = `id, year, seq, number, volunteer_id AS volunteerId, volunteer_name AS volunteerName, period_from AS periodFrom,
  period_to AS periodTo, activities, hours, issued_on AS issuedOn, issued_at AS issuedAt, operator, voided_at AS voidedAt,
  void_reason AS voidReason`

export interface CertificateQuery {
  year?: number
  from?: string
  to?: string
  /** Valid (not voided) certificates only: the 公示 list. */
  validOnly?: boolean
  ids?: readonly number[]
}

export function listCertificates(db: Database, query: CertificateQuery): CertificateRow[] {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  if (query.year !== undefined) {
    where.push('year = @year')
    params.year = query.year
  }
  if (query.from && query.to) {
    where.push('issued_on BETWEEN @from AND @to')
    Object.assign(params, { from: query.from, to: query.to })
  }
  if (query.validOnly) where.push('voided_at IS NULL')
  if (query.ids) where.push(`id IN (${query.ids.map(Number).join(',') || 'NULL'})`)
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : ''
  return db.prepare(`SELECT ${COLUMNS} FROM certificates ${clause} ORDER BY year, seq`).all(params) as CertificateRow[]
}

export function findCertificate(db: Database, number: string): CertificateRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM certificates WHERE number = ?`).get(number) as CertificateRow | undefined
}

export function readSnapshot(db: Database, id: number): CertificateSnapshot {
  const row = db.prepare('SELECT snapshot FROM certificates WHERE id = ?').get(id) as { snapshot: string } | undefined
  if (!row) throw new Error(`certificate ${id} vanished`)
  return JSON.parse(row.snapshot) as CertificateSnapshot
}

export function voidCertificate(db: Database, id: number, reason: string, at: string): void {
  db.prepare('UPDATE certificates SET voided_at = ?, void_reason = ? WHERE id = ?').run(at, reason, id)
}
