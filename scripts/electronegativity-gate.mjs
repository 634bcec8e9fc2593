// Runs Electronegativity over src-main and over the build in out/, reads its CSV report (it always
// exits 0 and skips .vue files) and fails on any MEDIUM-or-worse finding not listed, with a reason, in
// security/electronegativity-exceptions.json ({ "CHECK_ID": "justification" }; README lists them).
//
// The screens are .vue files, which Electronegativity does not read; their compiled JavaScript in
// out/renderer is what it checks. So the build must be there and newer than every source: a missing
// or stale out/ is an error (`npm run test:security` builds first), never a silently smaller scan.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
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

/** The newest modification time of any file under dir (or of dir itself when it is a file). */
function newest(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))))
}

const BUILT = ['out/main/index.js', 'out/main/coreHost.js', 'out/preload/index.cjs', 'out/renderer/index.html']
const missing = BUILT.filter((file) => !existsSync(join(root, file)))
if (missing.length) {
  console.error(`Electronegativity 要检查构建结果，但缺少 ${missing.join('、')}：请先运行 npm run build / build first`)
  process.exit(1)
}
if (!readdirSync(join(root, 'out/renderer/assets')).some((name) => name.endsWith('.js'))) {
  console.error('out/renderer/assets 中没有编译后的界面脚本（.vue 的代码只能在这里检查）/ no compiled renderer script')
  process.exit(1)
}
const sourcesChanged = Math.max(
  ...['src-main', 'src-renderer', 'electron.vite.config.ts', 'vite.renderer.config.ts'].map((path) =>
    newest(join(root, path)),
  ),
)
const stale = BUILT.filter((file) => statSync(join(root, file)).mtimeMs < sourcesChanged)
if (stale.length) {
  console.error(`构建结果比源代码旧（${stale.join('、')}）：请先运行 npm run build / out/ is older than the sources`)
  process.exit(1)
}

const work = mkdtempSync(join(tmpdir(), 'electronegativity-'))
const findings = []
try {
  for (const input of ['src-main', 'out']) {
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
