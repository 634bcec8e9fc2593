// The exports on the command line: a result carrying bytes prints as a size, never as an array of
// numbers; without --out the command exits 2 and says to add it; with --out the file is written.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatHuman } from '../../../src-main/cli/format'
import { readWorkbook, sheetOf } from './helpers'
import { seedYear, type SeededYear } from './seedYear'

let seeded: SeededYear

function cli(...args: string[]) {
  const run = spawnSync(
    join('node_modules', '.bin', 'tsx'),
    ['src-main/cli/main.ts', ...args, '--db', seeded.db.ctx.dbPath],
    {
      encoding: 'utf8',
      timeout: 60_000,
    },
  )
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

beforeAll(async () => {
  seeded = await seedYear('ledger-cli-export-')
})

afterAll(() => seeded.db.close())

describe('formatHuman with bytes', () => {
  it('prints a size instead of the bytes, and says how to save the file', () => {
    const text = formatHuman({ fileName: 'a.xlsx', data: new Uint8Array(12345), rows: 3 })
    expect(text).toContain('fileName: a.xlsx')
    expect(text).toContain('data: <12345 字节>')
    expect(text).toContain('--out')
    expect(text).not.toMatch(/\d+,\d+,\d+/)
  })

  it('summarises bytes nested in an object and leaves other results alone', () => {
    expect(formatHuman({ photo: { data: new Uint8Array(3) } })).toBe('photo: {"data":"<3 字节>"}')
    expect(formatHuman({ file: '/tmp/a.xlsx', rows: 3 })).toBe('file: /tmp/a.xlsx\nrows: 3')
  })
})

describe('export commands', () => {
  it('writes 表2 with --form plan --year --out and prints the path', () => {
    const out = join(seeded.db.dir, '清单.xlsx')
    const run = cli('export', '--form', 'plan', '--year', '2026', '--out', out)
    expect(run).toMatchObject({ code: 0, stdout: `file: ${out}\nrows: 4\n` })
    expect(existsSync(out)).toBe(true)
  })

  it('writes 表3 with both sheets and the highlights list', async () => {
    const activities = join(seeded.db.dir, '登记表.xlsx')
    expect(cli('export', '--form', 'activities', '--year', '2026', '--out', activities).code).toBe(0)
    const book = await readWorkbook(readFileSync(activities))
    expect(book.worksheets.map((ws) => ws.name)).toEqual(['活动登记', '参与名单'])
    const highlights = join(seeded.db.dir, '亮点.xlsx')
    expect(cli('export', 'highlights', '--year', '2026', '--out', highlights)).toMatchObject({ code: 0 })
    expect(sheetOf(await readWorkbook(readFileSync(highlights)), '工作亮点').getCell('A4').value).toBe(1)
  })

  it('exits 2 without --out, printing the size and asking for --out', () => {
    const run = cli('export', '--form', 'plan', '--year', '2026')
    expect(run.code).toBe(2)
    expect(run.stdout).toMatch(/data: <\d+ 字节>/)
    expect(run.stdout).toContain('请加 --out')
  })

  it('treats a blank template the same way: no --out, exit 2', () => {
    const run = cli('template', '--form', 'activities')
    expect(run.code).toBe(2)
    expect(run.stdout).toMatch(/fileName: 志愿服务活动开展情况登记表-空白模板\.xlsx\ndata: <\d+ 字节>/)
  })

  it('exits 2 with a Chinese message when --year is missing', () => {
    const run = cli('export', '--form', 'activities', '--out', join(seeded.db.dir, 'x.xlsx'))
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('须指定年度')
    expect(existsSync(join(seeded.db.dir, 'x.xlsx'))).toBe(false)
  })
})
