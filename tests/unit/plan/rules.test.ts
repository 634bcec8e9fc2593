// The checks of one checklist item (表2 row or form): what the clerk and the school are told.
import { describe, expect, it } from 'vitest'
import { validatePlanItem } from '../../../src-main/core/plan/rules'

const TASKS = [{ code: 2, name: '送教下乡' }]

describe('validatePlanItem', () => {
  it('says once what is wrong with a phone number', () => {
    const { issues } = validatePlanItem(
      { name: '名师送教', task: '送教下乡', departments: '教师发展科', phone: '12345' },
      { year: 2026, tasks: TASKS, seq: 1 },
    )
    const phone = issues.find((issue) => issue.field === 'phone')
    expect(phone?.level).toBe('warning')
    expect(phone?.message.match(/“12345”/g)).toHaveLength(1)
    expect(phone?.message).toMatch(/^联系电话“12345”格式不正确/)
  })
})
