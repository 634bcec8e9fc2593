// The CLI commands over the same handlers: output shape and exit codes.
import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeFixtures, type FixturePaths } from './support'

const CLI = fileURLToPath(new URL('../../../src-main/cli/main.ts', import.meta.url))
let fixtures: { dir: string; paths: FixturePaths }

beforeAll(async () => {
  fixtures = await makeFixtures()
})
afterAll(() => rmSync(fixtures.dir, { recursive: true, force: true }))

function cli(...args: string[]): { status: number | null; json: unknown; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8' })
  let json: unknown
  try {
    json = JSON.parse(result.stdout)
  } catch {
    json = null
  }
  return { status: result.status, json, stdout: result.stdout, stderr: result.stderr }
}

describe('import on the command line', () => {
  it('prints one JSON object and exits 0 when everything imported, 1 when something failed, 2 on misuse', () => {
    const db = join(fixtures.dir, 'cli.db')
    const clean = cli('import', '--db', db, '--form', 'roster', '--json', fixtures.paths.standard)
    expect(clean.status).toBe(0)
    expect(clean.json).toMatchObject({
      batch: 1,
      files: [
        {
          file: fixtures.paths.standard,
          status: 'imported',
          sheet: '花名册',
          headerRow: 3,
          rows: 5,
          accepted: 5,
          rejected: 0,
          warnings: 0,
        },
      ],
      issues: [],
      totals: { accepted: 5, rejected: 0, warnings: 0, created: 5, updated: 0, unchanged: 0 },
    })
    const messy = cli(
      'import',
      '--db',
      db,
      '--form',
      'roster',
      '--dry-run',
      '--json',
      fixtures.paths.messy,
      fixtures.paths.legacy,
    )
    expect(messy.status).toBe(1)
    expect(messy.json).toMatchObject({
      batch: null,
      files: [{ status: 'imported' }, { status: 'failed', file: fixtures.paths.legacy }],
    })
    expect((messy.json as { issues: unknown[] }).issues[0]).toEqual({
      file: fixtures.paths.messy,
      sheet: 'Sheet1',
      row: 9,
      column: '身份证号码',
      level: 'error',
      message: expect.stringMatching(/^第 9 行“身份证号码”：/) as unknown,
    })
    expect(cli('import', '--db', db, '--form', 'roster', '--json').status).toBe(2)
    expect(cli('import', '--db', db, '--form', 'nonsense', '--json', fixtures.paths.standard).status).toBe(2)
  })

  it('lists the history, writes error workbooks and undoes a batch', () => {
    const db = join(fixtures.dir, 'cli2.db')
    const out = join(fixtures.dir, 'errors')
    const imported = cli(
      'import',
      '--db',
      db,
      '--form',
      'roster',
      '--json',
      fixtures.paths.standard,
      fixtures.paths.messy,
    )
    expect(imported.status).toBe(1)
    expect(cli('imports', '--db', db, '--json').json).toMatchObject({
      total: 1,
      rows: [{ id: 1, counts: { created: 10 } }],
    })
    expect(cli('errors', '--db', db, '--batch', '1', '--out', out, '--json').json).toMatchObject({
      workbooks: [{ name: '02-东乡县锁南中学（错误标注）.xlsx' }],
    })
    // Without --json: one line per file, what was written where.
    const lines = cli('errors', '--db', db, '--batch', '1', '--out', out).stdout.trim().split('\n')
    expect(lines).toEqual([
      `${fixtures.paths.messy}\t标注 ${lines[0]?.match(/标注 (\d+)/)?.[1]} 个问题\t${join(out, '02-东乡县锁南中学（错误标注）.xlsx')}`,
      '共 1 个文件',
    ])
    expect(cli('import', 'undo', '--db', db, '1', '--json').json).toMatchObject({ batch: 1, removed: 10 })
    expect(cli('stats', '--db', db, '--json').json).toEqual({ volunteers: 0 })
  })
})

describe('settings on the command line', () => {
  it('sets the unit name and the operator, shows them, and refuses a call that sets nothing', () => {
    const db = join(fixtures.dir, 'settings.db')
    expect(
      cli('settings', 'set', '--db', db, '--unit-name', '临夏州教育局基础教育科', '--operator', '张敏', '--json').json,
    ).toEqual({
      unitName: '临夏州教育局基础教育科',
      operatorName: '张敏',
      undoDays: 30,
    })
    expect(cli('settings', 'set', '--db', db, '--undo-days', '7', '--json').json).toMatchObject({ undoDays: 7 })
    expect(cli('settings', 'set', '--db', db, '--undo-days', '0').stderr).toMatch(/撤销期限至少 1 天/)
    expect(cli('settings', '--db', db, '--json').json).toMatchObject({
      unitName: '临夏州教育局基础教育科',
      operatorName: '张敏',
    })
    const nothing = cli('settings', 'set', '--db', db)
    expect(nothing.status).toBe(2)
    expect(nothing.stderr).toMatch(/--unit-name/)
  })
})
