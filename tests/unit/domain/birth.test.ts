import { describe, it, expect } from 'vitest'
import { formatBirthMonth, parseBirthMonth } from '../../../src-main/core/domain'

const MARCH_1985 = { year: 1985, month: 3 }

describe('parseBirthMonth', () => {
  it.each([
    '1985.03',
    '1985.3',
    '1985-03',
    '1985/3',
    '1985年3月',
    '1985年03月',
    '198503',
    '1985-03-12',
    '1985年3月12日',
    '19850312',
    '1985.3.12',
    '１９８５．０３',
    '1985-03-12T00:00:00.000Z',
    '1985-03-12 08:30:00',
  ])('reads the text %s as March 1985', (text) => {
    expect(parseBirthMonth(text)).toEqual(MARCH_1985)
  })

  it('reads an Excel date serial number', () => {
    expect(parseBirthMonth(31107)).toEqual(MARCH_1985)
    expect(parseBirthMonth(31107.5)).toEqual(MARCH_1985)
    expect(parseBirthMonth(36585)).toEqual({ year: 2000, month: 2 })
  })

  it('reads a Date', () => {
    expect(parseBirthMonth(new Date(Date.UTC(1985, 2, 12)))).toEqual(MARCH_1985)
    expect(parseBirthMonth(new Date(1985, 2, 1))).toEqual(MARCH_1985)
  })

  it('reads a decimal number as year.month', () => {
    expect(parseBirthMonth(1985.03)).toEqual(MARCH_1985)
    expect(parseBirthMonth(1985.12)).toEqual({ year: 1985, month: 12 })
    expect(parseBirthMonth(1985.3)).toEqual(MARCH_1985)
  })

  it('reads the number 1985.1 as October, since Excel stores a typed 1985.10 that way', () => {
    expect(parseBirthMonth(1985.1)).toEqual({ year: 1985, month: 10 })
  })

  it('reads the text 1985.1 as January, since text keeps what was typed', () => {
    expect(parseBirthMonth('1985.1')).toEqual({ year: 1985, month: 1 })
  })

  it('reads digits run together as a number too', () => {
    expect(parseBirthMonth(198503)).toEqual(MARCH_1985)
    expect(parseBirthMonth(19850312)).toEqual(MARCH_1985)
  })

  it.each(['', '1985', '1985.13', '1985.00', '1985-02-30', '85.03', '三月', '1985年13月', '1985.031'])(
    'returns null for %s',
    (text) => {
      expect(parseBirthMonth(text)).toBeNull()
    },
  )

  it('returns null for a bare year number, null, and nonsense numbers', () => {
    expect(parseBirthMonth(1985)).toBeNull()
    expect(parseBirthMonth(null)).toBeNull()
    expect(parseBirthMonth(-5)).toBeNull()
    expect(parseBirthMonth(1985.13)).toBeNull()
  })
})

describe('formatBirthMonth', () => {
  it('writes YYYY.MM with a two-digit month', () => {
    expect(formatBirthMonth(MARCH_1985)).toBe('1985.03')
    expect(formatBirthMonth({ year: 2001, month: 11 })).toBe('2001.11')
  })
})
