// npm run bench -- import: 200 returns × 250 rows and one 100,000-row return. For each set, in
// separate child processes (so each peak RSS is that job's alone): exceljs merely streaming the rows,
// and the whole import (parse, validate, dedupe, commit) into a fresh database. Prints seconds,
// rows/s, peak RSS and the ratio import / streaming. Each is measured ROUNDS times, interleaved, and
// the fastest run kept: shared machines are noisy, and noise only ever adds time. CPU seconds are
// printed too: on a loaded machine they move far less than wall-clock seconds. Figures only;
// nothing passes or fails on time. BENCH_IMPORT_DIR=<folder> keeps the generated files for the next run.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ExcelJS from 'exceljs'
import { invoke } from '../../src-main/core/api'
import { createContext } from '../../src-main/core/index'
import { Readable } from 'node:stream'
import { writeStandardStream } from '../fixtures/returns'
import { makePeople, UNITS } from '../support/people'

const SMALL_FILES = Number(process.env.BENCH_IMPORT_FILES ?? 200)
const SMALL_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 250)
const BIG_ROWS = Number(process.env.BENCH_IMPORT_BIG ?? 100_000)
const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 2)
/** A folder to keep the generated files in and reuse on the next run (generation takes a while). */
const KEEP_DIR = process.env.BENCH_IMPORT_DIR

interface Measure {
  seconds: number
  /** User + system CPU time of the child. */
  cpuSeconds: number
  rows: number
  peakRssMb: number
  /** For the whole import: reading and checking (the preview), then writing (the commit). */
  previewSeconds?: number
}

/** exceljs needs styles to tell dates from numbers; hyperlinks and the rest are not needed. */
const STREAM_OPTIONS = { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' } as const

function bytesStream(bytes: Buffer): Readable {
  return Readable.from((function* chunks() {
    for (let offset = 0; offset < bytes.length; offset += 1 << 16) yield bytes.subarray(offset, offset + (1 << 16))
  })())
}

/** Child mode: exceljs's streaming reader over the files, touching every row's values. */
async function streamOnly(files: string[]): Promise<number> {
  let rows = 0
  for (const file of files) {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(bytesStream(readFileSync(file)), STREAM_OPTIONS)
    for await (const sheet of reader) {
      for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) if ((row.values as unknown[]).length > 0) rows++
    }
  }
  return rows
}

/** Child mode: the whole import through the handlers the UI uses (preview, then commit). */
async function importAll(files: string[], phases: { previewSeconds?: number }): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-import-db-'))
  const ctx = createContext(join(dir, 'ledger.db'))
  try {
    const started = performance.now()
    const preview = await invoke(ctx, 'import.preview', { form: 'roster', files })
    phases.previewSeconds = (performance.now() - started) / 1000
    const result = await invoke(ctx, 'import.commit', { previewId: preview.previewId })
    if (result.totals.rejected > 0 || result.files.some((file) => file.status !== 'imported')) throw new Error('bench import rejected rows')
    return result.totals.accepted
  } finally {
    ctx.db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function child(mode: string, files: string[]): Promise<void> {
  const started = performance.now()
  const cpuStart = process.cpuUsage()
  const phases: { previewSeconds?: number } = {}
  const rows = mode === 'stream' ? await streamOnly(files) : await importAll(files, phases)
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuStart)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  const peakRssMb = process.resourceUsage().maxRSS / 1024
  process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds, rows, peakRssMb, ...phases })}\n`)
}

function measureInChild(mode: 'stream' | 'import', files: string[]): Measure {
  const script = fileURLToPath(import.meta.url)
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, '--child', mode, ...files], { encoding: 'utf8', maxBuffer: 1 << 24 })
  if (result.status !== 0) throw new Error(`bench child ${mode} failed: ${result.stderr}`)
  return JSON.parse(result.stdout.trim().split('\n').at(-1) as string) as Measure
}

function line(label: string, measure: Measure): string {
  const rate = Math.round(measure.rows / measure.seconds).toLocaleString('en-US')
  const split = measure.previewSeconds === undefined ? '' : `  (read+check ${measure.previewSeconds.toFixed(2)} s, write ${(measure.seconds - measure.previewSeconds).toFixed(2)} s)`
  return `  ${label.padEnd(28)} ${measure.seconds.toFixed(2).padStart(7)} s (cpu ${measure.cpuSeconds.toFixed(2).padStart(6)} s)  ${rate.padStart(9)} rows/s  peak RSS ${measure.peakRssMb.toFixed(0).padStart(4)} MB${split}`
}

async function generate(dir: string): Promise<{ small: string[]; big: string }> {
  const smallDir = join(dir, 'small')
  const big = join(dir, 'big.xlsx')
  if (KEEP_DIR && existsSync(big) && readdirSync(smallDir).length === SMALL_FILES) {
    return { small: readdirSync(smallDir).sort().map((file) => join(smallDir, file)), big }
  }
  mkdirSync(smallDir, { recursive: true })
  const people = makePeople(SMALL_FILES * SMALL_ROWS, 3)
  for (let index = 0; index < SMALL_FILES; index++) {
    const unit = `${UNITS[index % UNITS.length]}${index}`
    await writeStandardStream(join(smallDir, `school-${String(index).padStart(3, '0')}.xlsx`), unit, people.slice(index * SMALL_ROWS, (index + 1) * SMALL_ROWS))
  }
  await writeStandardStream(big, '临夏州教育局', makePeople(BIG_ROWS, 5))
  return { small: readdirSync(smallDir).sort().map((file) => join(smallDir, file)), big }
}

export async function runImportBench(): Promise<void> {
  const dir = KEEP_DIR ?? mkdtempSync(join(tmpdir(), 'ledger-bench-import-'))
  try {
    const started = performance.now()
    const { small, big } = await generate(dir)
    console.log(`generated ${SMALL_FILES} returns × ${SMALL_ROWS} rows and one ${BIG_ROWS}-row return in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    for (const [label, files] of [[`${SMALL_FILES} × ${SMALL_ROWS} rows`, small], [`1 × ${BIG_ROWS} rows`, [big]]] as const) {
      const streams: Measure[] = []
      const wholes: Measure[] = []
      for (let round = 0; round < ROUNDS; round++) {
        streams.push(measureInChild('stream', [...files]))
        wholes.push(measureInChild('import', [...files]))
      }
      const fastest = (runs: Measure[]) => runs.reduce((best, run) => (run.seconds < best.seconds ? run : best))
      const stream = fastest(streams)
      const whole = fastest(wholes)
      console.log(`${label} (fastest of ${ROUNDS}):`)
      console.log(line('exceljs streaming only', stream))
      console.log(line('whole import', whole))
      console.log(`  ratio import / streaming: ${(whole.seconds / stream.seconds).toFixed(2)} (goal ≤ 1.5); by CPU time ${(whole.cpuSeconds / stream.cpuSeconds).toFixed(2)}`)
    }
  } finally {
    if (!KEEP_DIR) rmSync(dir, { recursive: true, force: true })
  }
}

const isMain = import.meta.url === pathToFileURL(process.argv[1] ?? '').href
if (isMain && process.argv[2] === '--child') {
  await child(process.argv[3] as string, process.argv.slice(4))
} else if (isMain) {
  await runImportBench()
}
