// npm run bench -- import [--quick]: the whole import of 表1 returns against plain readers of the
// same files. Sets: 200 returns × 250 rows, one 100,000-row return, growth at 10k/50k/100k/~200k
// rows, and the 200 returns into a roster already holding 100,000 volunteers. Every measurement is
// a child process of its own (its peak RSS is real); each is run ROUNDS times, interleaved, and the
// fastest kept — a shared machine only ever adds time. CPU seconds are printed beside wall seconds:
// on a loaded machine they move far less. Figures and ratios only; nothing passes or fails on time.
// --quick (or BENCH_QUICK=1): 20 × 250, 20,000 rows, growth to 40,000, one round.
// BENCH_IMPORT_DIR=<folder> keeps the generated files (and the 100,000-volunteer roster) for the next run.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { invoke } from '../../src-main/core/api'
import { createContext } from '../../src-main/core/index'
import { writeStandardStream } from '../fixtures/returns'
import { makePeople, UNITS, type TestPerson } from '../support/people'
import { exceljsStream, openpyxlArgs, openpyxlPython, peakRssMb, projectReader, sheetjs } from './importPeers'

const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1'
const SMALL_FILES = Number(process.env.BENCH_IMPORT_FILES ?? (QUICK ? 20 : 200))
const SMALL_ROWS = 250
const BIG_ROWS = QUICK ? 20_000 : 100_000
// The top size stays under the read limit of 200,000 sheet rows (readGuard.ts), title, header and footer included.
const GROWTH = QUICK ? [5_000, 10_000, 20_000, 40_000] : [10_000, 50_000, 100_000, 199_990]
const ROSTER = QUICK ? 20_000 : 100_000
const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? (QUICK ? 1 : 2))
const KEEP_DIR = process.env.BENCH_IMPORT_DIR
/** Which parts to run (BENCH_IMPORT_SETS=peers,growth,roster); all by default. */
const SETS = new Set((process.env.BENCH_IMPORT_SETS ?? 'peers,growth,roster').split(','))

interface Measure {
  seconds: number
  cpuSeconds: number
  rows: number
  peakRssMb: number
  /** For the whole import: reading and checking (the preview); the rest is the commit. */
  previewSeconds?: number
}

type Mode = 'import' | 'reader' | 'exceljs' | 'sheetjs' | 'openpyxl'

/** Child mode: the whole import through the handlers the UI uses, into a copy of `roster` (or a fresh database). */
async function importAll(
  files: string[],
  roster: string | undefined,
  phases: { previewSeconds?: number },
): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-import-db-'))
  if (roster) copyFileSync(roster, join(dir, 'ledger.db'))
  const ctx = createContext(join(dir, 'ledger.db'))
  try {
    const started = performance.now()
    const preview = await invoke(ctx, 'import.preview', { form: 'roster', files })
    phases.previewSeconds = (performance.now() - started) / 1000
    const result = await invoke(ctx, 'import.commit', { previewId: preview.previewId })
    const failed = result.files.find((file) => file.status !== 'imported')
    if (result.totals.rejected > 0 || failed)
      throw new Error(`bench import rejected rows: ${failed?.error ?? `${result.totals.rejected} rows`}`)
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
  const rows =
    mode === 'exceljs'
      ? await exceljsStream(files)
      : mode === 'sheetjs'
        ? sheetjs(files)
        : mode === 'reader'
          ? await projectReader(files)
          : await importAll(files, process.env.BENCH_ROSTER_DB || undefined, phases)
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuStart)
  process.stdout.write(
    `${JSON.stringify({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, rows, peakRssMb: peakRssMb(), ...phases })}\n`,
  )
}

const python = openpyxlPython()

function measureInChild(mode: Mode, files: readonly string[], roster?: string): Measure {
  const [command, args] =
    mode === 'openpyxl'
      ? [python as string, openpyxlArgs(files)]
      : [process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode, ...files]]
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    env: { ...process.env, BENCH_ROSTER_DB: roster ?? '' },
  })
  if (result.status !== 0) throw new Error(`bench child ${mode} failed: ${result.stderr}`)
  return JSON.parse(result.stdout.trim().split('\n').at(-1) as string) as Measure
}

function fastest(mode: Mode, files: readonly string[], roster?: string): Measure {
  const runs = Array.from({ length: ROUNDS }, () => measureInChild(mode, files, roster))
  return runs.reduce((best, run) => (run.seconds < best.seconds ? run : best))
}

function line(label: string, measure: Measure, base?: Measure): string {
  const rate = Math.round(measure.rows / measure.seconds).toLocaleString('en-US')
  const ratio = base
    ? `  ×${(measure.seconds / base.seconds).toFixed(2)} wall, ×${(measure.cpuSeconds / base.cpuSeconds).toFixed(2)} cpu`
    : ''
  const split =
    measure.previewSeconds === undefined
      ? ''
      : `  (read+check ${measure.previewSeconds.toFixed(2)} s, write ${(measure.seconds - measure.previewSeconds).toFixed(2)} s)`
  return `  ${label.padEnd(30)} ${measure.seconds.toFixed(2).padStart(6)} s  cpu ${measure.cpuSeconds.toFixed(2).padStart(6)} s  ${rate.padStart(9)} rows/s  peak RSS ${measure.peakRssMb.toFixed(0).padStart(4)} MB${ratio}${split}`
}

