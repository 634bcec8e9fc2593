import { describe, it, expect } from 'vitest'
import { maskIdNumber, maskPhone } from '../../../src-main/core/domain'

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 characters of an 18-character ID', () => {
    expect(maskIdNumber('62290119850312123X')).toBe('622901********123X')
  })

  it('keeps the first 3 and last 2 characters of a value of another length', () => {
    expect(maskIdNumber('622901850312001')).toBe('622**********01')
  })

  it('hides a very short value completely and returns empty for empty', () => {
    expect(maskIdNumber('12345')).toBe('*****')
    expect(maskIdNumber('')).toBe('')
    expect(maskIdNumber(null)).toBe('')
  })
})

describe('maskPhone', () => {
  it('shows a mobile as 138****1234', () => {
    expect(maskPhone('13812341234')).toBe('138****1234')
  })

  it('shows a landline as 0930-***4567, keeping the area code', () => {
    expect(maskPhone('0930-1234567')).toBe('0930-***4567')
    expect(maskPhone('010-12345678')).toBe('010-****5678')
  })

  it('keeps only the last 4 characters of anything else', () => {
    expect(maskPhone('6231234')).toBe('***1234')
    expect(maskPhone('123')).toBe('***')
    expect(maskPhone(undefined)).toBe('')
  })
})
