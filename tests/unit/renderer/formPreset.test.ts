// 登记活动 from a drilled list starts with the list's month or period and its filters (formPreset.ts).
import { describe, expect, it } from 'vitest'
import { monthBounds } from '../../../src-renderer/src/composables/useDrill'
import { dayWithin, formPreset } from '../../../src-renderer/src/views/activities/formPreset'
import type { ActivityFilters } from '../../../src-renderer/src/stores/activities'

const names = {
  taskName: (code: number) => ['教育宣讲', '送教下乡'][code - 1],
  countyName: (code: string) => (code === '622925' ? '和政县' : undefined),
}
const none: ActivityFilters = { month: undefined, taskCode: undefined, department: '', countyCode: '', q: '' }
const TODAY = '2026-11-29'

describe('the form a drilled list opens', () => {
  it('knows the last day of every month, February of a leap year too', () => {
    expect(monthBounds(2026, 4)).toEqual({ from: '2026-04-01', to: '2026-04-30' })
    expect(monthBounds(2028, 2)).toEqual({ from: '2028-02-01', to: '2028-02-29' })
    expect(monthBounds(2026, 12)).toEqual({ from: '2026-12-01', to: '2026-12-31' })
  })

  it('picks today inside the period, the first day of a past one, nothing in a period to come', () => {
    expect(dayWithin('2026-11-01', '2026-11-30', TODAY)).toBe(TODAY)
    expect(dayWithin('2026-04-01', '2026-04-30', TODAY)).toBe('2026-04-01')
    expect(dayWithin('2026-12-01', '2026-12-31', TODAY)).toBeUndefined()
  })

  it('a red month of 工作台: a date in that month, 集中服务', () => {
    const scope = { startedFrom: '2026-04-01', startedTo: '2026-04-30', concentrated: true }
    expect(formPreset(2026, { ...none, month: 4 }, scope, TODAY, names)).toEqual({
      heldOn: '2026-04-01',
      concentrated: '是',
    })
  })

  it('a department, task, county, team and organiser of a figure travel into the form', () => {
    const scope = { startedFrom: '2026-01-01', startedTo: '2026-12-31', team: '教育宣讲团', organizer: '临夏州中学' }
    const filters = { ...none, taskCode: 2, department: '教师发展科', countyCode: '622925' }
    expect(formPreset(2026, filters, scope, TODAY, names)).toEqual({
      heldOn: TODAY,
      task: '送教下乡',
      departments: ['教师发展科'],
      county: '和政县',
      team: '教育宣讲团',
      organizer: '临夏州中学',
    })
  })

  it('a month chosen by hand in an undrilled list gives its date; an unfiltered list gives nothing', () => {
    expect(formPreset(2026, { ...none, month: 11 }, null, TODAY, names)).toEqual({ heldOn: TODAY })
    expect(formPreset(2026, none, null, TODAY, names)).toEqual({})
    expect(formPreset(2026, { ...none, countyCode: 'none' }, null, TODAY, names)).toEqual({})
  })
})
