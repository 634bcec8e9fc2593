// Dedupe and plan: one person per normalised ID number, within the batch and against the roster.
// Rows for the same person merge in order in 'keep' mode (an empty cell never erases a value), so
// importing the same files twice plans nothing the second time.
import type { Database } from 'better-sqlite3'
import { maskIdNumber, type Person } from '../../domain'
import { diffPerson, maskedChanges, mergePerson, type FieldChange } from '../../roster/merge'
import { personOf, VOLUNTEER_COLUMNS, type StoredVolunteer } from '../../roster/rows'
import type { ParsedFile, ParsedRow } from '../parseFile'
import { planIssue } from '../issueAt'
import type { ImportIssue, RowAction } from '../types'

export interface PlannedPerson {
  idNumber: string
  existing: StoredVolunteer | null
  /** The person as the batch leaves it. */
  final: Person
  action: 'created' | 'updated' | 'unchanged'
  /** Where the person first appears: recorded with the change, for tracing. */
  source: { fileIndex: number; sheet: string; row: number }
}

export interface RowPlan {
  action: RowAction
  changes: FieldChange[]
}

export interface RosterPlan {
  people: PlannedPerson[]
  /** Per parsed row, in the order of files then rows. */
  rows: Map<ParsedRow<Person>, RowPlan>
  /** Issues found while deduplicating (a name that disagrees, a repeat). */
  issues: ImportIssue[]
}

interface State {
  person: PlannedPerson
  /** The file the person first appears in (the row is person.source.row); one object less per person. */
  firstFile: string
}

// One shared answer for the commonest rows (a new person, a rejected row): a 100,000-row batch
// would otherwise hold 100,000 identical objects, each with its own empty array. Frozen, as they are shared.
const CREATE: RowPlan = Object.freeze({ action: 'create', changes: Object.freeze([]) as unknown as FieldChange[] })
const REJECTED: RowPlan = Object.freeze({ action: 'rejected', changes: Object.freeze([]) as unknown as FieldChange[] })

// The preview's plan, kept with the files it was made from, for the commit. The commit may reuse
// it only while the roster is exactly as it was: the change counter (bumped by triggers on every
// write to volunteers, by any connection) has not moved. Re-planning 100,000 rows costs seconds.
const previewPlans = new WeakMap<readonly ParsedFile<Person>[], { db: Database; version: number; plan: RosterPlan }>()

function rosterVersion(db: Database): number {
  return (db.prepare("SELECT value FROM change_counters WHERE name = 'volunteers'").get() as { value: number }).value
}

export function planRoster(db: Database, files: readonly ParsedFile<Person>[]): RosterPlan {
  const plan = makePlan(db, files)
  previewPlans.set(files, { db, version: rosterVersion(db), plan })
  return plan
}

/** The plan to write, inside the commit's transaction: the preview's if the roster has not changed since, else a new one. */
export function planForCommit(db: Database, files: readonly ParsedFile<Person>[]): RosterPlan {
  const kept = previewPlans.get(files)
  previewPlans.delete(files)
  if (kept && kept.db === db && kept.version === rosterVersion(db)) return kept.plan
  // Let the stale plan go before making the new one: two plans of 100,000 rows would double the memory.
  return makePlan(db, files)
}

/**
 * Finds the stored volunteer for an ID number. The roster's ID numbers are read once into a set, so
 * the common case — a person not in the roster yet — costs a hash lookup instead of a query
 * (100,000 queries took a second of a 100,000-row import).
 */
function rosterLookup(db: Database): (idNumber: string) => StoredVolunteer | null {
  const known = new Set(db.prepare('SELECT id_number FROM volunteers').pluck().all() as string[])
  const select = db.prepare(`SELECT ${VOLUNTEER_COLUMNS} FROM volunteers v WHERE v.id_number = ?`)
  return (idNumber) => (known.has(idNumber) ? ((select.get(idNumber) as StoredVolunteer | undefined) ?? null) : null)
}

function makePlan(db: Database, files: readonly ParsedFile<Person>[]): RosterPlan {
  const lookup = rosterLookup(db)
  const states = new Map<string, State>()
  const plan: RosterPlan = { people: [], rows: new Map(), issues: [] }
  for (const file of files) {
    for (const row of file.rows) {
      if (row.item === null) {
        plan.rows.set(row, REJECTED)
        continue
      }
      plan.rows.set(row, planRow(plan, states, lookup, file, row, row.item))
    }
  }
  for (const { person } of states.values()) {
    if (person.existing) {
      const changed =
        diffPerson(personOf(person.existing), person.final).length > 0 || person.existing.deletedAt !== null
      person.action = changed ? 'updated' : 'unchanged'
    }
  }
  return plan
}

/** An ID number that already stands under another name: the row is refused, its 姓名 marked. */
function refuseName(plan: RosterPlan, file: ParsedFile<Person>, row: ParsedRow<Person>, text: string): RowPlan {
  plan.issues.push(planIssue(file, row, 'error', '姓名', text))
  return REJECTED
}

function planRow(
  plan: RosterPlan,
  states: Map<string, State>,
  lookup: (idNumber: string) => StoredVolunteer | null,
  file: ParsedFile<Person>,
  row: ParsedRow<Person>,
  incoming: Person,
): RowPlan {
  const sheet = file.result.sheet ?? ''
  const state = states.get(incoming.idNumber)
  if (!state) {
    const existing = lookup(incoming.idNumber)
    if (existing && existing.name !== incoming.name) {
      return refuseName(
        plan,
        file,
        row,
        `身份证号码 ${maskIdNumber(incoming.idNumber)} 在花名册中登记的姓名是“${existing.name}”，与本行的“${incoming.name}”不一致：请核对姓名和身份证号码`,
      )
    }
    const before = existing ? personOf(existing) : null
    const final = before ? mergePerson(before, incoming, 'keep') : incoming
    const person: PlannedPerson = {
      idNumber: incoming.idNumber,
      existing,
      final,
      action: existing ? 'unchanged' : 'created',
      source: { fileIndex: file.index, sheet, row: row.row },
    }
    states.set(incoming.idNumber, { person, firstFile: file.name })
    plan.people.push(person)
    if (!before) return CREATE
    const changes = diffPerson(before, final)
    return {
      action: changes.length > 0 || existing?.deletedAt ? 'update' : 'unchanged',
      changes: maskedChanges(changes),
    }
  }
  const where = `“${state.firstFile}”第 ${state.person.source.row} 行`
  if (state.person.final.name !== incoming.name) {
    return refuseName(
      plan,
      file,
      row,
      `身份证号码与${where}相同，但姓名不同（“${state.person.final.name}”）：请核对姓名和身份证号码`,
    )
  }
  plan.issues.push(
    planIssue(
      file,
      row,
      'warning',
      '身份证号码',
      `与${where}是同一身份证号码，已合并为同一位志愿者（以后出现的非空信息为准）`,
    ),
  )
  const next = mergePerson(state.person.final, incoming, 'keep')
  const changes = diffPerson(state.person.final, next)
  state.person.final = next
  return { action: changes.length > 0 ? 'update' : 'unchanged', changes: maskedChanges(changes) }
}
