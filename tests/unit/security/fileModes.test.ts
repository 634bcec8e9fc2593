// Owner-only permissions (issue 11, PIPL on a shared PC): every file and folder the core creates —
// database and its journal, backups, photos, the log, exports, prints and reply workbooks the CLI
// writes — is 0600 / 0700 on POSIX, also where it writes over a file that was readable by others.
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { closeContext, createContext } from '../../../src-main/core/index'
import { generateReturns } from '../../fixtures/generate'
import { makeId } from '../../support/people'

const CLI = fileURLToPath(new URL('../../../src-main/cli/main.ts', import.meta.url))
const NOW = new Date('2026-11-29T08:00:00Z')
const posix = process.platform !== 'win32'
let dir: string
let data: string
let db: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-modes-'))
  data = join(dir, '数据')
  db = join(data, 'ledger.db')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const mode = (path: string) => statSync(path).mode & 0o777

function expectOwnerOnly(path: string): void {
  expect(existsSync(path), path).toBe(true)
  if (!posix) return
  expect({ path, mode: mode(path).toString(8) }).toEqual({
    path,
    mode: statSync(path).isDirectory() ? '700' : '600',
  })
}

function cli(...args: string[]): { status: number | null; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args, '--db', db], {
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { status: run.status, stderr: run.stderr }
}

/** The smallest PNG the photo check accepts (1×1, one IDAT). */
function png(): Uint8Array {
  const u32 = (n: number) => Buffer.from([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff])
  const chunk = (type: string, body: Buffer) => Buffer.concat([u32(body.length), Buffer.from(type), body, u32(0)])
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', Buffer.concat([u32(1), u32(1), Buffer.from([8, 2, 0, 0, 0])])),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

describe('owner-only files and folders', () => {
  it('the data folder, the database and its WAL, the log, backups, photos, and a restore', async () => {
    const ctx = createContext(db, { now: () => NOW })
    try {
      const { id } = await invoke(ctx, 'roster.save', {
        fields: { name: '马建国', idNumber: makeId('622901', '19850312', 1, true), phone: '13812345678' },
        mode: 'keep',
      })
      const saved = await invoke(ctx, 'activities.save', {
        fields: { name: '名师送教', heldOn: '2026-11-20', defaultHours: 2, leader: '张敏' } as never,
        participants: [{ volunteerId: id }],
      })
      await invoke(ctx, 'activities.photo.add', { activityId: saved.id, name: '现场.png', data: png() })
      const backup = await invoke(ctx, 'backup.create', {})
      for (const path of [data, db, `${db}-wal`, join(data, 'logs'), join(data, 'logs', 'app.log')])
        expectOwnerOnly(path)
      const photos = join(data, 'photos')
      expectOwnerOnly(photos)
      expect(readdirSync(photos)).toHaveLength(1)
      for (const file of readdirSync(photos)) expectOwnerOnly(join(photos, file))
      const backups = join(data, 'backups')
      expectOwnerOnly(backups)
      expectOwnerOnly(join(backups, backup.file))
      expectOwnerOnly(join(backups, 'photos'))
      for (const file of readdirSync(join(backups, 'photos'))) expectOwnerOnly(join(backups, 'photos', file))
      await invoke(ctx, 'backup.restore', { file: backup.file })
      expectOwnerOnly(db)
    } finally {
      await closeContext(ctx)
    }
  })

  it.skipIf(!posix)('folders an older version left readable by others are tightened at the next start', async () => {
    const older = join(dir, '旧版本')
    const ctx = createContext(join(older, 'ledger.db'), { now: () => NOW })
    const backup = await invoke(ctx, 'backup.create', {})
    await closeContext(ctx)
    mkdirSync(join(older, 'photos'))
    writeFileSync(join(older, 'photos', 'a.png'), 'png')
    const loose = [join(older, 'backups'), join(older, 'photos'), join(older, 'logs')]
    for (const folder of loose) {
      chmodSync(folder, 0o755)
      for (const file of readdirSync(folder)) chmodSync(join(folder, file), 0o644)
    }
    await closeContext(createContext(join(older, 'ledger.db'), { now: () => NOW }))
    for (const folder of loose) expectOwnerOnly(folder)
    expectOwnerOnly(join(older, 'backups', backup.file))
    expectOwnerOnly(join(older, 'photos', 'a.png'))
    expectOwnerOnly(join(older, 'logs', 'app.log'))
  })

  it('an export written over a file others could read, a print, and reply workbooks in a new folder', async () => {
    const roster = join(dir, '花名册.xlsx')
    writeFileSync(roster, 'old', { mode: 0o644 })
    if (posix) expect(mode(roster)).toBe(0o644)
    expect(cli('export', '--form', 'roster', '--out', roster).status).toBe(0)
    expectOwnerOnly(roster)
    const print = join(dir, '花名册.html')
    expect(cli('print', '--report', 'roster', '--out', print).status).toBe(0)
    expectOwnerOnly(print)

    const returns = await generateReturns(join(dir, 'returns'))
    expect(cli('import', '--form', 'roster', returns.messy).status).toBe(1)
    const replies = join(dir, '退回', '第1批')
    mkdirSync(join(dir, '退回'), { mode: 0o755 })
    const written = cli('errors', '--batch', '1', '--out', replies)
    expect(written.stderr).toBe('')
    expectOwnerOnly(replies)
    expect(readdirSync(replies).length).toBeGreaterThan(0)
    for (const file of readdirSync(replies)) expectOwnerOnly(join(replies, file))
    // No temporary file is left beside what was written.
    expect(readdirSync(dir).filter((file) => file.endsWith('.tmp'))).toEqual([])
  }, 120_000)
})
