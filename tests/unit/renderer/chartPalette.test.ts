// The charts print in grey on the bureau's black-and-white printers: the series a chart draws side by
// side must stay apart as greys, not only as hues, whichever of the two usual weightings turns them grey.
import { describe, expect, it } from 'vitest'
import { LINE_COLOUR, luma, PALETTE, REC601, REC709 } from '../../../src-renderer/src/components/chart/palette'

describe('chart palette in grey', () => {
  it('reads a colour as the grey it prints', () => {
    expect(luma('#000000')).toBe(0)
    expect(luma('#ffffff')).toBeCloseTo(255)
    expect(luma('#808080', REC709)).toBeCloseTo(128)
    expect(luma('#ff0000', REC601)).toBeCloseTo(76.245, 2)
  })

  for (const [name, weights] of [
    ['Rec. 601', REC601],
    ['Rec. 709', REC709],
  ] as const) {
    it(`keeps every two series of a chart (up to four) at least 40 grey levels apart (${name})`, () => {
      const used = PALETTE.slice(0, 4)
      for (const [i, a] of used.entries())
        for (const b of used.slice(i + 1))
          expect(Math.abs(luma(a, weights) - luma(b, weights)), `${a} / ${b}`).toBeGreaterThanOrEqual(40)
    })

    it(`keeps the running total's line apart from the light bars (${name})`, () => {
      expect(Math.abs(luma(LINE_COLOUR, weights) - luma(PALETTE[1]!, weights))).toBeGreaterThanOrEqual(100)
    })
  }
})
