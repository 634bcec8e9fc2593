// npm run bench [-- roster|import|stats|responsiveness|export] [--quick]: prints figures and ratios; never passes or
// fails on time. Flags (--quick) are read by the suites themselves.
import { runExportBench } from './export'
import { runImportBench } from './import'
import { runResponsivenessBench } from './responsiveness'
import { runRosterBench } from './roster'
import { runStatisticsBench } from './statistics'

const suites: Record<string, () => Promise<void>> = {
  roster: runRosterBench,
  stats: runStatisticsBench,
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
