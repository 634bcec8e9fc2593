// 表1 rows → persons, with the shared person rules of the domain module. Cell values go to the
// rules as read: numbers stay numbers, so that an ID in a number cell (digits already lost) is
// refused there, and a birth month Excel turned into a date serial or 1985.1 is read back there.
import type { CoreContext } from '../../context'
import { validatePerson, type Person } from '../../domain'
import { ROSTER_FORM } from '../../forms/roster'
import { loadPersonVocabulary } from '../../reference/vocabulary'
import { columnIssues, rawFields, type FormImporter, type RowCheck } from '../forms'
import type { SheetRow } from '../rows'

const SHEET = ROSTER_FORM.sheets[0]!

export function checkRosterRow(row: SheetRow, options: Parameters<typeof validatePerson>[1]): RowCheck<Person> {
  const { person, issues } = validatePerson(rawFields(SHEET, row), options)
  return { item: person, issues: columnIssues(SHEET, issues) }
}

type CheckOptions = Parameters<typeof validatePerson>[1]

export const rosterImporter: FormImporter<Person, CheckOptions> = {
  key: 'roster',
  sheet: SHEET,
  load: (ctx: CoreContext) => ({ vocabulary: loadPersonVocabulary(ctx.db), today: ctx.now() }),
  checker: (options) => (row) => checkRosterRow(row, options),
}
