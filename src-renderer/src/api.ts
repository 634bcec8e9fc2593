// The renderer's typed client. The host provides window.ledger (Electron's preload, or the test
// bridge); the types come straight from the core's handler table, so a wrong call fails to compile.
import { isProxy, toRaw } from 'vue'
import type { Envelope, OperationInput, OperationName, OperationOutput } from '../../src-main/core/api'
import type { ProgressEvent } from '../../src-main/core/context'
import type { ErrorPayload } from '../../src-main/core/errors'
import type { StartupStatus } from '../../src-main/core/db/startup'

export interface LedgerBridge {
  invoke: (name: string, input: unknown) => Promise<unknown>
  onProgress: (listener: (event: ProgressEvent) => void) => () => void
}

declare global {
  interface Window {
    /** Missing when the page is opened outside its host (a browser, a preload that failed). */
    ledger?: LedgerBridge
  }
}

export function hasBridge(): boolean {
  return typeof window.ledger?.invoke === 'function' && typeof window.ledger.onProgress === 'function'
}

const NO_BRIDGE: ErrorPayload = {
  code: 'INTERNAL',
  message: '程序界面没有连接到数据服务（window.ledger 缺失），请重新打开本程序。',
}

function bridge(): LedgerBridge {
  if (!hasBridge()) throw new ApiError(NO_BRIDGE)
  return window.ledger!
}

export class ApiError extends Error {
  readonly code: ErrorPayload['code']
  readonly details: unknown

  constructor(payload: ErrorPayload) {
    super(payload.message)
    this.code = payload.code
    this.details = payload.details
  }
}

export async function call<Name extends OperationName>(
  name: Name,
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{}` here asks "may the input be left out?"
  ...args: {} extends OperationInput<Name> ? [input?: OperationInput<Name>] : [input: OperationInput<Name>]
): Promise<OperationOutput<Name>> {
  const input = args[0] === undefined ? {} : plain(args[0])
  const envelope = (await bridge().invoke(name, input)) as Envelope<OperationOutput<Name>>
  if (!envelope.ok) throw new ApiError(envelope.error)
  return envelope.value
}

/** What the start-up gate answers besides the core's table (core/db/startup.ts): each gives its status. */
export type StartupOperation =
  'startup.status' | 'startup.retry' | 'startup.unlock' | 'startup.restoreBackup' | 'startup.useFolder'

export async function callStartup(name: StartupOperation, input: { password?: string } = {}): Promise<StartupStatus> {
  const envelope = (await bridge().invoke(name, input)) as Envelope<StartupStatus>
  if (!envelope.ok) throw new ApiError(envelope.error)
  return envelope.value
}

/** Vue's reactive proxies cannot cross a structured-clone boundary; binary data must stay binary. */
function plain(value: unknown): unknown {
  const raw = isProxy(value) ? toRaw(value) : value
  if (raw === null || typeof raw !== 'object') return raw
  if (ArrayBuffer.isView(raw) || raw instanceof ArrayBuffer || raw instanceof Date) return raw
  if (Array.isArray(raw)) return raw.map(plain)
  return Object.fromEntries(
    Object.entries(raw)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => [key, plain(item)]),
  )
}

export function onProgress(listener: (event: ProgressEvent) => void): () => void {
  return bridge().onProgress(listener)
}

export type { OperationOutput, OperationInput, ProgressEvent, StartupStatus }
