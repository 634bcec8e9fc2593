// The app log's other lines (issue 11): a failed start with its kind and masked message, and a slow
// operation with its name and time but never its input.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { invoke, SLOW_OPERATION_MS } from '../../../src-main/core/api'
import { closeContext, createContext } from '../../../src-main/core/index'
import { startLedger } from '../../../src-main/core/db/startup'
import { LOG_FILE } from '../../../src-main/core/log/appLog'

const NOW = new Date('2026-11-29T08:00:00Z')
const ID = '622901198503120012'
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-startup-log-'))
})
afterEach(() => {
  vi.restoreAllMocks()
  rmSync(dir, { recursive: true, force: true })
})

const open = (path: string) => createContext(path, { now: () => NOW })
const logLines = (folder: string) =>
  readFileSync(join(folder, 'logs', LOG_FILE), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>)

describe('the app log at start-up and for slow operations', () => {
  it('records a failed start with its kind, and masks a number in the path', () => {
    // A folder named after a person's ID (a clerk's own naming) must not put the ID in the log.
    const folder = join(dir, ID)
    mkdirSync(folder)
    writeFileSync(
      join(folder, 'ledger.db'),
      Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8176, 0x41)]),
    )
    const result = startLedger(join(folder, 'ledger.db'), open, { now: () => NOW })
    expect(result.ok).toBe(false)
    const text = readFileSync(join(folder, 'logs', LOG_FILE), 'utf8')
    expect(text).not.toContain(ID)
    expect(logLines(folder).at(-1)).toMatchObject({
      at: NOW.toISOString(),
      level: 'error',
      event: 'startup',
      kind: 'corrupt',
      message: expect.stringContaining('622901********0012'),
    })
  })

  it('leaves no log and no folder where the ledger is missing', () => {
    const result = startLedger(join(dir, '不存在', 'ledger.db'), open, { mustExist: true })
    expect(result.ok).toBe(false)
    expect(existsSync(join(dir, '不存在'))).toBe(false)
  })

  it('names a slow operation and its time, never its input; a quick one leaves nothing', async () => {
    const ctx = createContext(join(dir, 'ledger.db'), { now: () => NOW })
    try {
      const clock = vi.spyOn(performance, 'now')
      clock.mockReturnValueOnce(100).mockReturnValueOnce(100 + SLOW_OPERATION_MS + 500)
      await invoke(ctx, 'roster.search', { q: ID })
      clock.mockReturnValueOnce(100).mockReturnValueOnce(110)
      await invoke(ctx, 'system.stats', {})
      clock.mockRestore()
      const lines = logLines(dir)
      expect(lines.filter((line) => line.event === 'slow')).toEqual([
        {
          at: NOW.toISOString(),
          level: 'info',
          event: 'slow',
          operation: 'roster.search',
          ms: SLOW_OPERATION_MS + 500,
        },
      ])
      expect(readFileSync(join(dir, 'logs', LOG_FILE), 'utf8')).not.toMatch(/622901|"q"/)
    } finally {
      await closeContext(ctx)
    }
  })
})
