// The charts' colours, chosen to print in grey too (the bureau's printers are mostly black and white).
/**
 * Series colours whose greys stay apart when printed without colour (luma, Rec. 601 / Rec. 709, the
 * two ways printers and Chromium's grayscale turn colour to grey: about 40/40, 185/187, 96/85,
 * 139/146, 215/217), with decal patterns on top; the third is the alarm red (a gap month, an overdue
 * item). tests/unit/renderer/chartPalette.test.ts checks the distances.
 */
export const PALETTE = ['#142a4f', '#9dbfe6', '#c0392b', '#72a05c', '#f0d9a0']
/** The running total's line: near black, so it reads apart from every bar, in colour and in grey. */
export const LINE_COLOUR = '#333333'
/** Behind a gap month: a light band that prints as a light grey. */
export const ALARM_BAND = 'rgba(192, 57, 43, 0.12)'

export const REC601 = [0.299, 0.587, 0.114] as const
export const REC709 = [0.2126, 0.7152, 0.0722] as const

/** The grey a colour prints as (luma, 0–255). */
export function luma(hex: string, [r, g, b]: readonly [number, number, number] = REC601): number {
  const channel = (at: number) => parseInt(hex.slice(at, at + 2), 16)
  return r * channel(1) + g * channel(3) + b * channel(5)
}
