// npm run bench -- responsiveness: how long the core keeps another request waiting while it reads
// an import, reading in process (workers: 0, as before) against the parse pool. In a child process
// per run: a preview of the files while `system.clock` is asked every 20 ms; prints the preview's
// wall and CPU time (all threads), the slowest and the 99th-percentile answer, and the process's
// peak RSS. Figures only; on a shared machine run it more than once.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { closeContext, createContext, invoke } from '../../src-main/core/index'
import { writeStandardStream } from '../fixtures/returns'
import { makePeople, UNITS } from '../support/people'
import { percentile } from './latency'

const FILES = Number(process.env.BENCH_RESPONSIVE_FILES ?? 8)
const ROWS = Number(process.env.BENCH_RESPONSIVE_ROWS ?? 5_000)
const PROBE_MS = 20

interface Run {
  workers: number
  previewSeconds: number
  probes: number
  maxWaitMs: number
  p99WaitMs: number
  cpuSeconds: number
  peakRssMb: number
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1e6
}

async function child(workers: number, files: string[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-responsive-db-'))
  const ctx = createContext(join(dir, 'ledger.db'), { parsing: { workers } })
  const waits: number[] = []
  let running = true
  // A wait is counted from when the question was due, so a timer held up by a busy loop counts too.
  const probe = async () => {
    let due = performance.now()
    while (running) {
      await invoke(ctx, 'system.clock', {})
      const answered = performance.now()
      waits.push(answered - due)
      due = answered + PROBE_MS
      await new Promise((resolve) => setTimeout(resolve, PROBE_MS))
    }
  }
  try {
    const started = performance.now()
    const cpu = process.cpuUsage()
    const probing = probe()
    const preview = await invoke(ctx, 'import.preview', { form: 'roster', files })
    const previewSeconds = (performance.now() - started) / 1000
    running = false
    await probing
    if (preview.totals.rejected > 0) throw new Error('bench rows rejected')
    const sorted = [...waits].sort((a, b) => a - b)
    const run: Run = {
      workers,
      previewSeconds,
      probes: waits.length,
      maxWaitMs: sorted.at(-1) ?? 0,
      p99WaitMs: percentile(sorted, 0.99),
      cpuSeconds: cpuSince(cpu),
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }
    process.stdout.write(`${JSON.stringify(run)}\n`)
  } finally {
    await closeContext(ctx)
    rmSync(dir, { recursive: true, force: true })
  }
}

function measure(workers: number, files: string[]): Run {
  const script = fileURLToPath(import.meta.url)
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, '--child', String(workers), ...files], {
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`bench child failed: ${result.stderr}`)
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Run
}

export async function runResponsivenessBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-responsive-'))
  try {
    mkdirSync(dir, { recursive: true })
    const people = makePeople(FILES * ROWS, 7)
    const files: string[] = []
    for (let index = 0; index < FILES; index++) {
      const file = join(dir, `school-${index}.xlsx`)
      await writeStandardStream(
        file,
        `${UNITS[index % UNITS.length]}${index}`,
        people.slice(index * ROWS, (index + 1) * ROWS),
      )
      files.push(file)
    }
    console.log(`${FILES} returns × ${ROWS} rows; system.clock asked every ${PROBE_MS} ms during the preview`)
    const { defaultPoolSize } = await import('../../src-main/core/import/parsePool')
    for (const workers of [0, defaultPoolSize()]) {
      const run = measure(workers, files)
      const label = workers === 0 ? 'in process (before)' : `parse pool, ${workers} worker${workers > 1 ? 's' : ''}`
      console.log(
        `  ${label.padEnd(22)} preview ${run.previewSeconds.toFixed(2).padStart(6)} s (cpu ${run.cpuSeconds.toFixed(2)} s)   slowest answer ${run.maxWaitMs.toFixed(0).padStart(5)} ms   p99 ${run.p99WaitMs.toFixed(0).padStart(5)} ms   (${run.probes} answers)   peak RSS ${run.peakRssMb.toFixed(0)} MB`,
      )
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const isMain = import.meta.url === pathToFileURL(process.argv[1] ?? '').href
if (isMain && process.argv[2] === '--child') await child(Number(process.argv[3]), process.argv.slice(4))
else if (isMain) await runResponsivenessBench()
