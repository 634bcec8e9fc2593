// A bulk issue larger than one Chromium print: the certificates are rendered in parts and joined
// into one PDF, one page per certificate, numbers in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { renderPdf } from '../../../src-main/cli/renderPdf'
import { CERTIFICATES_PER_PART } from '../../../src-main/core/certificates/document'
import { validatePerson } from '../../../src-main/core/domain'
import { insertVolunteer } from '../../../src-main/core/roster/repository'
import { writeSettings } from '../../../src-main/core/settings/settings'
import { makePeople } from '../../support/people'
import { openTestDb, type TestDb } from '../export/helpers'
import { pageText, pdfPages } from '../print/pdf'

const COUNT = CERTIFICATES_PER_PART + 10
let db: TestDb
let ids: number[]
beforeAll(async () => {
  db = openTestDb('ledger-certificates-bulk-')
  db.ctx.renderPdf = renderPdf
  writeSettings(db.ctx.db, { unitName: '临夏州教育局' })
  const at = db.ctx.now().toISOString()
  ids = []
  db.ctx.db.transaction(() => {
    for (const person of makePeople(COUNT + 20, 5)) {
      const { person: valid } = validatePerson(person)
      if (valid && ids.length < COUNT) ids.push(insertVolunteer(db.ctx.db, valid, at))
    }
  })()
  await invoke(db.ctx, 'activities.save', {
    fields: { name: '全州送教', heldOn: '2026-05-10', task: '送教下乡', leader: '张敏', lateReason: '年底集中补登' },
    participants: ids.map((volunteerId) => ({ volunteerId, hours: 2 })),
  })
})
afterAll(() => db.close())

describe('bulk certificates', () => {
  it(`issues ${COUNT} certificates as one PDF rendered in parts`, async () => {
    const out = `${db.dir}/证明.pdf`
    const result = await invoke(db.ctx, 'certificates.issue', { volunteers: ids, year: 2026, out })
    expect(result.certificates).toHaveLength(COUNT)
    expect(pdfPages(out)).toBe(COUNT)
    expect(pageText(out, 1).replace(/\s+/g, '')).toContain('临教志证〔2026〕第0001号')
    expect(pageText(out, CERTIFICATES_PER_PART + 1).replace(/\s+/g, '')).toContain(
      `临教志证〔2026〕第${String(CERTIFICATES_PER_PART + 1).padStart(4, '0')}号`,
    )
    expect(pageText(out, COUNT).replace(/\s+/g, '')).toContain(`临教志证〔2026〕第${String(COUNT).padStart(4, '0')}号`)
  }, 120_000)
})
