// 表1 rows → persons, with the shared person rules of the domain module. Cell values go to the
// rules as read: numbers stay numbers, so that an ID in a number cell (digits already lost) is
// refused there, and a birth month Excel turned into a date serial or 1985.1 is read back there.
import type { CoreContext } from '../../context'
import { validatePerson, type Person } from '../../domain'
import { ROSTER_FORM } from '../../forms/roster'
import type { FormColumn } from '../../forms/types'
import { loadPersonVocabulary } from '../../reference/vocabulary'
import type { FormImporter, RowCheck, RowIssue } from '../forms'
import type { SheetRow } from '../rows'

const SHEET = ROSTER_FORM.sheets[0]!
const COLUMN_BY_FIELD = new Map(
  SHEET.columns.filter((column) => column.field).map((column) => [column.field as string, column]),
)
COLUMN_BY_FIELD.set('countyCode', COLUMN_BY_FIELD.get('county') as FormColumn)

export function checkRosterRow(row: SheetRow, options: Parameters<typeof validatePerson>[1]): RowCheck<Person> {
  const raw: Record<string, unknown> = {}
  for (const column of SHEET.columns) {
    if (!column.field) continue
    const value = row.values[column.name] ?? null
    if (value !== null) raw[column.field] = value
  }
  const { person, issues } = validatePerson(raw, options)
  const rowIssues: RowIssue[] = issues.map((issue) => ({
    column: COLUMN_BY_FIELD.get(issue.field)?.name ?? null,
    level: issue.level,
    message: issue.message,
  }))
  return { item: person, issues: rowIssues }
}

type CheckOptions = Parameters<typeof validatePerson>[1]

export const rosterImporter: FormImporter<Person, CheckOptions> = {
  key: 'roster',
  sheet: SHEET,
  load: (ctx: CoreContext) => ({ vocabulary: loadPersonVocabulary(ctx.db), today: ctx.now() }),
  checker: (options) => (row) => checkRosterRow(row, options),
}
