// The parse pool: the same results as reading in process, a failing worker costs its file only,
// never more workers than asked for, and nothing left running once it is closed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeContext, createContext, invoke, type CoreContext } from '../../../src-main/core/index'
import { createParsePool, type ParsePoolOptions } from '../../../src-main/core/import/parsePool'
import { makeFixtures, rosterJob, type FixturePaths } from './support'

const NOW = new Date('2026-11-29T08:00:00Z')
const FAULTY_WORKER = join(import.meta.dirname, 'faultyParseWorker.mjs')
let fixtures: { dir: string; paths: FixturePaths }
const opened: { ctx: CoreContext; dir: string }[] = []

beforeAll(async () => {
  fixtures = await makeFixtures()
})
afterAll(async () => {
  for (const { ctx, dir } of opened) {
    await closeContext(ctx)
    rmSync(dir, { recursive: true, force: true })
  }
  rmSync(fixtures.dir, { recursive: true, force: true })
})

function ledger(parsing: ParsePoolOptions): CoreContext {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-pool-'))
  const ctx = createContext(join(dir, 'ledger.db'), { now: () => NOW, parsing })
  opened.push({ ctx, dir })
  return ctx
}

/** A preview as the UI sees it, without what differs between two runs (its id and expiry). */
async function previewed(ctx: CoreContext, input: Parameters<typeof invoke<'import.preview'>>[2]) {
  const { previewId, expiresAt: _expires, ...summary } = await invoke(ctx, 'import.preview', input)
  const { rows } = await invoke(ctx, 'import.previewRows', { previewId, limit: 1000 })
  return { summary, rows }
}

/**
 * A blank 表3 with both sheets between two files that hold neither: each of those stands in the
 * batch once, so the pool cannot know the 表3 file's numbers before the files ahead of it are read.
 */
async function activityReturns(ctx: CoreContext): Promise<{ name: string; data: Uint8Array }[]> {
  const { data } = (await invoke(ctx, 'template.form', { form: 'activities' })) as { data: Uint8Array }
  const book = new ExcelJS.Workbook()
  book.addWorksheet('说明').addRow(['本文件没有表格'])
  const unrelated = new Uint8Array(await book.xlsx.writeBuffer())
  return [
    { name: '说明.xlsx', data: unrelated },
    { name: '两个工作表.xlsx', data },
    { name: '说明2.xlsx', data: unrelated },
  ]
}

describe('the parse pool', () => {
  it('gives the same preview as reading in process, for every fixture and for 表3 files with one sheet or two', async () => {
    const inProcess = ledger({ workers: 0 })
    const pooled = ledger({ workers: 2 })
    const files = Object.values(fixtures.paths)
    expect(await previewed(pooled, { form: 'roster', files })).toEqual(
      await previewed(inProcess, { form: 'roster', files }),
    )
    const returns = await activityReturns(inProcess)
    // A mapping given for the 表3 file's first sheet, at the number it has only once the file before it is read.
    const input = { form: 'activities' as const, files: returns, mappings: [{ fileIndex: 1, columns: { 备注: null } }] }
    const pooledActivities = await previewed(pooled, input)
    expect(pooledActivities).toEqual(await previewed(inProcess, input))
    expect(pooledActivities.summary.files.map((file) => [file.fileIndex, file.file, file.mappingSource])).toEqual([
      [0, '说明.xlsx', 'detected'],
      [1, '两个工作表.xlsx', 'manual'],
      [2, '两个工作表.xlsx', 'detected'],
      [3, '说明2.xlsx', 'detected'],
    ])
    expect(pooled.parsePool.stats()).toMatchObject({ inProcess: null })
    expect(pooled.parsePool.stats().started).toBeGreaterThan(0)
    expect(inProcess.parsePool.stats().started).toBe(0)
  })
})

describe('a parse worker that fails', () => {
  it('fails only its own file, with a reason in Chinese, when it dies, outgrows its heap or overruns its deadline', async () => {
    const ctx = ledger({ workers: 2, workerFile: FAULTY_WORKER, heapMb: 128, timeoutMs: 6_000 })
    const good = Object.values(fixtures.paths).slice(0, 3)
    const standard = readFileSync(fixtures.paths.standard)
    const files = [
      { name: '崩溃.xlsx', data: standard },
      good[0]!,
      { name: '内存.xlsx', data: standard },
      good[1]!,
      { name: '超时.xlsx', data: standard },
      good[2]!,
    ]
    const result = await invoke(ctx, 'import.run', { form: 'roster', files })
    const byName = Object.fromEntries(result.files.map((file) => [basename(file.file), file]))
    expect(byName['崩溃.xlsx']).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^读取“崩溃\.xlsx”时读取线程意外退出.*其余文件不受影响$/),
    })
    expect(byName['内存.xlsx']).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^“内存\.xlsx”太大，读取时超出内存上限（128 MB）/),
    })
    expect(byName['超时.xlsx']).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/^读取“超时\.xlsx”超过 6 秒仍未完成/),
    })
    const alone = await invoke(ledger({ workers: 0 }), 'import.run', { form: 'roster', files: good })
    expect(result.files.filter((file) => file.status === 'imported')).toEqual(
      alone.files.filter((file) => file.status === 'imported'),
    )
    expect(result.totals).toEqual(alone.totals)
    expect(ctx.parsePool.stats().inProcess).toBeNull()
  })

  it('reads in process when no worker can start, and says why', async () => {
    const ctx = ledger({ workers: 1, workerFile: join(fixtures.dir, '不存在的线程.mjs') })
    const files = Object.values(fixtures.paths)
    const result = await invoke(ctx, 'import.run', { form: 'roster', files, dryRun: true })
    expect(result).toEqual(await invoke(ledger({ workers: 0 }), 'import.run', { form: 'roster', files, dryRun: true }))
    expect(ctx.parsePool.stats().inProcess).toMatch(/不存在的线程/)
  })
})

describe('the pool itself', () => {
  it('never runs more workers than its size, and leaves none running once closed', async () => {
    const pool = createParsePool({ workers: 2 })
    const ctx = ledger({ workers: 0 })
    const files = Object.values(fixtures.paths)
    const jobs = files.map((path, index) => rosterJob(ctx, path, index))
    const parsed = await Promise.all([...jobs, ...jobs].map((job) => pool.parse(job)))
    expect(parsed.map((file) => file.name)).toEqual([...files, ...files])
    expect(pool.stats()).toMatchObject({ size: 2, busy: 0, inProcess: null })
    expect(pool.stats().peakBusy).toBeLessThanOrEqual(2)
    expect(pool.stats().started).toBeLessThanOrEqual(2)
    await pool.close()
    expect(pool.stats().live).toBe(0)
    await expect(pool.parse(jobs[0]!)).rejects.toThrow('读取已中止')
  })

  it('ends an idle worker after idleMs, and starts another for the next file', async () => {
    const pool = createParsePool({ workers: 1, idleMs: 100 })
    const ctx = ledger({ workers: 0 })
    const job = rosterJob(ctx, fixtures.paths.standard)
    try {
      const first = await pool.parse(job)
      await new Promise((resolve) => setTimeout(resolve, 400))
      expect(pool.stats().live).toBe(0)
      expect(await pool.parse(job)).toEqual(first)
      expect(pool.stats().started).toBe(2)
    } finally {
      await pool.close()
    }
  })
})
