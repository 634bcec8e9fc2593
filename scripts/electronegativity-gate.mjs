// Runs Electronegativity over src-main (and out/ when built), reads its CSV report (it always exits 0
// and skips .vue files) and fails on any MEDIUM-or-worse finding not listed, with a reason, in
// security/electronegativity-exceptions.json ({ "CHECK_ID": "justification" }; README lists them).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const cli = join(root, 'node_modules/@doyensec/electronegativity/dist/index.js')
const exceptions = JSON.parse(readFileSync(join(root, 'security/electronegativity-exceptions.json'), 'utf8'))
const SEVERE = new Set(['MEDIUM', 'HIGH', 'CRITICAL'])

function parseCsvLine(line) {
  const cells = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"'
      i++
    } else if (quoted && c === '"') quoted = false
    else if (quoted) cell += c
    else if (c === '"') quoted = true
    else if (c === ',') {
      cells.push(cell)
      cell = ''
    } else cell += c
  }
  cells.push(cell)
  return cells
}

const work = mkdtempSync(join(tmpdir(), 'electronegativity-'))
const findings = []
try {
  for (const input of ['src-main', 'out'].filter((dir) => existsSync(join(root, dir)))) {
    const report = join(work, `${input}.csv`)
    execFileSync(process.execPath, [cli, '-i', join(root, input), '-o', report, '-e', '45.0.0'], { stdio: 'ignore' })
    if (!existsSync(report)) throw new Error(`Electronegativity 没有生成报告（${input}）`)
    const lines = readFileSync(report, 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter((line) => /^[A-Z_]+,"/.test(line))
    for (const line of lines) {
      const [id, severity, confidence, file, location] = parseCsvLine(line)
      findings.push({ id, severity, confidence, file, location })
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}

const blocking = findings.filter((finding) => SEVERE.has(finding.severity) && !exceptions[finding.id])
const unused = Object.keys(exceptions).filter((id) => !findings.some((finding) => finding.id === id))
console.log(
  `Electronegativity：${findings.length} 条发现，${findings.filter((f) => SEVERE.has(f.severity)).length} 条中等及以上，已说明理由的例外 ${Object.keys(exceptions).length} 项`,
)
if (unused.length) console.log(`不再出现的例外（可删除）：${unused.join('、')}`)
if (blocking.length) {
  for (const f of blocking) console.error(`  ${f.severity} ${f.id} ${f.file}:${f.location}`)
  console.error(
    '以上中等及以上的发现没有列入 security/electronegativity-exceptions.json：请修正，或写明理由后列入（README 同步）',
  )
  process.exit(1)
}
