import type { z } from 'zod'
import type { CoreContext } from './context'

/**
 * How an operation appears on the command line. The CLI is derived from these declarations:
 * `command` is the words typed, `flags` maps a --flag to an input field (dotted for nested
 * fields), `positional` names the field that takes the remaining arguments (an array when many).
 */
export interface CliSpec {
  command: string
  flags?: Record<string, string>
  positional?: { field: string; many: boolean }
  summary: string
  /** The fields a human-readable listing shows, in order (without --json). */
  columns?: readonly string[]
  /** The process exit code for a result that is not a plain success (1 when some rows failed, say). */
  exitCode?: (result: never) => number
  /** The plain-text rendering of a result (without --json), when the generic one would not read well. */
  format?: (result: never) => string
  /**
   * The command may start a new ledger where --db names no file (init, settings set, the first import
   * or entry, a restore). Every other command refuses a missing database, as the app's start-up does, rather than
   * answering from a silently created empty one.
   */
  createsLedger?: boolean
}

export interface Handler<Schema extends z.ZodType, Result> {
  input: Schema
  run: (ctx: CoreContext, input: z.output<Schema>) => Result
  cli?: CliSpec
}

/** Declares one operation; the identity function exists so TypeScript infers the input type. */
export function handler<Schema extends z.ZodType, Result>(
  definition: Handler<Schema, Result>,
): Handler<Schema, Result> {
  return definition
}
