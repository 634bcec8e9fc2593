// A 500-row roster printed to PDF: the header row is repeated on every page and each page is
// numbered 第 X 页 共 Y 页. The pages are also written as PNGs to tests/output/print for a look.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { renderPdf } from '../../../src-main/cli/renderPdf'
import { validatePerson } from '../../../src-main/core/domain'
import { insertVolunteer } from '../../../src-main/core/roster/repository'
import { makePeople } from '../../support/people'
import { openTestDb, type TestDb } from '../export/helpers'
import { pageText, pdfPages } from './pdf'

let db: TestDb
beforeAll(() => {
  db = openTestDb('ledger-print-long-')
  db.ctx.renderPdf = renderPdf
  const at = db.ctx.now().toISOString()
  db.ctx.db.transaction(() => {
    let added = 0
    for (const person of makePeople(520, 11)) {
      const { person: valid } = validatePerson(person)
      if (valid && added < 500) {
        insertVolunteer(db.ctx.db, valid, at)
        added++
      }
    }
  })()
})
afterAll(() => db.close())

describe('a long printed table', () => {
  it('repeats the header row on page 2 and every later page, with page numbers', async () => {
    const result = await invoke(db.ctx, 'print.document', { report: 'roster', out: `${db.dir}/花名册.pdf` })
    if (!('file' in result)) throw new Error('expected a file')
    const pages = pdfPages(result.file)
    expect(pages).toBeGreaterThan(2)
    for (let page = 2; page <= pages; page++) {
      const text = pageText(result.file, page).replace(/[ \t]+/g, '')
      expect(text).toContain('身份证号码')
      expect(text).toContain('所属服务队')
      expect(text).toContain(`第${page}页共${pages}页`)
    }
    // Only the first page carries the title.
    expect(pageText(result.file, 2)).not.toContain('志愿者花名册')
    expect(pageText(result.file, pages).replace(/\s+/g, '')).toContain('单位负责人：')
    mkdirSync('tests/output/print', { recursive: true })
    copyFileSync(result.file, 'tests/output/print/roster-500.pdf')
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', result.file, 'tests/output/print/roster-500'])
  }, 60_000)
})
