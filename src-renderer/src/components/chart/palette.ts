// The charts' colours, chosen to print in grey too (the bureau's printers are mostly black and white).
/**
 * Series colours whose greys stay apart when printed without colour (luma 0.299R+0.587G+0.114B:
 * about 59, 185, 96, 134, 215), with decal patterns on top; the third is the alarm red (a gap month,
 * an overdue item). tests/unit/renderer/chartPalette.test.ts checks the distances.
 */
export const PALETTE = ['#1f3f73', '#9dbfe6', '#c0392b', '#6f9a5a', '#f0d9a0']
/** The running total's line: near black, so it reads apart from every bar, in colour and in grey. */
export const LINE_COLOUR = '#333333'
/** Behind a gap month: a light band that prints as a light grey. */
export const ALARM_BAND = 'rgba(192, 57, 43, 0.12)'

/** The grey a colour prints as (Rec. 601 luma, 0–255). */
export function luma(hex: string): number {
  const channel = (at: number) => parseInt(hex.slice(at, at + 2), 16)
  return 0.299 * channel(1) + 0.587 * channel(3) + 0.114 * channel(5)
}
