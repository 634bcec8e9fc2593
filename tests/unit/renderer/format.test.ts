// The display formats every view takes from src-renderer/src/format.ts.
import { describe, expect, it } from 'vitest'
import { formatCount, formatDaySpan, withoutRowPrefix } from '../../../src-renderer/src/format'

describe('formatDaySpan', () => {
  it('shows one day alone and a span with both ends', () => {
    expect(formatDaySpan('2026-09-28', null)).toBe('2026-09-28')
    expect(formatDaySpan('2026-09-28', '2026-10-02')).toBe('2026-09-28 至 2026-10-02')
  })

  it('leaves the year off an end in the same year only when asked, and never across years', () => {
    expect(formatDaySpan('2026-09-28', '2026-10-02', true)).toBe('2026-09-28 至 10-02')
    expect(formatDaySpan('2026-12-30', '2027-01-02', true)).toBe('2026-12-30 至 2027-01-02')
  })
})

describe('withoutRowPrefix', () => {
  it('drops the 第 N 行 and the column the table shows in its own cells, and nothing else', () => {
    expect(withoutRowPrefix('第 12 行“身份证号码”：校验位不对')).toBe('校验位不对')
    expect(withoutRowPrefix('第 3 行：姓名为空')).toBe('姓名为空')
    expect(withoutRowPrefix('文件没有表头')).toBe('文件没有表头')
  })
})

describe('formatCount', () => {
  it('groups thousands as the clerk reads them', () => {
    expect(formatCount(20000)).toBe('20,000')
    expect(formatCount(7)).toBe('7')
  })
})
