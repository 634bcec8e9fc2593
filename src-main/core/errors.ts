// Errors are values the user can act on: a stable code for programs, a Chinese message for people.
import { maskNumbersInText } from './domain/mask'

export type ErrorCode =
  | 'UNKNOWN_OPERATION'
  | 'INVALID_INPUT'
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FILE'
  | 'INTERNAL'
  /** The database is encrypted and the 登录密码 is missing or wrong. */
  | 'PASSWORD'
  /** The app is locked; only unlocking is allowed. */
  | 'LOCKED'

export interface ErrorPayload {
  code: ErrorCode
  message: string
  details?: unknown
}

export class CoreError extends Error {
  readonly code: ErrorCode
  readonly details?: unknown

  constructor(code: ErrorCode, message: string, details?: unknown) {
    // A refusal is shown, printed by the CLI and logged: an ID or phone number a message names is masked
    // here once, whatever the caller interpolated (PIPL).
    super(maskNumbersInText(message))
    this.name = 'CoreError'
    this.code = code
    this.details = details
  }

  toPayload(): ErrorPayload {
    return { code: this.code, message: this.message, details: this.details }
  }
}

export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof CoreError) return error.toPayload()
  // Unexpected errors keep their text for diagnosis but never their stack or values from the database.
  const text = maskNumbersInText(error instanceof Error ? error.message : String(error))
  return { code: 'INTERNAL', message: `程序内部错误：${text}` }
}
