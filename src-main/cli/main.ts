// The command-line host: every command is an operation of core/api.ts that declares a `cli` spec.
import { resolve } from 'node:path'
import { api, invoke, type OperationName } from '../core/api'
import type { CliSpec } from '../core/handler'
import { CoreError } from '../core/errors'
import { closeContext, createContext } from '../core/index'
import { configuredLocation } from '../core/settings/location'
import { parseArgs, setPath, UsageError, type ParsedArgs } from './args'
import { formatHuman } from './format'
import { isEncryptedFile } from '../core/db/cipher'
import { promptPassword } from './password'
import { dropExpiredChangeRecords } from '../core/import/undoWindow'
import { maskNumbersInText } from '../core/domain/mask'
import { startLedger, type StartupFailure } from '../core/db/startup'

const GLOBAL_FLAGS = new Set(['db', 'json', 'help', 'password'])

interface Command {
  operation: OperationName
  spec: CliSpec
}

function commands(): Command[] {
  return Object.entries(api).flatMap(([operation, definition]) => {
    const spec = (definition as { cli?: CliSpec }).cli
    return spec ? [{ operation: operation as OperationName, spec }] : []
  })
}

function findCommand(words: readonly string[]): { command: Command; rest: string[] } | null {
  // Longest match first, so "volunteers add" wins over a one-word command.
  const sorted = commands().sort((a, b) => b.spec.command.split(' ').length - a.spec.command.split(' ').length)
  for (const command of sorted) {
    const parts = command.spec.command.split(' ')
    if (parts.every((part, index) => words[index] === part)) return { command, rest: words.slice(parts.length) }
  }
  return null
}

function usage(): string {
  const lines = commands().map(({ spec }) => {
    const flags = Object.keys(spec.flags ?? {})
      .map((flag) => ` [--${flag} …]`)
      .join('')
    const positional = spec.positional
      ? ` ${spec.positional.field.toUpperCase()}${spec.positional.many ? '…' : ''}`
      : ''
    return `  ${spec.command}${flags}${positional}\n      ${spec.summary}`
  })
  return [
    '用法：npm run -s cli -- <命令> [--db 数据库路径] [--json] [--password 登录密码] …',
    '加密的数据库：登录密码用 --password、环境变量 VOLUNTEER_LEDGER_PASSWORD 或在终端里输入。',
    '',
    '命令：',
    ...lines,
  ].join('\n')
}

function buildInput(command: Command, parsed: ParsedArgs, rest: string[]): Record<string, unknown> {
  const input: Record<string, unknown> = {}
  const flags = command.spec.flags ?? {}
  for (const [flag, values] of parsed.flags) {
    if (GLOBAL_FLAGS.has(flag)) continue
    const path = flags[flag]
    if (!path) throw new UsageError(`命令“${command.spec.command}”不认识参数 --${flag}`)
    const value = values.at(-1) as string
    setPath(input, path, value === '' ? true : value)
  }
  const positional = command.spec.positional
  if (positional) {
    if (rest.length === 0) throw new UsageError(`命令“${command.spec.command}”缺少 ${positional.field.toUpperCase()}`)
    setPath(input, positional.field, positional.many ? rest : rest[0])
  } else if (rest.length > 0) {
    throw new UsageError(`命令“${command.spec.command}”多余的参数：${rest.join(' ')}`)
  }
  return input
}

/** Bytes meant for the UI are no use on a terminal: JSON shows their size instead. */
function binaryAsSize(_key: string, value: unknown): unknown {
  return value instanceof Uint8Array ? { bytes: value.byteLength } : value
}

/** Exit code of a ledger that could not be opened (1 is a failed operation, 2 a misuse). */
export const STARTUP_EXIT_CODE = 3

const CLI_WAYS_OUT: Partial<Record<StartupFailure['kind'], string>> = {
  password: '命令行：用 --password 或环境变量 VOLUNTEER_LEDGER_PASSWORD 给出登录密码。',
  missing: '命令行：新建台账请先运行 init --db 数据库路径；从备份恢复用 restore --db 数据库路径 备份文件名。',
}

