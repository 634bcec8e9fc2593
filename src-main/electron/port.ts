// Electron's MessagePortMain as the host channel's PortLike (its message event carries `data`).
import type { MessagePortMain } from 'electron'
import type { PortLike } from '../host/protocol'

export function electronPort(port: MessagePortMain): PortLike {
  return {
    // MessagePortMain transfers ports only: bytes are copied by structured clone (never base64).
    post: (message) => port.postMessage(message),
    onMessage: (listener) => void port.on('message', (event) => listener(event.data)),
  }
}

/** What the main process tells the utility process when it starts it. */
export interface CoreHostInit {
  nativeBinding?: string
  /** VOLUNTEER_LEDGER_DB, honoured only in an unpackaged app (host/shellPolicy.ts). */
  dbPath?: string
}
