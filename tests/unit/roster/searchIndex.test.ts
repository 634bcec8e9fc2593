// The roster's in-memory search index is keyed on the volunteers' change counter. A copy read inside
// a transaction that is rolled back must not be taken for the rows a later write commits under the
// same counter value.
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { searchRoster } from '../../../src-main/core/roster/repository'
import { searchIndexRenewals, type RosterSort } from '../../../src-main/core/roster/searchIndex'
import { writeStandardStream } from '../../fixtures/returns'
import { addVolunteer, openTestDb, type TestDb } from '../export/helpers'
import { makeId, makePeople } from '../../support/people'

let db: TestDb
beforeEach(() => {
  db = openTestDb('ledger-search-index-')
})
afterEach(() => db.close())

const names = (q: string) =>
  searchRoster(db.ctx.db, { q, deleted: false, offset: 0, limit: 50 }).rows.map((row) => row.name)

it('forgets a copy read inside a transaction that was rolled back', async () => {
  await addVolunteer(db.ctx, { name: '马丽', idNumber: makeId('622901', '19850312', 1, false) })
  expect(names('马')).toEqual(['马丽'])
  const { ctx } = db
  const rolledBack = ctx.db.transaction(() => {
    ctx.db
      .prepare("UPDATE volunteers SET name = '马建国', search_text = '马建国 majianguo mjg' WHERE name = '马丽'")
      .run()
    expect(names('马建国')).toEqual(['马建国'])
    throw new Error('rolled back')
  })
  expect(rolledBack).toThrow('rolled back')
  // Another write brings the counter to the value the rolled-back one had.
  ctx.db.prepare("UPDATE volunteers SET unit = '临夏州中学' WHERE name = '马丽'").run()
  expect(names('马建国')).toEqual([])
  expect(names('马丽')).toEqual(['马丽'])
})

// After this connection's roster writes the kept index is patched, not read again: its answers must be
// those of an index read whole, for every order. A second connection to the file reads its own whole.
describe('the index patched after roster writes', () => {
  const QUERIES = ['', '马', 'ma', '6229', '1985', '临夏', 'zz']
  const SORTS: RosterSort[] = ['pinyin', 'updated', 'unit', 'birth']

  function answers(database: Database) {
    return QUERIES.flatMap((q) =>
      SORTS.flatMap((sort) =>
        [false, true].flatMap((descending) =>
          [false, true].map((deleted) =>
            searchRoster(database, { q, sort, descending, deleted, offset: 0, limit: 500 }),
          ),
        ),
      ),
    )
  }

  function expectLikeFresh(): void {
    const fresh = new BetterSqlite3(join(db.dir, 'ledger.db'), { readonly: true })
    try {
      expect(answers(db.ctx.db)).toEqual(answers(fresh))
    } finally {
      fresh.close()
    }
  }

  const idOf = (idNumber: string) =>
    db.ctx.db.prepare('SELECT id FROM volunteers WHERE id_number = ?').pluck().get(idNumber) as number

  it('answers as a freshly read index after insert, rename, delete, restore, purge and import, by patching', async () => {
    const people = makePeople(40, 3)
    const first = join(db.dir, '第一批.xlsx')
    await writeStandardStream(first, '临夏州中学', people.slice(0, 30))
    await invoke(db.ctx, 'import.run', { form: 'roster', files: [first] })
    answers(db.ctx.db) // every order made, so each is patched
    const before = searchIndexRenewals(db.ctx.db)

    await addVolunteer(db.ctx, {
      name: '马丽',
      idNumber: makeId('622901', '19850312', 1, false),
      unit: '临夏市第一中学',
    })
    expectLikeFresh()
    const ma = idOf(makeId('622901', '19850312', 1, false))
    await invoke(db.ctx, 'roster.save', { id: ma, fields: { name: '阿卜杜', unit: '广河县中学' }, mode: 'keep' })
    expectLikeFresh()
    const [one, two] = [idOf(people[0]!.idNumber), idOf(people[1]!.idNumber)]
    await invoke(db.ctx, 'roster.delete', { ids: [one, two, ma] })
    expectLikeFresh()
    await invoke(db.ctx, 'roster.restore', { ids: [two] })
    expectLikeFresh()
    await invoke(db.ctx, 'roster.purge', { ids: [one] })
    expectLikeFresh()
    const second = join(db.dir, '第二批.xlsx')
    await writeStandardStream(second, '东乡县中学', people.slice(20, 40))
    await invoke(db.ctx, 'import.run', { form: 'roster', files: [second] })
    expectLikeFresh()

    const after = searchIndexRenewals(db.ctx.db)
    expect(after.builds).toBe(before.builds)
    expect(after.patches - before.patches).toBeGreaterThanOrEqual(6)
  })

  it('is read whole again after another connection wrote', async () => {
    await addVolunteer(db.ctx, { name: '马丽', idNumber: makeId('622901', '19850312', 1, false) })
    expect(names('马')).toEqual(['马丽'])
    const before = searchIndexRenewals(db.ctx.db)
    const other = new BetterSqlite3(join(db.dir, 'ledger.db'))
    try {
      other.prepare("UPDATE volunteers SET search_text = '马建国 majianguo mjg' WHERE name = '马丽'").run()
    } finally {
      other.close()
    }
    expect(names('mjg')).toEqual(['马丽'])
    expect(searchIndexRenewals(db.ctx.db).builds).toBe(before.builds + 1)
  })
})
