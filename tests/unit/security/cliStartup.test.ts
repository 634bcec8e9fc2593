// The CLI through the app's start-up gate (issue 11): a locked, corrupt, newer, unwritable, encrypted
// or missing ledger prints the start-up screen's Chinese message and exits 3, without a stack trace
// and without leaving a new empty database behind.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
// The core's own driver: two SQLite libraries in one process do not see each other's locks.
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeContext, createContext, invoke } from '../../../src-main/core/index'
import { describeStartupFailure } from '../../../src-main/core/db/startup'

const CLI = fileURLToPath(new URL('../../../src-main/cli/main.ts', import.meta.url))
const NOW = new Date('2026-11-29T08:00:00Z')
let dir: string
let dbPath: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-cli-startup-'))
  dbPath = join(dir, 'ledger.db')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

interface Run {
  status: number | null
  stdout: string
  stderr: string
  startup?: { kind: string; title: string; message: string; actions: string[] }
}

function cli(...args: string[]): Run {
  return cliWith({}, ...args)
}

function cliWith(env: Record<string, string>, ...args: string[]): Run {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, VOLUNTEER_LEDGER_PASSWORD: '', ...env },
  })
  let startup: Run['startup']
  try {
    startup = (JSON.parse(run.stdout) as { startup?: Run['startup'] }).startup
  } catch {
    startup = undefined
  }
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, startup }
}

async function ledger(): Promise<void> {
  const ctx = createContext(dbPath, { now: () => NOW })
  await invoke(ctx, 'roster.save', {
    fields: { name: '马建国', idNumber: '622901198503120012', unit: '临夏州中学', countyCode: '622901' },
    mode: 'keep',
  })
  await closeContext(ctx)
}

/** What the CLI printed is what the app's start-up screen says for that failure. */
function expectStartupFailure(run: Run, kind: string): void {
  expect(run.status).toBe(3)
  expect(run.startup?.kind).toBe(kind)
  expect(run.stderr).toContain(`错误：${run.startup!.title}`)
  expect(run.stderr).toContain(run.startup!.message)
  expect(run.stderr).not.toMatch(/\n\s+at |Error:|SQLITE_/)
}

describe('the CLI at start-up', () => {
  it('a missing database is refused by a reading command and none is created; init creates it', () => {
    const run = cli('stats', '--db', dbPath, '--json')
    expectStartupFailure(run, 'missing')
    expect(run.startup!.message).toBe(describeStartupFailure(null, dbPath, 'missing').message)
    expect(run.stderr).toContain('init --db')
    expect(existsSync(dbPath)).toBe(false)
    expect(existsSync(join(dir, 'logs'))).toBe(false)
    expect(cli('init', '--db', dbPath).status).toBe(0)
    expect(existsSync(dbPath)).toBe(true)
    expect(cli('stats', '--db', dbPath, '--json').stdout).toContain('"volunteers":0')
  }, 60_000)

  it('a moved ledger (location.json) that is missing is refused even by init, as the app does at start', () => {
    const base = join(dir, '默认')
    const moved = join(dir, 'U盘', 'ledger.db')
    mkdirSync(base)
    writeFileSync(join(base, 'location.json'), JSON.stringify({ dbPath: moved }))
    const run = cliWith({ VOLUNTEER_LEDGER_DATA: base }, 'init', '--json')
    expectStartupFailure(run, 'missing')
    expect(run.startup!.message).toContain(moved)
    expect(existsSync(join(dir, 'U盘'))).toBe(false)
  }, 60_000)

  it('a first import or entry may start a new ledger', () => {
    const run = cli('volunteers', 'add', '--db', dbPath, '--name', '马建国', '--id', '622901198503120012')
    expect(run.status).toBe(0)
    expect(existsSync(dbPath)).toBe(true)
  }, 60_000)

  it('a database locked by another program: the 正被另一个程序 message, exit 3', async () => {
    await ledger()
    const holder = new BetterSqlite3(dbPath)
    holder.pragma('locking_mode = EXCLUSIVE')
    holder.exec('BEGIN EXCLUSIVE')
    try {
      const run = cli('volunteers', 'search', '--db', dbPath, '--json')
      expectStartupFailure(run, 'locked')
      expect(run.stderr).toContain('正被另一个程序')
    } finally {
      holder.exec('COMMIT')
      holder.close()
    }
    expect(cli('volunteers', 'search', '--db', dbPath, '--json').stdout).toContain('马建国')
  }, 60_000)

  it('a corrupt file is reported, left as it was, and not replaced by a new ledger', async () => {
    await ledger()
    const bytes = readFileSync(dbPath)
    bytes.fill(0x5a, 100, bytes.length)
    writeFileSync(dbPath, bytes)
    const run = cli('import', '--db', dbPath, '--form', 'roster', '--json', join(dir, 'none.xlsx'))
    expectStartupFailure(run, 'corrupt')
    expect(run.stderr).toContain('已损坏')
    expect(readFileSync(dbPath)).toEqual(bytes)
  }, 60_000)

  it('a database from a newer version is not touched', async () => {
    await ledger()
    const raw = new BetterSqlite3(dbPath)
    raw.pragma('user_version = 999')
    raw.close()
    const run = cli('stats', '--db', dbPath, '--json')
    expectStartupFailure(run, 'newer')
    expect(run.stderr).toMatch(/数据库版本（999）比本程序（\d+）新/)
    const check = new BetterSqlite3(dbPath)
    expect(check.pragma('user_version', { simple: true })).toBe(999)
    check.close()
  }, 60_000)

  it('a folder that cannot be written is "readonly", in human output too', () => {
    const run = cli('init', '--db', '/sys/ledger-cli-startup-test/ledger.db')
    expect(run.status).toBe(3)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('错误：数据文件夹不可写')
    expect(run.stderr).not.toMatch(/\n\s+at |SQLITE_|EROFS|ENOENT/)
  })

  it('an encrypted ledger without its password says how to give it', async () => {
    await ledger()
    const ctx = createContext(dbPath, { now: () => NOW })
    await invoke(ctx, 'security.setPassword', { password: 'linxia-2026', understood: true })
    await closeContext(ctx)
    const run = cli('stats', '--db', dbPath, '--json')
    expectStartupFailure(run, 'password')
    expect(run.stderr).toContain('--password')
    expect(cli('stats', '--db', dbPath, '--json', '--password', 'linxia-2026').stdout).toContain('"volunteers":1')
  }, 60_000)
})
