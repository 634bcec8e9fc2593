// The Electron build: electron-vite builds the main process, the core's utility process and the
// parse worker as separate files, and the built worker reads a workbook as the source does.
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build } from 'electron-vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAIN_ENTRIES } from '../../../electron.vite.config'
import { createParsePool } from '../../../src-main/core/import/parsePool'
import { runParseJob } from '../../../src-main/core/import/parseJob'
import { makeFixtures, openLedger, rosterJob, type FixturePaths } from '../import/support'

// Inside the project, so that the bundle's bare imports (exceljs, better-sqlite3) resolve.
const OUT = resolve(import.meta.dirname, `../../output/main-build-${process.pid}`)
let fixtures: { dir: string; paths: FixturePaths }

beforeAll(async () => {
  fixtures = await makeFixtures()
  // Only the main section, into a folder of its own: out/ is left to `npm run build`.
  process.env.MAIN_BUILD_OUT = OUT
  await build({
    configFile: join(import.meta.dirname, 'mainOnly.config.ts'),
    root: resolve(import.meta.dirname, '../../..'),
    logLevel: 'warn',
  })
}, 120_000)
afterAll(() => {
  rmSync(OUT, { recursive: true, force: true })
  rmSync(fixtures.dir, { recursive: true, force: true })
})

/** The packages a built file loads, with those of the local chunks it imports. */
function bareImports(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return []
  seen.add(file)
  const specifiers = [
    ...readFileSync(join(OUT, file), 'utf8').matchAll(/^import .*?from "([^"]+)";?$|^import "([^"]+)";?$/gm),
  ].map((match) => match[1] ?? match[2]!)
  return specifiers.flatMap((specifier) =>
    specifier.startsWith('./') ? bareImports(specifier.slice(2), seen) : [specifier],
  )
}

describe('the Electron build', () => {
  it('builds the shell, the core host and the parse worker as entries, with the migrations beside them', () => {
    expect(Object.keys(MAIN_ENTRIES)).toEqual(['index', 'coreHost', 'parseWorker'])
    for (const name of ['index.js', 'coreHost.js', 'parseWorker.js', 'migrations/001_init.sql'])
      expect(existsSync(join(OUT, name)), name).toBe(true)
    // The shell starts the host by that name, and the host the worker.
    expect(readFileSync(join(OUT, 'index.js'), 'utf8')).toContain('"coreHost.js"')
    expect(readFileSync(join(OUT, 'coreHost.js'), 'utf8')).toContain('"parseWorker.js"')
    // The main process does not load the database or the readers, not even through a shared chunk.
    expect(bareImports('index.js')).not.toContain('better-sqlite3')
    expect(bareImports('index.js')).not.toContain('exceljs')
    expect(readFileSync(join(OUT, 'index.js'), 'utf8')).not.toContain('src-main/core/')
    expect(bareImports('coreHost.js')).toEqual(
      expect.arrayContaining(['better-sqlite3-multiple-ciphers', 'exceljs', 'node:worker_threads']),
    )
  })

  it('runs the built parse worker in plain Node, with the result of the source', async () => {
    const ledger = openLedger()
    const pool = createParsePool({ workers: 1, workerFile: join(OUT, 'parseWorker.js') })
    try {
      const job = rosterJob(ledger.ctx, fixtures.paths.messy)
      expect(await pool.parse(job)).toEqual(await runParseJob(job))
      expect(pool.stats()).toMatchObject({ started: 1, inProcess: null })
    } finally {
      await pool.close()
      ledger.close()
    }
  })
})
