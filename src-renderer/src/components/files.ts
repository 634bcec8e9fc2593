// Bytes in the renderer: Uint8Array for the core's inputs (sent as they are), Blobs for showing
// pictures and for saving exported workbooks through the browser's download.

/** Whatever a transport made of a Uint8Array (itself, an ArrayBuffer, or a plain index object). */
export function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value
  if (value instanceof ArrayBuffer) return new Uint8Array(value)
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
  if (Array.isArray(value)) return Uint8Array.from(value as number[])
  if (value && typeof value === 'object') return Uint8Array.from(Object.values(value as Record<string, number>))
  return new Uint8Array()
}

export function blobUrl(data: unknown, type: string): string {
  const bytes = toBytes(data)
  return URL.createObjectURL(new Blob([bytes.slice().buffer as ArrayBuffer], { type }))
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Hands the bytes to the browser as a download; Electron then asks where to save. */
export function downloadBytes(fileName: string, data: unknown, type = XLSX): void {
  const url = blobUrl(data, type)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** A JPEG thumbnail about `size` pixels on its long side, made with a canvas. */
export async function makeThumbnail(file: Blob, size = 240): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    const bitmap = await createImageBitmap(file)
    const scale = Math.min(1, size / Math.max(bitmap.width, bitmap.height))
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(bitmap.width * scale))
    canvas.height = Math.max(1, Math.round(bitmap.height * scale))
    const context = canvas.getContext('2d')
    if (!context) return null
    context.fillStyle = '#fff'
    context.fillRect(0, 0, canvas.width, canvas.height)
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height)
    bitmap.close()
    const blob = await new Promise<Blob | null>((done) => canvas.toBlob(done, 'image/jpeg', 0.82))
    return blob ? new Uint8Array(await blob.arrayBuffer()) : null
  } catch {
    // A picture the browser cannot decode still gets stored; it just shows without a thumbnail.
    return null
  }
}
