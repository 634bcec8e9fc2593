// The contract: every operation the app offers, declared once. IPC, the CLI and the E2E bridge are
// derived from this table; adding an operation means adding one entry to a feature's handlers.
import { z } from 'zod'
import './zodLocale'
import type { CoreContext } from './context'
import { CoreError, toErrorPayload, type ErrorPayload } from './errors'
import { combineHandlerTables } from './handlerTable'
import { exportHandlers } from './export/handlers'
import { fillHandlers } from './fill/handlers'
import { importHandlers } from './import/handlers'
import { activityHandlers } from './activities/handlers'
import { certificateHandlers } from './certificates/handlers'
import { dashboardHandlers } from './dashboard/handlers'
import { planHandlers } from './plan/handlers'
import { referenceHandlers } from './reference/handlers'
import { printHandlers } from './print/handlers'
import { reportHandlers } from './reports/handlers'
import { returnsHandlers } from './returns/handlers'
import { rosterHandlers } from './roster/handlers'
import { systemHandlers } from './system/handlers'
import { trainingHandlers } from './training/handlers'
import { assertUnlocked, securityHandlers } from './security/handlers'

export const api = combineHandlerTables(
  systemHandlers,
  referenceHandlers,
  rosterHandlers,
  exportHandlers,
  importHandlers,
  planHandlers,
  activityHandlers,
  dashboardHandlers,
  reportHandlers,
  printHandlers,
  certificateHandlers,
  fillHandlers,
  returnsHandlers,
  securityHandlers,
  trainingHandlers,
)

export type Api = typeof api
export type OperationName = keyof Api
export type OperationInput<Name extends OperationName> = z.input<Api[Name]['input']>
export type OperationOutput<Name extends OperationName> = Awaited<ReturnType<Api[Name]['run']>>

/** What crosses a transport: a value or an error payload, never a thrown exception. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload }

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(api, name)
}

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}：${issue.message}` : issue.message))
    .join('；')
}

/** Validates the input against the operation's schema and runs it. Throws CoreError. */
export async function invoke<Name extends OperationName>(
  ctx: CoreContext,
  name: Name,
  rawInput: unknown,
): Promise<OperationOutput<Name>> {
  if (!isOperationName(name)) throw new CoreError('UNKNOWN_OPERATION', `未知的操作：${String(name)}`)
  assertUnlocked(ctx, name)
  const operation = api[name] as unknown as { input: z.ZodType; run: (ctx: CoreContext, input: unknown) => unknown }
  const parsed = operation.input.safeParse(rawInput ?? {})
  if (!parsed.success) throw new CoreError('INVALID_INPUT', `输入有误：${describeZodError(parsed.error)}`)
  const started = performance.now()
  try {
    return (await operation.run(ctx, parsed.data)) as OperationOutput<Name>
  } finally {
    // For support: which operation was slow and how slow — its name and time only, never its input.
    const ms = Math.round(performance.now() - started)
    if (ms >= SLOW_OPERATION_MS) ctx.log.write('info', 'slow', { operation: name, ms })
  }
}

/** An operation taking this long or longer leaves a line in the app log. */
export const SLOW_OPERATION_MS = 1000

/** The same call for transports: errors become payloads the other side can show. */
export async function invokeEnveloped(ctx: CoreContext, name: unknown, rawInput: unknown): Promise<Envelope<unknown>> {
  try {
    if (!isOperationName(name)) throw new CoreError('UNKNOWN_OPERATION', `未知的操作：${String(name)}`)
    return { ok: true, value: await invoke(ctx, name, rawInput) }
  } catch (error) {
    // Refusals (CoreError) are the clerk's to act on; anything else is a fault support must see.
    if (!(error instanceof CoreError))
      ctx.log.write('error', 'unexpected', {
        operation: String(name),
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      })
    return { ok: false, error: toErrorPayload(error) }
  }
}