/** One set of files through the import and every peer; ratios against exceljs streaming. */
function compare(label: string, files: readonly string[]): void {
  console.log(`${label} (fastest of ${ROUNDS}; ratios against exceljs streaming):`)
  const exceljs = fastest('exceljs', files)
  const whole = fastest('import', files)
  console.log(line('this project, whole import', whole, exceljs))
  console.log(line('this project, reader alone', fastest('reader', files), exceljs))
  console.log(line('exceljs streaming, values', exceljs, exceljs))
  console.log(line('SheetJS read + sheet_to_json', fastest('sheetjs', files), exceljs))
  if (python) {
    const openpyxl = fastest('openpyxl', files)
    console.log(line('openpyxl read-only (Python)', openpyxl, exceljs))
    console.log(`  import / openpyxl: ×${(whole.seconds / openpyxl.seconds).toFixed(2)} wall (goal ≤ 0.5)`)
  } else console.log('  openpyxl: not installed (apt-get install python3-openpyxl)')
}

async function writeReturn(path: string, people: number | (() => TestPerson[]), seed = 5): Promise<string> {
  if (!(KEEP_DIR && existsSync(path)))
    await writeStandardStream(path, '临夏州教育局', typeof people === 'number' ? makePeople(people, seed) : people())
  return path
}

async function generateSmall(dir: string): Promise<string[]> {
  const smallDir = join(dir, `small-${SMALL_FILES}`)
  if (!(KEEP_DIR && existsSync(smallDir) && readdirSync(smallDir).length === SMALL_FILES)) {
    mkdirSync(smallDir, { recursive: true })
    const people = makePeople(SMALL_FILES * SMALL_ROWS, 3)
    for (let index = 0; index < SMALL_FILES; index++) {
      const unit = `${UNITS[index % UNITS.length]}${index}`
      await writeStandardStream(
        join(smallDir, `school-${String(index).padStart(3, '0')}.xlsx`),
        unit,
        people.slice(index * SMALL_ROWS, (index + 1) * SMALL_ROWS),
      )
    }
  }
  return readdirSync(smallDir)
    .sort()
    .map((file) => join(smallDir, file))
}

/** A roster of ROSTER volunteers none of the small returns names (drawn from the same series, after them), built through the import itself. */
async function rosterDatabase(dir: string): Promise<string> {
  const path = join(dir, `roster-${ROSTER}-after-${SMALL_FILES * SMALL_ROWS}.db`)
  if (KEEP_DIR && existsSync(path)) return path
  rmSync(path, { force: true })
  const small = SMALL_FILES * SMALL_ROWS
  const file = await writeReturn(join(dir, `roster-${ROSTER}-after-${small}.xlsx`), () =>
    makePeople(small + ROSTER, 3).slice(small),
  )
  const ctx = createContext(path)
  try {
    const preview = await invoke(ctx, 'import.preview', { form: 'roster', files: [file] })
    await invoke(ctx, 'import.commit', { previewId: preview.previewId })
  } finally {
    ctx.db.close()
  }
  return path
}

export async function runImportBench(): Promise<void> {
  const dir = KEEP_DIR ?? mkdtempSync(join(tmpdir(), 'ledger-bench-import-'))
  if (KEEP_DIR) mkdirSync(dir, { recursive: true })
  try {
    const started = performance.now()
    const small = await generateSmall(dir)
    const growth: string[] = []
    for (const rows of GROWTH) growth.push(await writeReturn(join(dir, `rows-${rows}.xlsx`), rows))
    const big = GROWTH.includes(BIG_ROWS)
      ? (growth[GROWTH.indexOf(BIG_ROWS)] as string)
      : await writeReturn(join(dir, `rows-${BIG_ROWS}.xlsx`), BIG_ROWS)
    const roster = await rosterDatabase(dir)
    console.log(
      `generated the files and a ${ROSTER.toLocaleString('en-US')}-volunteer roster in ${((performance.now() - started) / 1000).toFixed(1)} s${QUICK ? ' (quick mode)' : ''}`,
    )
    if (SETS.has('peers')) {
      compare(`${SMALL_FILES} returns × ${SMALL_ROWS} rows`, small)
      compare(`1 return × ${BIG_ROWS.toLocaleString('en-US')} rows`, [big])
    }
    if (SETS.has('growth')) growthOf(growth)
    if (SETS.has('roster')) intoRoster(small, roster)
  } finally {
    if (!KEEP_DIR) rmSync(dir, { recursive: true, force: true })
  }
}

function growthOf(growth: readonly string[]): void {
  console.log(`growth, whole import of one return (fastest of ${ROUNDS}):`)
  for (const [index, rows] of GROWTH.entries()) {
    const measure = fastest('import', [growth[index] as string])
    console.log(
      `${line(`${rows.toLocaleString('en-US')} rows`, measure)}  ${((measure.seconds / rows) * 1e6).toFixed(1)} µs/row, cpu ${((measure.cpuSeconds / rows) * 1e6).toFixed(1)} µs/row`,
    )
  }
}

function intoRoster(small: readonly string[], roster: string): void {
  console.log(`${SMALL_FILES} returns × ${SMALL_ROWS} rows into a roster (fastest of ${ROUNDS}):`)
  const empty = fastest('import', small)
  const full = fastest('import', small, roster)
  console.log(line('into an empty roster', empty))
  console.log(line(`into ${ROSTER.toLocaleString('en-US')} volunteers`, full, empty))
  console.log(
    `  ratio full / empty: ${(full.seconds / empty.seconds).toFixed(2)} wall, ${(full.cpuSeconds / empty.cpuSeconds).toFixed(2)} cpu (goal ≤ 1.2)`,
  )
}

const isMain = import.meta.url === pathToFileURL(process.argv[1] ?? '').href
if (isMain && process.argv[2] === '--child') {
  await child(process.argv[3] as string, process.argv.slice(4))
} else if (isMain) {
  await runImportBench()
}
