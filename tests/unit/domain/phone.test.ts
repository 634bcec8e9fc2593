import { describe, it, expect } from 'vitest'
import { checkPhone } from '../../../src-main/core/domain'

function phoneOf(raw: unknown): string | null {
  const result = checkPhone(raw)
  return result.ok ? result.phone : null
}

describe('checkPhone', () => {
  it('accepts an 11-digit mobile and tolerates spaces, hyphens and a +86 or 86 prefix', () => {
    expect(phoneOf('13812341234')).toBe('13812341234')
    expect(phoneOf('138 1234 1234')).toBe('13812341234')
    expect(phoneOf('138-1234-1234')).toBe('13812341234')
    expect(phoneOf('+86 138 1234 1234')).toBe('13812341234')
    expect(phoneOf('8613812341234')).toBe('13812341234')
    expect(phoneOf(13812341234)).toBe('13812341234')
    expect(phoneOf('１３８１２３４１２３４')).toBe('13812341234')
  })

  it('rejects mobiles with a wrong second digit or length', () => {
    expect(phoneOf('12812341234')).toBeNull()
    expect(phoneOf('1381234123')).toBeNull()
    expect(phoneOf('138123412345')).toBeNull()
  })

  it('normalises landlines with an area code to 区号-号码', () => {
    expect(phoneOf('0930-1234567')).toBe('0930-1234567')
    expect(phoneOf('09301234567')).toBe('0930-1234567')
    expect(phoneOf('(0930)1234567')).toBe('0930-1234567')
    expect(phoneOf('（0930）1234567')).toBe('0930-1234567')
    expect(phoneOf('010 12345678')).toBe('010-12345678')
  })

  it('keeps a 7–8 digit local number as it is', () => {
    expect(phoneOf('6231234')).toBe('6231234')
    expect(phoneOf('62312345')).toBe('62312345')
  })

  it('accepts an empty value as no phone', () => {
    expect(checkPhone('')).toEqual({ ok: true, phone: '' })
    expect(checkPhone(null)).toEqual({ ok: true, phone: '' })
  })

  it('explains in Chinese what is expected and quotes the value', () => {
    const result = checkPhone('12345')
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.message).toContain('“12345”')
      expect(result.message).toContain('11 位手机号码或“区号-号码”格式的固定电话')
    }
  })
})
