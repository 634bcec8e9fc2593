// The support log: masked, rotated, owner-only, and written when an operation fails unexpectedly.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invokeEnveloped } from '../../../src-main/core/api'
import { maskNumbersInText } from '../../../src-main/core/domain/mask'
import { createContext } from '../../../src-main/core/index'
import { createAppLog, LOG_FILE } from '../../../src-main/core/log/appLog'

const NOW = new Date('2026-11-29T08:00:00Z')
let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-log-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('the app log', () => {
  it('masks ID and phone numbers in anything it is given', () => {
    const log = createAppLog(dir, { now: () => NOW })
    log.write('error', 'import', {
      message: '身份证号码 62290119850312001X 与 13812345678 冲突',
      old: '622901850312001',
    })
    const text = readFileSync(join(dir, LOG_FILE), 'utf8')
    expect(text).toContain('622901********001X')
    expect(text).toContain('138****5678')
    expect(text).not.toMatch(/62290119850312001X|13812345678|622901850312001/)
    expect(JSON.parse(text.trim())).toMatchObject({ at: NOW.toISOString(), level: 'error', event: 'import' })
    expect(statSync(join(dir, LOG_FILE)).mode & 0o777).toBe(0o600)
  })

  it('leaves numbers that are not personal alone', () => {
    expect(maskNumbersInText('第 1024 行，批次 2026112900001234567890，共 12 个')).toBe(
      '第 1024 行，批次 2026112900001234567890，共 12 个',
    )
  })

  it('rotates by size and keeps a fixed number of files', () => {
    const log = createAppLog(dir, { now: () => NOW, maxBytes: 200, files: 3 })
    for (let n = 0; n < 40; n++) log.write('info', 'tick', { n })
    expect(readdirSync(dir).sort()).toEqual(['app.1.log', 'app.2.log', 'app.log'])
    expect(statSync(join(dir, 'app.1.log')).size).toBeGreaterThanOrEqual(200)
    expect(readFileSync(join(dir, LOG_FILE), 'utf8')).toContain('"n":39')
  })

  it('records an unexpected failure of an operation with its stack, beside the database', async () => {
    const ctx = createContext(join(dir, 'ledger.db'), { now: () => NOW })
    ctx.db.close()
    const answer = await invokeEnveloped(ctx, 'roster.search', {})
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    const lines = readFileSync(join(dir, 'logs', LOG_FILE), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, string>)
    expect(lines[0]).toMatchObject({ event: 'open', level: 'info' })
    expect(lines.at(-1)).toMatchObject({ event: 'unexpected', level: 'error', operation: 'roster.search' })
    expect(lines.at(-1)?.error).toMatch(/database connection is not open[\s\S]*\n\s+at /)
  })
})
