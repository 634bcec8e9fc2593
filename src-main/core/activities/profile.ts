// A volunteer's service record: activities and hours by year, counted from activity records only.
import type { Database } from 'better-sqlite3'
import { ageFromId, GUARDIAN_AGE } from '../domain/age'
import { CoreError } from '../errors'

export interface ServiceLine {
  activityId: number
  heldOn: string
  /** The last day of an activity over several days (null for one day). */
  endedOn: string | null
  name: string
  /** 活动负责人 (办法 Art. 7), for the service record and the certificate. */
  leader: string | null
  taskName: string | null
  hours: number
}

export interface VolunteerService {
  years: { year: number; activities: number; hours: number }[]
  lines: ServiceLine[]
}

export function volunteerService(
  db: Database,
  volunteerId: number,
  period?: { from: string; to: string },
): VolunteerService {
  const lines = db
    .prepare(
      `SELECT a.id AS activityId, a.held_on AS heldOn, a.ended_on AS endedOn, a.name, a.leader, t.name AS taskName, p.hours
       FROM participations p JOIN activities a ON a.id = p.activity_id LEFT JOIN tasks t ON t.code = a.task_code
       WHERE p.volunteer_id = @volunteerId AND a.held_on BETWEEN @from AND @to
       ORDER BY a.held_on, a.id`,
    )
    .all({ volunteerId, from: period?.from ?? '0000-00-00', to: period?.to ?? '9999-12-31' }) as ServiceLine[]
  const byYear = new Map<number, { year: number; activities: number; hours: number }>()
  for (const line of lines) {
    const year = Number(line.heldOn.slice(0, 4))
    const entry = byYear.get(year) ?? { year, activities: 0, hours: 0 }
    entry.activities++
    entry.hours = Math.round((entry.hours + line.hours) * 100) / 100
    byYear.set(year, entry)
  }
  return { years: [...byYear.values()].sort((a, b) => b.year - a.year), lines }
}

/** What the service record shows of the person beyond name and unit (issue #9 items 7–8). */
export interface ServiceIdentity {
  /** 全国志愿服务信息系统 志愿者编号. */
  volunteerNo: string | null
  guardianName: string | null
  guardianConsentOn: string | null
  /** Age today from the ID number; a child under 14's data is sensitive (PIPL Art. 28/31). */
  age: number | null
  underGuardianAge: boolean
}

export function serviceIdentity(db: Database, volunteerId: number, today: string): ServiceIdentity {
  const row = db
    .prepare(
      `SELECT id_number AS idNumber, volunteer_no AS volunteerNo, guardian_name AS guardianName,
              guardian_consent_on AS guardianConsentOn FROM volunteers WHERE id = ?`,
    )
    .get(volunteerId) as
    | { idNumber: string; volunteerNo: string | null; guardianName: string | null; guardianConsentOn: string | null }
    | undefined
  if (!row) throw new CoreError('NOT_FOUND', `花名册中找不到编号为 ${volunteerId} 的志愿者。`)
  const age = ageFromId(row.idNumber, today)
  return {
    volunteerNo: row.volunteerNo,
    guardianName: row.guardianName,
    guardianConsentOn: row.guardianConsentOn,
    age,
    underGuardianAge: age !== null && age < GUARDIAN_AGE,
  }
}
