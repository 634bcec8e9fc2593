// The renderer's way into the core (issue 11): the handler table with every hostPath field refused
// (core/hostPath.ts), checked before the core's own schema; a place an operation needs comes only
// from the main process (core/mainChosen.ts), which asked the clerk with a native dialog. Used by
// the Electron core host and by the E2E harness, which plays the main process.
import type { z } from 'zod'
import { api, describeZodError, invokeEnveloped, isOperationName, type Envelope, type OperationName } from './api'
import type { CoreContext } from './context'
import { createContext, type CoreOptions } from './index'
import { createStartupGate, type StartupGate } from './db/startup'
import { withoutHostPaths } from './hostPath'
import { MAIN_CHOSEN } from './mainChosen'
import { warmParticipationIndex } from './reports/participationIndex'

const cache = new Map<OperationName, z.ZodType>()

/** The input schema the renderer sees for an operation. */
export function rendererSchema(name: OperationName): z.ZodType {
  let schema = cache.get(name)
  if (!schema) {
    schema = withoutHostPaths(api[name].input as z.ZodType)
    cache.set(name, schema)
  }
  return schema
}

/** Places the main process chose, by field; anything else it sends is refused as a bug. */
export type ChosenByMain = Readonly<Record<string, string>>

export async function invokeFromRenderer(
  ctx: CoreContext,
  name: unknown,
  rawInput: unknown,
  chosen: ChosenByMain = {},
): Promise<Envelope<unknown>> {
  if (!isOperationName(name)) return invokeEnveloped(ctx, name, rawInput)
  const checked = rendererSchema(name).safeParse(rawInput ?? {})
  if (!checked.success)
    return { ok: false, error: { code: 'INVALID_INPUT', message: `输入有误：${describeZodError(checked.error)}` } }
  const allowed = MAIN_CHOSEN[name]?.field
  for (const field of Object.keys(chosen)) {
    if (field !== allowed)
      return {
        ok: false,
        error: { code: 'INTERNAL', message: `程序内部错误：操作 ${name} 不接受主进程选择的 ${field}` },
      }
  }
  if (allowed !== undefined && chosen[allowed] === undefined) {
    return {
      ok: false,
      error: { code: 'INVALID_INPUT', message: `${MAIN_CHOSEN[name]!.title}：须在程序的对话框中选择` },
    }
  }
  const input = Object.keys(chosen).length > 0 ? { ...(rawInput as object | undefined), ...chosen } : rawInput
  return invokeEnveloped(ctx, name, input)
}

export interface RendererGateOptions {
  /** The host's createContext options; the gate adds the 登录密码 the clerk types at start-up. */
  context: Omit<CoreOptions, 'password'>
  /** The location came from the clerk's choice (location.json): a missing file there is a failure. */
  mustExist?: boolean
  /** Records a folder chosen at start-up (saveLocation). */
  remember?: (dbPath: string) => void
  /** Runs once the ledger is open (the daily backup). */
  onOpen?: (ctx: CoreContext) => void | Promise<void>
}

/**
 * What a renderer host serves (the Electron core host, the E2E harness): the start-up gate over the
 * ledger, and once it is open the core through the renderer's schemas.
 */
export function createRendererGate(dbPath: string, options: RendererGateOptions): StartupGate {
  return createStartupGate(dbPath, {
    mustExist: options.mustExist,
    now: options.context.now,
    open: (path, password) => createContext(path, { ...options.context, password }),
    invoke: (ctx, name, input, chosen) => invokeFromRenderer(ctx, name, input, chosen),
    remember: options.remember,
    onOpen: (ctx) => {
      // After this turn (the first answers first): the sums the first screen needs, read in steps.
      setImmediate(() => void warmParticipationIndex(ctx.db).catch(() => {}))
      return options.onOpen?.(ctx)
    },
  })
}
