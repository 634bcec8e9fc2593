// A process killed with SIGKILL in the middle of committing a large batch leaves the database
// exactly as it was before the batch, and intact.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { createContext } from '../../../src-main/core/index'
import { generateReturns } from '../../fixtures/generate'
import { writeStandardStream } from '../../fixtures/returns'
import { makePeople } from '../../support/people'

const CHILD = fileURLToPath(new URL('./crashChild.ts', import.meta.url))
let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-crash-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function snapshot(dbPath: string) {
  const ctx = createContext(dbPath)
  try {
    return {
      volunteers: ctx.db.prepare('SELECT * FROM volunteers ORDER BY id').all(),
      batches: ctx.db.prepare('SELECT id, counts FROM import_batches ORDER BY id').all(),
      changes: (ctx.db.prepare('SELECT count(*) AS n FROM import_changes').get() as { n: number }).n,
      integrity: ctx.db.pragma('integrity_check', { simple: true }),
    }
  } finally {
    ctx.db.close()
  }
}

/** Runs the child until it says the commit has begun, then kills it with SIGKILL. */
function killDuringCommit(dbPath: string, files: string[]): Promise<{ signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbPath, ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('COMMIT_STARTED')) child.kill('SIGKILL')
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (_code, signal) => resolve({ signal, output }))
  })
}

describe('crash safety', () => {
  it('leaves the database as before the batch when killed during the commit', async () => {
    const dbPath = join(dir, 'ledger.db')
    const small = await generateReturns(join(dir, 'small'))
    const ctx = createContext(dbPath)
    await invoke(ctx, 'import.run', { form: 'roster', files: [small.standard] })
    ctx.db.close()
    const before = snapshot(dbPath)
    const people = makePeople(20_000, 42)
    const files = [0, 1, 2, 3].map((index) => join(dir, `big-${index}.xlsx`))
    for (const [index, file] of files.entries())
      await writeStandardStream(file, `学校${index}`, people.slice(index * 5000, (index + 1) * 5000))

    const { signal, output } = await killDuringCommit(dbPath, files)
    expect(output).toContain('COMMIT_STARTED')
    expect(output).not.toContain('COMMIT_FINISHED')
    expect(signal).toBe('SIGKILL')

    const after = snapshot(dbPath)
    expect(after.integrity).toBe('ok')
    expect(after.volunteers).toEqual(before.volunteers)
    expect(after.batches).toEqual(before.batches)
    expect(after.changes).toBe(before.changes)
    expect(before.volunteers).toHaveLength(5)
  }, 120_000)
})
