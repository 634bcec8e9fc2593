import { describe, expect, it } from 'vitest'
import { derivePlanStatus, describePeriod, parsePlannedTime } from '../../../src-main/core/plan/plannedTime'

describe('planned time', () => {
  it.each([
    ['2026年3月', { start: '2026-03-01', end: '2026-03-31' }],
    ['3月', { start: '2026-03-01', end: '2026-03-31' }],
    ['2026.3', { start: '2026-03-01', end: '2026-03-31' }],
    ['2026-03-05', { start: '2026-03-05', end: '2026-03-05' }],
    ['2026年3月5日', { start: '2026-03-05', end: '2026-03-05' }],
    ['2026年3月—5月', { start: '2026-03-01', end: '2026-05-31' }],
    ['3月至5月', { start: '2026-03-01', end: '2026-05-31' }],
    ['2026.3-2026.5', { start: '2026-03-01', end: '2026-05-31' }],
    ['2026年11月-2027年1月', { start: '2026-11-01', end: '2027-01-31' }],
    ['3月5日-20日', { start: '2026-03-05', end: '2026-03-20' }],
    ['2026年2月', { start: '2026-02-01', end: '2026-02-28' }],
    ['第二季度', { start: '2026-04-01', end: '2026-06-30' }],
    ['2026年上半年', { start: '2026-01-01', end: '2026-06-30' }],
    ['暑假', { start: '2026-07-01', end: '2026-08-31' }],
    ['9月中旬', { start: '2026-09-01', end: '2026-09-30' }],
  ])('reads %s', (text, period) => {
    expect(parsePlannedTime(text, 2026)).toEqual(period)
  })

  it('knows February of a leap year has 29 days, and of 2100 only 28', () => {
    expect(parsePlannedTime('2028年2月', 2028)).toEqual({ start: '2028-02-01', end: '2028-02-29' })
    expect(parsePlannedTime('2100年2月', 2100)?.end).toBe('2100-02-28')
    expect(parsePlannedTime('2027-02-29', 2027)).toBeNull()
    expect(parsePlannedTime('2028-02-29', 2028)).toEqual({ start: '2028-02-29', end: '2028-02-29' })
  })

  it('gives up on times it cannot check rather than guessing', () => {
    expect(parsePlannedTime('常态化开展', 2026)).toBeNull()
    expect(parsePlannedTime('13月', 2026)).toBeNull()
    expect(parsePlannedTime('5月—3月', 2026)).toBeNull()
  })

  it('describes a period the way a clerk writes it', () => {
    expect(describePeriod({ start: '2026-03-01', end: '2026-03-31' })).toBe('2026年3月')
    expect(describePeriod({ start: '2026-03-01', end: '2026-05-31' })).toBe('2026年3月—5月')
    expect(describePeriod({ start: '2026-03-05', end: '2026-03-05' })).toBe('2026年3月5日')
  })
})

describe('checklist status', () => {
  const march = { start: '2026-03-01', end: '2026-03-31' }

  it('is not yet overdue on the last day of the planned month, and is from the next day', () => {
    expect(derivePlanStatus(march, null, '2026-03-31').state).toBe('未开展')
    expect(derivePlanStatus(march, null, '2026-04-01').state).toBe('逾期未开展')
  })

  it('is held, with the date, once an activity fulfils it, even late', () => {
    expect(derivePlanStatus(march, '2026-04-10', '2026-05-01')).toEqual({ state: '已开展', heldOn: '2026-04-10' })
  })

  it('runs to the end of a range across months', () => {
    const range = parsePlannedTime('2026年3月—5月', 2026)
    expect(derivePlanStatus(range, null, '2026-05-31').state).toBe('未开展')
    expect(derivePlanStatus(range, null, '2026-06-01').state).toBe('逾期未开展')
  })

  it('counts 29 February as inside a leap-year February', () => {
    const february = parsePlannedTime('2028年2月', 2028)
    expect(derivePlanStatus(february, null, '2028-02-29').state).toBe('未开展')
    expect(derivePlanStatus(february, null, '2028-03-01').state).toBe('逾期未开展')
  })

  it('never calls an item without a checkable time overdue', () => {
    expect(derivePlanStatus(null, null, '2030-01-01').state).toBe('未开展')
  })
})
