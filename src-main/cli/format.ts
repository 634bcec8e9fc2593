/** Plain-text rendering of a result for people at a terminal; --json gives the exact value. */
export function formatHuman(value: unknown, columns?: readonly string[]): string {
  if (value === undefined || value === null) return '完成'
  if (isBinary(value)) return describeBinary(value)
  if (typeof value !== 'object') return String(value)
  const rows = (value as { rows?: unknown }).rows
  if (Array.isArray(rows)) {
    const total = (value as { total?: number }).total
    const lines = rows.map((row) => formatRow(row as Record<string, unknown>, columns))
    return [
      ...lines,
      `共 ${total ?? rows.length} 条${total !== undefined && total > rows.length ? `，显示 ${rows.length} 条` : ''}`,
    ].join('\n')
  }
  if (Array.isArray(value)) return value.map((row) => formatRow(row as Record<string, unknown>)).join('\n')
  const entries = Object.entries(value)
  const lines = entries.map(([key, item]) => `${key}: ${formatField(item)}`)
  // Bytes meant for the UI (an export without a path): a terminal cannot use them, so say how to get the file.
  if (entries.some(([, item]) => isBinary(item)))
    lines.push('文件未保存：请加 --out 文件.xlsx 指定保存位置后重新运行。')
  return lines.join('\n')
}

function isBinary(value: unknown): value is Uint8Array | ArrayBuffer {
  return value instanceof Uint8Array || value instanceof ArrayBuffer
}

/** A size instead of the bytes: a workbook printed as numbers would flood the terminal. */
function describeBinary(value: Uint8Array | ArrayBuffer): string {
  return `<${value.byteLength} 字节>`
}

function formatField(item: unknown): string {
  if (isBinary(item)) return describeBinary(item)
  if (item !== null && typeof item === 'object') {
    return JSON.stringify(item, (_key, nested: unknown) => (isBinary(nested) ? describeBinary(nested) : nested))
  }
  return String(item)
}

function formatRow(row: Record<string, unknown>, columns?: readonly string[]): string {
  const values = columns ? columns.map((column) => row[column] ?? '') : Object.values(row)
  return values
    .filter((item) => item !== null && item !== undefined && typeof item !== 'object')
    .map(String)
    .join('\t')
}
