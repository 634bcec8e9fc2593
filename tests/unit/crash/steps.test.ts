// SIGKILL during a backup, a restore and a data-folder move (issue 11 item 2): afterwards the ledger
// passes integrity_check, no committed row is lost, no half-written copy is taken for a backup or a
// moved ledger, and the next start through the start-up gate is normal. The child (stepChild.ts)
// says when it is inside the step, so each kill lands mid-step.
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeContext, createContext, invokeEnveloped } from '../../../src-main/core/index'
import { createBackup, listBackups } from '../../../src-main/core/db/backup'
import { createStartupGate, newestIntactBackup } from '../../../src-main/core/db/startup'
import { configuredLocation } from '../../../src-main/core/settings/location'
import type { StepMode } from './stepChild'

const CHILD = fileURLToPath(new URL('./stepChild.ts', import.meta.url))
const NOW = new Date('2026-11-29T08:00:00Z')
/** Enough pages (about 1.5 MB) that the online backup API takes several steps. */
const ROWS = 3000
let dir: string
let dbPath: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-crash-step-'))
  dbPath = join(dir, 'ledger.db')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function ledgerWithBackup(): Promise<string> {
  const ctx = createContext(dbPath, { now: () => NOW })
  const insert = ctx.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)')
  ctx.db.transaction(() => {
    for (let i = 0; i < ROWS; i++) insert.run(`crash.row.${i}`, JSON.stringify(`第${i}行`.padEnd(400, '填')))
  })()
  const backup = await createBackup(ctx, 'manual')
  await closeContext(ctx)
  return backup.file
}

function killMidStep(mode: StepMode, folder?: string): Promise<{ signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, dbPath, ...(folder ? [folder] : [])], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('STEP_STARTED')) child.kill('SIGKILL')
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (_code, signal) => resolve({ signal, output }))
  })
}

/** The next start, as the app makes it: through the gate; the ledger opens and every row is there. */
async function startsNormally(): Promise<void> {
  const gate = createStartupGate(dbPath, {
    open: (path, password) => createContext(path, { now: () => NOW, password }),
    invoke: invokeEnveloped,
  })
  expect(gate.failure()).toBeUndefined()
  const ctx = gate.ctx()!
  try {
    expect(ctx.db.pragma('integrity_check', { simple: true })).toBe('ok')
    const count = ctx.db.prepare("SELECT count(*) FROM settings WHERE key LIKE 'crash.row.%'").pluck().get()
    expect(count).toBe(ROWS)
    const last = ctx.db.prepare("SELECT value FROM settings WHERE key = 'crash.last'").pluck().get()
    expect(last).toBe('"步骤前"')
  } finally {
    await closeContext(ctx)
  }
}

async function killed(mode: StepMode, folder?: string): Promise<void> {
  const { signal, output } = await killMidStep(mode, folder)
  expect(output).toContain('STEP_STARTED')
  expect(output).not.toContain('STEP_FINISHED')
  expect(signal).toBe('SIGKILL')
}

const partials = () => readdirSync(join(dir, 'backups')).filter((file) => file.endsWith('.partial'))

describe('killed during a backup', () => {
  it.each(['backup-copy', 'backup-rename'] as const)(
    '%s: the half copy stays .partial, is never offered, and the ledger starts normally',
    async (mode) => {
      const earlier = await ledgerWithBackup()
      await killed(mode)
      expect(partials()).toHaveLength(1)
      expect(listBackups({ dbPath }).map((backup) => backup.file)).toEqual([earlier])
      expect(newestIntactBackup(dbPath)?.file).toBe(earlier)
      await startsNormally()
    },
    20_000,
  )
})

describe('killed during a restore', () => {
  it('before the restored copy takes the ledger’s name: the ledger is as before the restore, rows intact', async () => {
    await ledgerWithBackup()
    await killed('restore-rename')
    expect(existsSync(`${dbPath}.restoring`)).toBe(true)
    // The restore's own safety backup was whole before the step went on.
    expect(listBackups({ dbPath }).some((backup) => backup.reason === 'restore')).toBe(true)
    await startsNormally()
  }, 20_000)
})

describe('killed during a data-folder move', () => {
  it.each(['move-copy', 'move-rename'] as const)(
    '%s: the location is unchanged, no ledger is left half in the new folder, a retry is not refused',
    async (mode) => {
      await ledgerWithBackup()
      const folder = join(dir, '新位置')
      await killed(mode, folder)
      expect(configuredLocation(dir)).toEqual({ dbPath, chosen: false })
      // Killed with the copy under its temporary name (half of it, or whole before the rename).
      expect(existsSync(join(folder, 'ledger.db.partial'))).toBe(true)
      // Even half written, the copy is readable by its owner alone.
      if (process.platform !== 'win32') expect(statSync(join(folder, 'ledger.db.partial')).mode & 0o777).toBe(0o600)
      if (mode === 'move-copy') expect(existsSync(join(folder, 'ledger.db'))).toBe(false)
      await startsNormally()
      if (mode === 'move-rename') return
      const ctx = createContext(dbPath, { now: () => NOW })
      const moved = await invokeEnveloped(ctx, 'settings.moveData', { folder })
      await closeContext(ctx)
      expect(moved.ok).toBe(true)
    },
    20_000,
  )
})
