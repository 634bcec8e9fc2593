// The dependency audit gate (issue 11 item 7). The registry here refuses `npm audit`, so a report
// made on a machine that can run it is committed as security/npm-audit.json with the sha256 of the
// package-lock.json it was made for (security/npm-audit.lock-sha256). The gate fails when the
// lockfile changed since the report, or when the report lists a high or critical advisory.
// `node scripts/audit-gate.mjs --report` (npm run audit:report) makes both files; it needs the registry.
// Until a genuine report is committed the gate is PENDING: it says so loudly and passes, because no
// honest report can be produced on this machine and a fabricated one would be worse than none.
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const lockHash = createHash('sha256')
  .update(readFileSync(join(root, 'package-lock.json')))
  .digest('hex')
const reportFile = join(root, 'security/npm-audit.json')
const hashFile = join(root, 'security/npm-audit.lock-sha256')
const HOW =
  '请在能访问 npm 注册表的机器上运行 `npm run audit:report`，并提交 security/npm-audit.json 与 security/npm-audit.lock-sha256'

if (process.argv.includes('--report')) {
  let output
  try {
    output = execFileSync('npm', ['audit', '--json', '--package-lock-only'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    })
  } catch (error) {
    output = error.stdout // npm audit exits 1 when it finds advisories; the JSON is still the report
  }
  const report = JSON.parse(output)
  if (!report.metadata) throw new Error(`npm audit 没有给出报告：${output.slice(0, 300)}`)
  writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`)
  writeFileSync(hashFile, `${lockHash}\n`)
  console.log(`已生成依赖审计报告（package-lock.json sha256 ${lockHash}）`)
  process.exit(0)
}

if (!existsSync(reportFile) || !existsSync(hashFile)) {
  console.warn(`依赖审计：待完成（PENDING）——尚未提交真实的 npm audit 报告。${HOW}`)
  process.exit(0)
}
const madeFor = readFileSync(hashFile, 'utf8').trim()
if (madeFor !== lockHash) {
  console.error(
    `依赖审计报告已过期：它针对的 package-lock.json（sha256 ${madeFor.slice(0, 12)}…）与当前（${lockHash.slice(0, 12)}…）不同。${HOW}`,
  )
  process.exit(1)
}
const counts = JSON.parse(readFileSync(reportFile, 'utf8')).metadata?.vulnerabilities ?? {}
console.log(`依赖审计：报告与 package-lock.json 一致；漏洞 ${JSON.stringify(counts)}`)
if ((counts.high ?? 0) + (counts.critical ?? 0) > 0) {
  console.error('依赖审计报告中有高危或严重漏洞：请升级相关依赖后重新生成报告')
  process.exit(1)
}
