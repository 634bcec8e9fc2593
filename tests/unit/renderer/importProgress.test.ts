// The import bar as the clerk reads it: a big file streaming with no known length moves as an
// indeterminate bar with its row count, then turns determinate once the check knows the total.
import { describe, expect, it } from 'vitest'
import { advance, startProgress } from '../../../src-renderer/src/views/import/progress'

const event = (phase: string, done: number, total: number, extra: { file?: string; message?: string } = {}) => ({
  job: 'import',
  phase,
  done,
  total,
  ...extra,
})

describe('import progress', () => {
  it('marks one big file read row by row as not measured, with the rows read so far', () => {
    let progress = advance(startProgress(1), event('读取', 0, 1, { file: '全州花名册.xlsx' }))
    progress = advance(progress, event('读取', 0, 1, { file: '全州花名册.xlsx', message: '已读 16896 行' }))
    expect(progress.measured).toBe(false)
    expect(progress.percent).toBe(0)
    expect(progress.detail).toContain('已读 16896 行')
  })

  it('turns determinate when the check reports rows out of a known total', () => {
    let progress = advance(startProgress(1), event('读取', 0, 1, { file: '全州花名册.xlsx', message: '已读 20000 行' }))
    progress = advance(progress, event('校验', 10_000, 20_000, { file: '全州花名册.xlsx' }))
    expect(progress.measured).toBe(true)
    expect(progress.percent).toBe(48)
    expect(progress.detail).toBe('已检查 10,000 / 20,000 行')
  })

  it('counts whole files of a batch and never goes back', () => {
    let progress = advance(startProgress(4), event('读取', 2, 4, { file: '03.xlsx' }))
    expect(progress.percent).toBe(48)
    progress = advance(progress, event('读取', 2, 4, { file: '03.xlsx', message: '已读 1024 行' }))
    expect(progress.percent).toBe(48)
    expect(progress.measured).toBe(false)
  })
})
