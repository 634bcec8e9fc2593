// One cell's value as the importer needs it (readSheet.ts makes them). Formulas are never
// evaluated: their cached result is used, as Excel last showed it. Numbers stay numbers so that the
// importer can tell an ID typed into a number cell (digits already lost) from one typed as text.
export type CellValue = string | number | null

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

/** A Date as the UTC day it stands for (YYYY-MM-DD), '' for an invalid one. */
export function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return ''
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
}

/** A number in a date style as the day Excel showed: serial days since 1899-12-30 (or 1904-01-01), to the millisecond. */
export function formatDateSerial(serial: number, date1904: boolean): string {
  return formatDate(new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)))
}

/** The text a cell showed, for messages and the preview's "original values". */
export function cellText(value: CellValue): string {
  return value === null ? '' : String(value)
}
