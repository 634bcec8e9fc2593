// The messages between a host's shell and the core serving it in another process or thread (the
// Electron main process and its utility process). Plain data over any MessagePort-like channel.
import type { Envelope } from '../core/api'
import type { ProgressEvent } from '../core/context'

/** A channel that posts structured-clone data and delivers what arrives (Electron or Node ports). */
export interface PortLike {
  post: (message: unknown) => void
  onMessage: (listener: (data: unknown) => void) => void
}

export interface InvokeRequest {
  type: 'invoke'
  id: number
  name: string
  input: unknown
  /** Places the main process chose with a native dialog (core/mainChosen.ts), never the renderer. */
  chosen?: Record<string, string>
}

export type CoreMessage =
  { type: 'result'; id: number; envelope: Envelope<unknown> } | { type: 'progress'; event: ProgressEvent }

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

export const isRequestId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0

export function asInvokeRequest(data: unknown): InvokeRequest | null {
  if (!isRecord(data) || data.type !== 'invoke' || !isRequestId(data.id) || typeof data.name !== 'string') return null
  const chosen =
    isRecord(data.chosen) && Object.values(data.chosen).every((value) => typeof value === 'string')
      ? (data.chosen as Record<string, string>)
      : undefined
  if (data.chosen !== undefined && !chosen) return null
  return { type: 'invoke', id: data.id, name: data.name, input: data.input, ...(chosen ? { chosen } : {}) }
}

export function asCoreMessage(data: unknown): CoreMessage | null {
  if (!isRecord(data)) return null
  if (
    data.type === 'result' &&
    isRequestId(data.id) &&
    isRecord(data.envelope) &&
    typeof data.envelope.ok === 'boolean'
  )
    return data as CoreMessage
  if (data.type === 'progress' && isRecord(data.event) && typeof data.event.job === 'string') return data as CoreMessage
  return null
}

/** A Node worker_threads MessagePort (or a Worker, or a thread's parentPort) as a PortLike. */
export function nodePort(port: {
  postMessage: (message: unknown) => void
  on: (event: 'message', listener: (data: unknown) => void) => unknown
}): PortLike {
  return { post: (message) => port.postMessage(message), onMessage: (listener) => void port.on('message', listener) }
}
