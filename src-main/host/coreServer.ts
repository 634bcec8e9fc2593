// The core's side of a host channel: answers each request by its id with an envelope, forwards
// progress, and refuses what is not a request. Requests run concurrently: a long import does not
// hold up a search typed meanwhile (the core itself awaits between chunks of work).
import type { Envelope } from '../core/api'
import type { ProgressEvent } from '../core/context'
import { asInvokeRequest, isRequestId, type CoreMessage, type PortLike } from './protocol'

export type InvokeCore = (name: string, input: unknown, chosen?: Record<string, string>) => Promise<Envelope<unknown>>

function refusal(message: string): Envelope<unknown> {
  return { ok: false, error: { code: 'INVALID_INPUT', message } }
}

export function serveCore(port: PortLike, invoke: InvokeCore): { progress: (event: ProgressEvent) => void } {
  const post = (message: CoreMessage) => port.post(message)
  port.onMessage((data) => {
    const request = asInvokeRequest(data)
    if (!request) {
      // A message without a usable id cannot be answered; one with an id is told why it was refused.
      const id = (data as { id?: unknown } | null)?.id
      if (isRequestId(id))
        post({ type: 'result', id, envelope: refusal('无法识别的请求：须包含操作名称 name（文字）和输入 input') })
      return
    }
    void answer(request.id, request.name, request.input, request.chosen)
  })

  async function answer(id: number, name: string, input: unknown, chosen?: Record<string, string>): Promise<void> {
    let envelope: Envelope<unknown>
    try {
      envelope = await invoke(name, input, chosen)
    } catch (error) {
      envelope = {
        ok: false,
        error: { code: 'INTERNAL', message: `程序内部错误：${error instanceof Error ? error.message : String(error)}` },
      }
    }
    try {
      post({ type: 'result', id, envelope })
    } catch (error) {
      // A value that cannot cross the channel (a function, a class the clone drops) is a bug, reported as one.
      post({
        type: 'result',
        id,
        envelope: {
          ok: false,
          error: { code: 'INTERNAL', message: `程序内部错误：结果无法传回界面（${(error as Error).message}）` },
        },
      })
    }
  }

  return { progress: (event) => post({ type: 'progress', event }) }
}
