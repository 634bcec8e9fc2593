// The 志愿服务证明 register: numbers unique and sequential per year, snapshots, void keeps the
// number, never reused — even when the process dies between numbering and writing.
import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { copyFileSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { createContext } from '../../../src-main/core/index'
import { renderPdf } from '../../../src-main/cli/renderPdf'
import { seedReports, VOLUNTEERS, type ReportSeed } from '../reports/seedReports'
import { pageText, pdfPages } from '../print/pdf'

const CHILD = fileURLToPath(new URL('./crashChild.ts', import.meta.url))

let seed: ReportSeed
beforeAll(async () => {
  seed = await seedReports('ledger-certificates-')
  seed.db.ctx.renderPdf = renderPdf
})
afterAll(() => seed.db.close())

const issue = (input: Record<string, unknown>) => invoke(seed.db.ctx, 'certificates.issue', input as never)

function killWhenNumbered(dbPath: string, ids: number[]): Promise<{ signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbPath, ...ids.map(String)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('NUMBERED')) child.kill('SIGKILL')
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (_code, signal) => resolve({ signal, output }))
  })
}

describe('the certificate register', () => {
  it('survives a crash between numbering and writing: nothing issued, the number still free', async () => {
    const crashed = await killWhenNumbered(seed.db.ctx.dbPath, [seed.ids.ma])
    expect(crashed.signal).toBe('SIGKILL')
    expect(crashed.output).not.toContain('ISSUED')
    const after = createContext(seed.db.ctx.dbPath)
    try {
      expect(after.db.prepare('SELECT count(*) AS n FROM certificates').get()).toEqual({ n: 0 })
      expect(after.db.prepare('SELECT count(*) AS n FROM certificate_counters').get()).toEqual({ n: 0 })
      expect(after.db.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      after.db.close()
    }
  })

  it('numbers certificates per year in sequence, counting hours from activity records only', async () => {
    const first = await issue({ volunteers: seed.ids.ma, year: 2026 })
    expect(first.certificates).toEqual([
      { id: expect.any(Number), number: '临教志证〔2027〕第0001号', name: '马建国', activities: 2, hours: 3 },
    ])
    const bulk = await issue({ volunteers: [seed.ids.wang, VOLUNTEERS.he.idNumber], year: 2026 })
    expect(bulk.certificates.map((entry) => [entry.number, entry.name, entry.hours])).toEqual([
      ['临教志证〔2027〕第0002号', '王丽', 1.5],
      ['临教志证〔2027〕第0003号', '何志强', 6.5],
    ])
  })

  it('refuses a volunteer without activity in the period and gives no number for it', async () => {
    await expect(
      issue({ volunteers: [seed.ids.ma, seed.ids.he], from: '2026-02-01', to: '2026-02-28' }),
    ).rejects.toThrow(/马建国.*没有活动记录/)
    const { rows } = await invoke(seed.db.ctx, 'certificates.list', {})
    expect(rows).toHaveLength(3)
  })

  it('voids with a reason and keeps the number; the next certificate takes a new one', async () => {
    const voided = await invoke(seed.db.ctx, 'certificates.void', {
      number: '临教志证〔2027〕第0002号',
      reason: '时段填错，重新出具',
    })
    expect(voided).toMatchObject({
      number: '临教志证〔2027〕第0002号',
      voidReason: '时段填错，重新出具',
      voidedAt: expect.any(String),
    })
    await expect(
      invoke(seed.db.ctx, 'certificates.void', { number: '临教志证〔2027〕第0002号', reason: '再次作废' }),
    ).rejects.toThrow(/已于/)
    const again = await issue({ volunteers: seed.ids.wang, from: '2026-01-01', to: '2026-12-31' })
    expect(again.certificates[0]?.number).toBe('临教志证〔2027〕第0004号')
    const { rows } = await invoke(seed.db.ctx, 'certificates.list', { year: 2027 })
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3, 4])
    expect(new Set(rows.map((row) => row.number)).size).toBe(4)
  })

  it('never deletes or rewrites a register entry', () => {
    expect(() => seed.db.ctx.db.prepare('DELETE FROM certificates').run()).toThrow(/不可删除/)
    expect(() => seed.db.ctx.db.prepare("UPDATE certificates SET number = 'x' WHERE seq = 1").run()).toThrow(/不可修改/)
  })

  it('keeps a snapshot: a later change to the activities does not change a reprint', async () => {
    const { rows } = await invoke(seed.db.ctx, 'certificates.list', { year: 2027 })
    const ma = rows.find((row) => row.volunteerName === '马建国')
    const before = await invoke(seed.db.ctx, 'print.document', { report: 'certificate', certificates: [ma?.id ?? 0] })
    seed.db.ctx.db.prepare('UPDATE participations SET hours = 9 WHERE volunteer_id = ?').run(seed.ids.ma)
    const after = await invoke(seed.db.ctx, 'print.document', { report: 'certificate', certificates: [ma?.id ?? 0] })
    expect('html' in after && after.html).toBe('html' in before && before.html)
    expect('html' in after && after.html).toContain('累计志愿服务时长 3 小时')
  })
})

