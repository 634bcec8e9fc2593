// The shell's side of a host channel: each call gets an id and waits for the answer with that id;
// progress goes to whoever listens. When the core's process dies, every call still waiting is
// answered with an error the clerk can read, instead of waiting for ever.
import type { Envelope } from '../core/api'
import type { ProgressEvent } from '../core/context'
import { asCoreMessage, type PortLike } from './protocol'

export interface CoreClient {
  invoke: (name: string, input: unknown, chosen?: Record<string, string>) => Promise<Envelope<unknown>>
  onProgress: (listener: (event: ProgressEvent) => void) => () => void
  /** Answers every call in flight with this message (the core's process is gone). */
  failInFlight: (message: string) => void
  inFlight: () => number
}

export function connectCore(port: PortLike): CoreClient {
  const waiting = new Map<number, (envelope: Envelope<unknown>) => void>()
  const listeners = new Set<(event: ProgressEvent) => void>()
  let nextId = 1
  port.onMessage((data) => {
    const message = asCoreMessage(data)
    if (!message) return
    if (message.type === 'progress') {
      for (const listener of listeners) listener(message.event)
      return
    }
    const resolve = waiting.get(message.id)
    waiting.delete(message.id)
    resolve?.(message.envelope)
  })
  return {
    invoke: (name, input, chosen) =>
      new Promise((resolve) => {
        const id = nextId++
        waiting.set(id, resolve)
        try {
          port.post({ type: 'invoke', id, name, input, ...(chosen ? { chosen } : {}) })
        } catch (error) {
          waiting.delete(id)
          resolve({ ok: false, error: { code: 'INVALID_INPUT', message: `请求无法发送：${(error as Error).message}` } })
        }
      }),
    onProgress: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    failInFlight: (message) => {
      for (const resolve of waiting.values()) resolve({ ok: false, error: { code: 'INTERNAL', message } })
      waiting.clear()
    },
    inFlight: () => waiting.size,
  }
}
