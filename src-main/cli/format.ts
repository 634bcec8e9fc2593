/** Plain-text rendering of a result for people at a terminal; --json gives the exact value. */
export function formatHuman(value: unknown, columns?: readonly string[]): string {
  if (value === undefined || value === null) return '完成'
  if (typeof value !== 'object') return String(value)
  const rows = (value as { rows?: unknown }).rows
  if (Array.isArray(rows)) {
    const total = (value as { total?: number }).total
    const lines = rows.map((row) => formatRow(row as Record<string, unknown>, columns))
    return [...lines, `共 ${total ?? rows.length} 条${total !== undefined && total > rows.length ? `，显示 ${rows.length} 条` : ''}`].join('\n')
  }
  if (Array.isArray(value)) return value.map((row) => formatRow(row as Record<string, unknown>)).join('\n')
  return Object.entries(value)
    .map(([key, item]) => `${key}: ${typeof item === 'object' ? JSON.stringify(item) : String(item)}`)
    .join('\n')
}

function formatRow(row: Record<string, unknown>, columns?: readonly string[]): string {
  const values = columns ? columns.map((column) => row[column] ?? '') : Object.values(row)
  return values
    .filter((item) => item !== null && item !== undefined && typeof item !== 'object')
    .map(String)
    .join('\t')
}