describe('certificates on paper', () => {
  it('bulk issue gives one PDF, one A4 page per volunteer, in the four parts, numbers masked', async () => {
    const out = `${seed.db.dir}/证明.pdf`
    const result = await issue({ volunteers: [seed.ids.ma, seed.ids.he], year: 2026, out })
    expect(result).toMatchObject({ file: out })
    mkdirSync('tests/output/print', { recursive: true })
    copyFileSync(out, 'tests/output/print/certificates.pdf')
    expect(pdfPages(out)).toBe(2)
    const page = pageText(out, 1).replace(/\s+/g, '')
    for (const part of [
      '志愿服务证明',
      '一、志愿者基本信息',
      '二、志愿服务情况',
      '活动负责人',
      '张敏',
      '三、出具单位信息',
      '四、证明信息',
      '居民身份证',
      '临教志证〔2027〕第0005号',
      '临夏州教育局（盖章）',
    ]) {
      expect(page).toContain(part)
    }
    expect(page).toContain(`622901********${VOLUNTEERS.ma.idNumber.slice(-4)}`)
    expect(page).not.toContain(VOLUNTEERS.ma.idNumber)
    expect(pageText(out, 2).replace(/\s+/g, '')).toContain('临教志证〔2027〕第0006号')
  }, 30_000)

  it('prints the register with voided entries and the 公示 list of valid ones', async () => {
    const register = await invoke(seed.db.ctx, 'print.document', {
      report: 'register',
      year: 2027,
      out: `${seed.db.dir}/登记簿.pdf`,
    })
    const registerText = pageText(`${seed.db.dir}/登记簿.pdf`, 1).replace(/\s+/g, '')
    expect(register).toMatchObject({ file: expect.stringMatching(/登记簿\.pdf$/) })
    expect(registerText).toContain('已作废：时段填错，重新出具')
    const publicity = await invoke(seed.db.ctx, 'print.document', { report: 'publicity', year: 2027 })
    if (!('html' in publicity)) throw new Error('expected html')
    expect(publicity.html).toContain('公示期不少于 7 天')
    expect(publicity.html).not.toContain('临教志证〔2027〕第0002号')
    expect(publicity.html).toContain('临教志证〔2027〕第0004号')
  }, 30_000)
})

describe('certificates on the command line', () => {
  it('certificate list --year --json prints the register', () => {
    const run = spawnSync(
      join('node_modules', '.bin', 'tsx'),
      ['src-main/cli/main.ts', 'certificate', 'list', '--year', '2027', '--json', '--db', seed.db.ctx.dbPath],
      {
        encoding: 'utf8',
        timeout: 60_000,
      },
    )
    expect(run.status).toBe(0)
    const { rows } = JSON.parse(run.stdout) as { rows: { number: string; voidReason: string | null }[] }
    expect(rows.map((row) => row.number)).toContain('临教志证〔2027〕第0002号')
    expect(rows.find((row) => row.number === '临教志证〔2027〕第0002号')?.voidReason).toBe('时段填错，重新出具')
  })
})
