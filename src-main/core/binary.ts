import { z } from 'zod'

/**
 * Bytes from a host: a Uint8Array or ArrayBuffer over Electron's structured clone, or base64 text
 * where a transport speaks JSON (the E2E bridge). Either way the handler receives a Uint8Array.
 */
export const bytesInput = z
  .union([z.instanceof(Uint8Array), z.instanceof(ArrayBuffer), z.object({ base64: z.string() })])
  .transform((value) => {
    if (value instanceof Uint8Array) return value
    if (value instanceof ArrayBuffer) return new Uint8Array(value)
    return new Uint8Array(Buffer.from(value.base64, 'base64'))
  })
