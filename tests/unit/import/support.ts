// Shared set-up for import tests: a fresh ledger in a temp folder and the messy returns generated once.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { createContext, type CoreContext } from '../../../src-main/core/index'
import { FILES, generateReturns } from '../../fixtures/generate'
import type { ParseJob } from '../../../src-main/core/import/parseJob'
import { rosterImporter } from '../../../src-main/core/import/roster/validate'
import { DEFAULT_READ_LIMITS } from '../../../src-main/core/xlsx/readGuard'

export type FixturePaths = Record<keyof typeof FILES, string>

export interface Ledger {
  dir: string
  ctx: CoreContext
  close: () => void
}

export function openLedger(now = new Date('2026-11-29T08:00:00Z')): Ledger {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-import-'))
  const ctx = createContext(join(dir, 'ledger.db'), { now: () => now })
  return {
    dir,
    ctx,
    close: () => {
      ctx.db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export async function makeFixtures(): Promise<{ dir: string; paths: FixturePaths }> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-fixtures-'))
  return { dir, paths: await generateReturns(dir) }
}

/** An issue reduced to what a test asserts: file name, row, column, level. */
export function issueKey(issue: { file: string; row: number | null; column: string | null; level: string }): string {
  return `${basename(issue.file)}:${issue.row}:${issue.column}:${issue.level}`
}

export function storedIds(ctx: CoreContext): string[] {
  return (ctx.db.prepare('SELECT id_number AS id FROM volunteers ORDER BY id_number').all() as { id: string }[]).map(
    (row) => row.id,
  )
}

/** A 表1 file to read, as the batch hands it to the parse pool. */
export function rosterJob(ctx: CoreContext, path: string, index = 0): ParseJob {
  return {
    form: 'roster',
    options: {},
    sheet: 0,
    checkData: rosterImporter.load(ctx),
    source: { name: path, path },
    index,
    limits: DEFAULT_READ_LIMITS,
    remembered: {},
  }
}
