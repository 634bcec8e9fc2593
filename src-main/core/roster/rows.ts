import type { Person } from '../domain'
import { maskIdNumber, maskPhone } from '../domain'
import { namePinyin } from './pinyin'

/** A volunteer as stored: the validated person plus bookkeeping. */
export interface StoredVolunteer extends Person {
  id: number
  createdAt: string
  updatedAt: string
  deletedAt: string | null
}

/** What lists and forms receive: personal numbers masked, never the clear values. */
export interface VolunteerView extends Omit<StoredVolunteer, 'idNumber' | 'phone'> {
  idMasked: string
  phoneMasked: string
  countyName: string | null
}

export const VOLUNTEER_COLUMNS = `
  v.id, v.id_number AS idNumber, v.name, v.gender, v.ethnic, v.birth, v.political, v.education,
  v.unit, v.post, v.county_code AS countyCode, v.phone, v.category, v.speciality, v.team, v.note,
  v.volunteer_no AS volunteerNo, v.guardian_name AS guardianName, v.guardian_consent_on AS guardianConsentOn,
  v.created_at AS createdAt, v.updated_at AS updatedAt, v.deleted_at AS deletedAt`

export function toView(row: StoredVolunteer & { countyName?: string | null }): VolunteerView {
  const { idNumber, phone, ...rest } = row
  return {
    ...rest,
    countyName: row.countyName ?? null,
    idMasked: maskIdNumber(idNumber),
    phoneMasked: phone ? maskPhone(phone) : '',
  }
}

/** Only the fields of Person, in a stable order: used for comparing and for the audit trail. */
export function personOf(row: Person): Person {
  return {
    name: row.name,
    gender: row.gender,
    ethnic: row.ethnic,
    birth: row.birth,
    political: row.political,
    idNumber: row.idNumber,
    education: row.education,
    unit: row.unit,
    post: row.post,
    countyCode: row.countyCode,
    phone: row.phone,
    category: row.category,
    speciality: row.speciality,
    team: row.team,
    note: row.note,
    volunteerNo: row.volunteerNo,
    guardianName: row.guardianName,
    guardianConsentOn: row.guardianConsentOn,
  }
}

/** Derived columns for search and sort; recomputed on every write so they never drift. */
export function searchColumns(person: Person): { namePinyin: string; searchText: string } {
  const spelled = namePinyin(person.name)
  const parts = [person.name, spelled.full, spelled.initials, person.idNumber, person.phone ?? '', person.unit ?? '']
  return { namePinyin: spelled.full, searchText: parts.join('|').toLowerCase() }
}
