// One cell's value as the importer needs it. Formulas are never evaluated: their cached result is
// used, as Excel last showed it. Numbers stay numbers so that the importer can tell an ID typed into
// a number cell (digits already lost) from one typed as text.
export type CellValue = string | number | null

function pad(value: number): string {
  return String(value).padStart(2, '0')
}

/** Dates from exceljs are UTC midnights standing for the day Excel showed. */
export function formatDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return ''
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
}

function richText(parts: unknown): string {
  if (!Array.isArray(parts)) return ''
  return parts.map((part) => (part && typeof part === 'object' ? String((part as { text?: unknown }).text ?? '') : '')).join('')
}

export function readCellValue(raw: unknown): CellValue {
  if (raw === null || raw === undefined) return null
  if (typeof raw === 'string') return raw === '' ? null : raw
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE'
  if (raw instanceof Date) return formatDate(raw) || null
  if (typeof raw !== 'object') return String(raw)
  const value = raw as Record<string, unknown>
  if ('richText' in value) return richText(value.richText) || null
  if ('formula' in value || 'sharedFormula' in value) return readCellValue(value.result)
  if ('text' in value) return readCellValue(value.text)
  if ('error' in value) return String(value.error)
  return null
}

/** The text a cell showed, for messages and the preview's "original values". */
export function cellText(value: CellValue): string {
  return value === null ? '' : String(value)
}
