// npm run bench [-- roster|import|stats|render|responsiveness|export] [--quick] [--no-build]: prints figures and ratios; never passes or
// fails on time. Flags (--quick) are read by the suites themselves.
import { runExportBench } from './export'
import { runImportBench } from './import'
import { execFileSync } from 'node:child_process'
import { runResponsivenessBench } from './responsiveness'
import { runRosterBench } from './roster'
import { runStatisticsBench } from './statistics'

/** In its own process: it lives with the E2E harness, whose types are the browser's. */
async function runRenderBench(): Promise<void> {
  execFileSync('npx', ['tsx', 'tests/e2e/renderBench.ts', ...process.argv.slice(2).filter((a) => a.startsWith('--'))], {
    stdio: 'inherit',
  })
}

const suites: Record<string, () => Promise<void>> = {
  roster: runRosterBench,
  stats: runStatisticsBench,
  render: runRenderBench,
  import: runImportBench,
  responsiveness: runResponsivenessBench,
  export: runExportBench,
}

const wanted = process.argv.slice(2).filter((argument) => !argument.startsWith('--'))
const names = wanted.length > 0 ? wanted : Object.keys(suites)
for (const name of names) {
  const suite = suites[name]
  if (!suite) {
    console.error(`unknown benchmark: ${name}; choose from ${Object.keys(suites).join(', ')}`)
    process.exitCode = 2
    break
  }
  console.log(`\n=== ${name} ===`)
  await suite()
}
