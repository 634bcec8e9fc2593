// Types the views share, derived from the core's handler table so they never drift from it.
import type { OperationInput, OperationOutput } from './api'

export type VolunteerRow = OperationOutput<'roster.search'>['rows'][number]
export type RosterQuery = OperationInput<'roster.search'>
export type ReferenceData = OperationOutput<'reference.all'>
export type Department = ReferenceData['departments'][number]
export type Task = ReferenceData['tasks'][number]
export type County = ReferenceData['counties'][number]
export type Team = ReferenceData['teams'][number]
export type LeadingGroupMember = OperationOutput<'reference.leadingGroup.list'>[number]
export type Unit = OperationOutput<'reference.unit.list'>[number]
export type AppSettings = OperationOutput<'settings.get'>
export type BackupInfo = OperationOutput<'backup.list'>[number]
export type AuditRow = OperationOutput<'audit.list'>['rows'][number]

/** One finding of the person rules; errors block saving, warnings do not. */
export type FieldIssue = OperationOutput<'roster.validate'>['issues'][number]
export type PersonField = FieldIssue['field']
export type PersonFields = Record<PersonField, string>

/** The fields of 表1, in the form's order. */
export const PERSON_FIELDS: readonly PersonField[] = [
  'name',
  'idNumber',
  'gender',
  'ethnic',
  'birth',
  'political',
  'education',
  'unit',
  'post',
  'county',
  'phone',
  'category',
  'speciality',
  'team',
  'note',
  'volunteerNo',
  'guardianName',
  'guardianConsentOn',
]
