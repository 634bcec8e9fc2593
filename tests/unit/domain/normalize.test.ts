import { describe, it, expect } from 'vitest'
import { isBlank, normalizeFreeText, normalizeIdText, normalizeText } from '../../../src-main/core/domain'

describe('normalizeText', () => {
  it('turns null and undefined into an empty string', () => {
    expect(normalizeText(null)).toBe('')
    expect(normalizeText(undefined)).toBe('')
  })

  it('trims full-width (ideographic) spaces and NBSP', () => {
    expect(normalizeText('\u3000马丽\u3000')).toBe('马丽')
    expect(normalizeText('\u00A0临夏市\u00A0')).toBe('临夏市')
  })

  it('removes zero-width characters anywhere', () => {
    expect(normalizeText('\uFEFF马\u200B丽\u200D\u2060')).toBe('马丽')
  })

  it('removes one leading apostrophe (Excel text marker), straight or curly', () => {
    expect(normalizeText("'13812345678")).toBe('13812345678')
    expect(normalizeText('\u2019622901')).toBe('622901')
    expect(normalizeText('\u2018 0930')).toBe('0930')
    expect(normalizeText("''x")).toBe("'x")
  })

  it('makes full-width digits, letters and punctuation half-width', () => {
    expect(normalizeText('１９８５．０３')).toBe('1985.03')
    expect(normalizeText('ＡＢｃ（１）')).toBe('ABc(1)')
  })

  it('collapses internal whitespace runs to one space', () => {
    expect(normalizeText('临夏州  第一\u3000\u3000中学\n分校')).toBe('临夏州 第一 中学 分校')
  })

  it('writes numbers without an exponent', () => {
    expect(normalizeText(13812345678)).toBe('13812345678')
    expect(normalizeText(1985.03)).toBe('1985.03')
    expect(normalizeText(6.22901198503e21)).toBe('6229011985030000000000')
    expect(normalizeText(1e-7)).toBe('0.0000001')
  })

  it('writes a date as YYYY-MM-DD, for Excel UTC midnights and local dates alike', () => {
    expect(normalizeText(new Date(Date.UTC(1985, 2, 12)))).toBe('1985-03-12')
    expect(normalizeText(new Date(1985, 2, 12))).toBe('1985-03-12')
  })
})

describe('normalizeIdText', () => {
  it('removes internal spaces and hyphens and upper-cases a trailing x', () => {
    expect(normalizeIdText(' 110105 19491231-002x ')).toBe('11010519491231002X')
  })

  it('leaves an x that is not at the end alone (for the ID check to reject)', () => {
    expect(normalizeIdText('1101x5')).toBe('1101x5')
  })
})

describe('isBlank', () => {
  it('treats invisible-only values as blank and text as not blank', () => {
    expect(isBlank('\u3000\u200B ')).toBe(true)
    expect(isBlank("'")).toBe(true)
    expect(isBlank(0)).toBe(false)
    expect(isBlank('回族')).toBe(false)
  })
})

describe('normalizeFreeText', () => {
  it('keeps Chinese punctuation but makes full-width digits and letters half-width', () => {
    expect(normalizeFreeText('\u3000名师送教（和政）：第２期ＡＢ\u200B ')).toBe('名师送教（和政）：第2期AB')
  })

  it('keeps the line breaks of a write-up when asked, and only then', () => {
    expect(normalizeFreeText('第一，入户宣讲；\r\n\r\n\r\n第二，  当场答疑。', { multiline: true })).toBe(
      '第一，入户宣讲；\n\n第二， 当场答疑。',
    )
    expect(normalizeFreeText('第一行\n第二行')).toBe('第一行 第二行')
  })
})
