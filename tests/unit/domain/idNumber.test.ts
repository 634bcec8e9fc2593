import { describe, it, expect } from 'vitest'
import { checkIdNumber, idCheckChar } from '../../../src-main/core/domain'

const TODAY = new Date(2026, 4, 20)

function withCheck(first17: string): string {
  return first17 + idCheckChar(first17)
}

function expectError(raw: unknown, code: string, today = TODAY) {
  const result = checkIdNumber(raw, today)
  if (result.ok) throw new Error(`expected ${code}, got a valid ID`)
  expect(result.code).toBe(code)
  return result.message
}

describe('idCheckChar', () => {
  it('computes the MOD 11-2 check character of hand-verified numbers', () => {
    expect(idCheckChar('11010519491231002')).toBe('X')
    expect(idCheckChar('62290119850312001')).toBe('2')
  })

  it('refuses anything but 17 digits', () => {
    expect(() => idCheckChar('1234')).toThrow()
  })
})

describe('checkIdNumber', () => {
  it('accepts the GB 11643 sample 11010519491231002X (hand-verified) as a woman born 1949-12-31', () => {
    const result = checkIdNumber('11010519491231002X', TODAY)
    expect(result).toEqual({
      ok: true,
      id: '11010519491231002X',
      birth: { year: 1949, month: 12, day: 31 },
      gender: '女',
      areaCode: '110105',
    })
  })

  it('accepts 622901198503120012 (hand-verified) as a man of 临夏市 born 1985-03-12', () => {
    const result = checkIdNumber('622901198503120012', TODAY)
    expect(result.ok && result.gender).toBe('男')
    expect(result.ok && result.areaCode).toBe('622901')
    expect(result.ok && result.birth).toEqual({ year: 1985, month: 3, day: 12 })
  })

  it('reads the gender from the parity of the 17th digit', () => {
    for (const [digit, gender] of [
      ['1', '男'],
      ['3', '男'],
      ['2', '女'],
      ['0', '女'],
    ] as const) {
      const result = checkIdNumber(withCheck(`6229271990010112${digit}`), TODAY)
      expect(result.ok && result.gender).toBe(gender)
    }
  })

  it('rejects a wrong check character with code CHECKSUM and says what it should be', () => {
    const message = expectError('622901198503120013', 'CHECKSUM')
    expect(message).toContain('校验位')
    expect(message).toContain('“2”')
  })

  it('rejects 1985-02-30 as a birth date', () => {
    expect(expectError(withCheck('62290119850230001'), 'BIRTH_DATE')).toContain('出生日期')
  })

  it('accepts 29 February of the leap year 2000', () => {
    expect(checkIdNumber('622926200002290029', TODAY).ok).toBe(true)
  })

  it('rejects 29 February of 1900 and 2001, which are not leap years', () => {
    expectError(withCheck('62292619000229002'), 'BIRTH_DATE')
    expectError(withCheck('62292620010229002'), 'BIRTH_DATE')
  })

  it('rejects month 13 and day 00', () => {
    expectError(withCheck('62292619851301002'), 'BIRTH_DATE')
    expectError(withCheck('62292619850300002'), 'BIRTH_DATE')
  })

  it('rejects a birth date before 1900 even with a correct check character (the GB sample 440524188001010014)', () => {
    expect(idCheckChar('44052418800101001')).toBe('4')
    expectError('440524188001010014', 'BIRTH_DATE')
  })

  it('rejects a birth date after today', () => {
    expectError(withCheck('62292620260521001'), 'BIRTH_DATE', TODAY)
    expect(checkIdNumber(withCheck('62292620260520001'), TODAY).ok).toBe(true)
  })

  it('rejects an old 15-digit number and asks for the 18-digit one', () => {
    const message = expectError('622901850312001', 'LENGTH_15')
    expect(message).toContain('15 位旧身份证号码不再使用')
    expect(message).toContain('18 位')
  })

  it('states the actual length of a wrong-length number', () => {
    const message = expectError('6229011985031200', 'LENGTH')
    expect(message).toContain('16 位')
    expect(message).toContain('18 位')
  })

  it('rejects letters among the first 17 characters, naming the position', () => {
    expect(expectError('62290119850312O012', 'CHARS')).toContain('第 15 位')
    expectError('62290119850312001Y', 'CHARS')
  })

  it('rejects an unknown province code', () => {
    expectError(withCheck('99290119850312001'), 'AREA')
    expectError(withCheck('10290119850312001'), 'AREA')
  })

  it('accepts a lower-case x and stores it as X', () => {
    const result = checkIdNumber('11010519491231002x', TODAY)
    expect(result.ok && result.id).toBe('11010519491231002X')
  })

  it('accepts full-width digits, spaces, hyphens and a leading apostrophe', () => {
    expect(checkIdNumber('６２２９０１１９８５０３１２００１２', TODAY)).toMatchObject({
      ok: true,
      id: '622901198503120012',
    })
    expect(checkIdNumber(" '622901 19850312 0012 ", TODAY)).toMatchObject({ ok: true, id: '622901198503120012' })
    expect(checkIdNumber('622901-19850312-0012', TODAY)).toMatchObject({ ok: true })
  })

  it('accepts a bigint', () => {
    expect(checkIdNumber(622901198503120012n, TODAY).ok).toBe(true)
  })

  it('rejects an ID stored as a number, because its last digits are already lost', () => {
    const message = expectError(622901198503120000, 'NUMERIC_CELL')
    expect(message).toContain('15 位有效数字')
    expect(message).toContain('文本')
    expectError(622901198503120, 'NUMERIC_CELL')
  })

  it('rejects an ID shown in scientific notation as a number cell', () => {
    expectError('6.22901E+17', 'NUMERIC_CELL')
    expectError('6.22901e17', 'NUMERIC_CELL')
  })

  it('reports an empty value as EMPTY', () => {
    expectError('', 'EMPTY')
    expectError(null, 'EMPTY')
    expectError('  \u3000 ', 'EMPTY')
  })

  it('never repeats the full number in a message', () => {
    const message = expectError('622901198503120013', 'CHECKSUM')
    expect(message).not.toContain('62290119850312001')
  })
})
