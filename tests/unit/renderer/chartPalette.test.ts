// The charts print in grey on the bureau's black-and-white printers: the series a chart draws side by
// side must stay apart as greys, not only as hues.
import { describe, expect, it } from 'vitest'
import { LINE_COLOUR, luma, PALETTE } from '../../../src-renderer/src/components/chart/palette'

describe('chart palette in grey', () => {
  it('reads a colour as the grey it prints', () => {
    expect(luma('#000000')).toBe(0)
    expect(luma('#ffffff')).toBeCloseTo(255)
    expect(luma('#808080')).toBeCloseTo(128)
  })

  it('keeps every two series of a chart (up to four) at least 35 grey levels apart', () => {
    const used = PALETTE.slice(0, 4)
    for (const [i, a] of used.entries())
      for (const b of used.slice(i + 1)) expect(Math.abs(luma(a) - luma(b)), `${a} / ${b}`).toBeGreaterThanOrEqual(35)
  })

  it('keeps the alarm red apart from the bar it replaces, and the line from the light bars', () => {
    expect(Math.abs(luma(PALETTE[2]!) - luma(PALETTE[0]!))).toBeGreaterThanOrEqual(35)
    expect(Math.abs(luma(LINE_COLOUR) - luma(PALETTE[1]!))).toBeGreaterThanOrEqual(100)
  })
})