function reportStartupFailure(failure: StartupFailure, json: boolean): number {
  const hint = CLI_WAYS_OUT[failure.kind]
  process.stderr.write(`错误：${failure.title}\n${failure.message}\n${hint ? `${hint}\n` : ''}`)
  if (json) {
    const { kind, title, message, actions, backup } = failure
    process.stdout.write(`${JSON.stringify({ startup: { kind, title, message, actions, backup } })}\n`)
  }
  return STARTUP_EXIT_CODE
}

export async function main(argv: readonly string[]): Promise<number> {
  let parsed: ParsedArgs
  try {
    parsed = parseArgs(argv)
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${usage()}\n`)
    return 2
  }
  if (parsed.flags.has('help') || parsed.words.length === 0) {
    process.stdout.write(`${usage()}\n`)
    return parsed.flags.has('help') ? 0 : 2
  }
  const found = findCommand(parsed.words)
  if (!found) {
    process.stderr.write(`未知命令：${parsed.words.join(' ')}\n\n${usage()}\n`)
    return 2
  }
  const json = parsed.flags.has('json')
  const given = parsed.flags.get('db')?.at(-1)
  const location = given === undefined ? configuredLocation() : { dbPath: given, chosen: false }
  const dbPath = resolve(location.dbPath)
  let ctx
  try {
    const input = buildInput(found.command, parsed, found.rest)
    const password =
      parsed.flags.get('password')?.at(-1) ??
      process.env.VOLUNTEER_LEDGER_PASSWORD ??
      (isEncryptedFile(dbPath) ? await promptPassword() : undefined)
    // Through the app's start-up gate: a locked, damaged, newer, unwritable or missing ledger is the
    // start-up screen's message and exit code 3, never a stack trace or a new empty database.
    const started = startLedger(
      dbPath,
      (path, key) =>
        createContext(path, {
          password: key,
          // Loaded only when a PDF is asked for: starting a browser is for print and certificates alone.
          renderPdf: async (html) => (await import('./renderPdf')).renderPdf(html),
          progress: (event) => {
            if (!json && process.stderr.isTTY) process.stderr.write(`\r${event.phase} ${event.done}/${event.total}`)
          },
        }),
      // As in the app, a folder the clerk moved the ledger to (location.json) is never silently restarted.
      { mustExist: location.chosen || found.command.spec.createsLedger !== true, password },
    )
    if (!started.ok) return reportStartupFailure(started.failure, json)
    ctx = started.ctx
    // The CLI's start, as the app's: change records past the 撤销期限 go first.
    dropExpiredChangeRecords(ctx)
    const result = await invoke(ctx, found.command.operation, input)
    const format = found.command.spec.format as ((value: unknown) => string) | undefined
    const human = format ? format(result) : formatHuman(result, found.command.spec.columns)
    process.stdout.write(json ? `${JSON.stringify(result, binaryAsSize)}\n` : `${human}\n`)
    const exitCode = found.command.spec.exitCode as ((value: unknown) => number) | undefined
    return exitCode?.(result) ?? 0
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${usage()}\n`)
      return 2
    }
    // An unexpected fault goes to the app log (masked, as every line there) for support.
    if (!(error instanceof CoreError))
      ctx?.log.write('error', 'unexpected', {
        operation: found.command.operation,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      })
    const message =
      error instanceof CoreError
        ? error.message
        : `程序内部错误：${maskNumbersInText(String((error as Error)?.message ?? error))}`
    process.stderr.write(`错误：${message}\n`)
    return error instanceof CoreError && error.code === 'INVALID_INPUT' ? 2 : 1
  } finally {
    if (ctx) await closeContext(ctx)
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`程序内部错误：${maskNumbersInText(String(error))}\n`)
    process.exitCode = 1
  },
)
