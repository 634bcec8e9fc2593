// Hostile and broken returns through the real CLI, in a child process with a capped heap: every file
// gets a clear Chinese answer or imports, the process always ends with a result, and the clean file
// in the same batch still imports. (Time per file is the reader's deadline; figures go to the bench.)
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hostileCorpus, type HostileFile } from '../../fixtures/hostile'

const CLI = fileURLToPath(new URL('../../../src-main/cli/main.ts', import.meta.url))
const HEAP_MB = 500

interface CliFile {
  file: string
  status: 'imported' | 'failed'
  error?: string
}

let dir: string
let corpus: HostileFile[]
let result: { status: number | null; signal: string | null; stdout: string; stderr: string }

function run(args: string[]): Promise<typeof result> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', CLI, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (status, signal) => done({ status, signal, stdout, stderr }))
  })
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-hostile-'))
  corpus = hostileCorpus()
  for (const file of corpus) writeFileSync(join(dir, file.name), file.bytes)
  result = await run([
    'import',
    '--db',
    join(dir, 'ledger.db'),
    '--form',
    'roster',
    '--dry-run',
    '--json',
    ...corpus.map((file) => join(dir, file.name)),
  ])
}, 300_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('a batch of hostile returns', () => {
  it('holds at least 200 files', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200)
  })

  it('ends with a result: exit 1 (some files failed), one JSON object on stdout', () => {
    expect(result.signal, result.stderr.slice(-2000)).toBeNull()
    expect(result.status, result.stderr.slice(-2000)).toBe(1)
    expect(() => JSON.parse(result.stdout)).not.toThrow()
  })

  it('answers every file once, in Chinese, without a stack trace or the clerk’s paths', () => {
    const files = (JSON.parse(result.stdout) as { files: CliFile[] }).files
    expect(files.map((file) => file.file.split('/').at(-1)).sort()).toEqual(corpus.map((file) => file.name).sort())
    for (const file of files.filter((entry) => entry.status === 'failed')) {
      expect(file.error, file.file).toMatch(/[\u4e00-\u9fff]/)
      expect(file.error, file.file).not.toMatch(/\n\s+at |Error:|\/tmp\/|node_modules/)
    }
  })

  it('gives each file the outcome its kind calls for', () => {
    const byName = new Map(
      (JSON.parse(result.stdout) as { files: CliFile[] }).files.map((file) => [file.file.split('/').at(-1), file]),
    )
    const wrong = corpus.flatMap((expected) => {
      const got = byName.get(expected.name)
      if (!got) return [`${expected.name}: no result`]
      if (expected.expect !== 'either' && got.status !== expected.expect)
        return [`${expected.name}: ${got.status} (${got.error ?? ''})`]
      if (expected.message && !expected.message.test(got.error ?? '')) return [`${expected.name}: "${got.error}"`]
      return []
    })
    expect(wrong).toEqual([])
  })
})
