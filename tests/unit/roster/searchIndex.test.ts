// The roster's in-memory search index is keyed on the volunteers' change counter. A copy read inside
// a transaction that is rolled back must not be taken for the rows a later write commits under the
// same counter value.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { searchRoster } from '../../../src-main/core/roster/repository'
import { addVolunteer, openTestDb, type TestDb } from '../export/helpers'
import { makeId } from '../../support/people'

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
