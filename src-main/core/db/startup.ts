// Start-up safety: opening the ledger either gives a working context or a typed failure the shell
// and the CLI show in Chinese with a way out (retry, restore the newest intact backup, choose another
// folder) — never a blank window and never a silently created empty database in place of the clerk's.
import { existsSync, renameSync } from 'node:fs'
import { mkdirOwnerOnly } from '../fileModes'
import { createAppLog } from '../log/appLog'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { z } from 'zod'
import type { CoreContext } from '../context'
import type { Envelope } from '../api'
import { CoreError } from '../errors'
import { maskNumbersInText } from '../domain/mask'
import { DB_FILE } from '../paths'
import { listBackups, replaceFile, type BackupInfo } from './backup'
import { checkIntegrity } from './check'
import { openDatabase } from './open'

export type StartupFailureKind =
  'password' | 'locked' | 'corrupt' | 'newer' | 'readonly' | 'full' | 'missing' | 'unknown'
export type StartupAction = 'unlock' | 'retry' | 'restoreBackup' | 'chooseFolder'

export interface StartupFailure {
  kind: StartupFailureKind
  /** One line for a heading. */
  title: string
  /** What happened and what to do, in Chinese, naming the file. */
  message: string
  dbPath: string
  actions: StartupAction[]
  /** The newest backup that passes the integrity check, offered by restoreBackup. */
  backup?: { file: string; createdAt: string }
}

const TITLES: Record<StartupFailureKind, string> = {
  password: '台账数据库已加密，请输入登录密码',
  locked: '台账数据库正被另一个程序使用',
  corrupt: '台账数据库文件已损坏',
  newer: '台账数据库来自更新版本的程序',
  readonly: '数据文件夹不可写',
  full: '磁盘空间已满',
  missing: '找不到台账数据库',
  unknown: '台账数据库无法打开',
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : ''
}

/** Which start-up failure an error from opening, migrating or writing the database is. */
export function classifyOpenError(error: unknown): StartupFailureKind {
  const code = errorCode(error)
  if (error instanceof CoreError && error.code === 'PASSWORD') return 'password'
  if (error instanceof CoreError && (error.details as { kind?: unknown } | undefined)?.kind === 'newer') return 'newer'
  if (/^SQLITE_(BUSY|LOCKED)/.test(code)) return 'locked'
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) return 'corrupt'
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || (code === 'SQLITE_IOERR_WRITE' && /full/i.test(String(error))))
    return 'full'
  if (/^SQLITE_(READONLY|CANTOPEN|PERM)/.test(code) || ['EACCES', 'EPERM', 'EROFS'].includes(code)) return 'readonly'
  return 'unknown'
}

function describe(
  kind: StartupFailureKind,
  dbPath: string,
  error: unknown,
  backup: BackupInfo | undefined,
  password: string | undefined,
): string {
  const folder = dirname(dbPath)
  const restore = backup
    ? `可以从最近的完好备份（${backup.createdAt}）恢复；损坏的文件会改名留在原处，不会删除。`
    : '数据文件夹中没有完好的备份可恢复。'
  switch (kind) {
    case 'password':
      if (password && backup)
        return `打不开数据库文件“${dbPath}”，但这个登录密码能打开最近的备份（${backup.createdAt}）：数据库文件可能已损坏。可以从该备份恢复；损坏的文件会改名留在原处，不会删除。`
      return password
        ? `登录密码不正确，打不开数据库文件“${dbPath}”。请重新输入（注意大小写和输入法）；如确认密码无误，文件可能已损坏，可选择另一个数据文件夹。`
        : `数据库文件“${dbPath}”设置了登录密码，已加密保存。请输入登录密码解锁。`
    case 'locked':
      return `数据库文件“${dbPath}”正被另一个程序（可能是另一个打开的志愿服务台账窗口或命令行）占用。请关闭那个程序后点“重试”。`
    case 'corrupt':
      return `数据库文件“${dbPath}”已损坏，无法读取。${restore}`
    case 'newer':
      return `${error instanceof Error ? error.message : ''}此数据库没有被改动。请安装新版本的程序，或选择另一个数据文件夹。`
    case 'readonly':
      return `数据文件夹“${folder}”不可写（只读磁盘、权限不足或被其他程序锁定），台账无法保存。请检查文件夹权限后点“重试”，或选择另一个数据文件夹。`
    case 'full':
      return `数据文件夹“${folder}”所在的磁盘空间已满，台账无法保存（已保存的数据不受影响）。请清理磁盘后点“重试”，或选择另一个数据文件夹。`
    case 'missing':
      return `设置的数据位置“${dbPath}”中没有台账数据库（U 盘或网络盘未连接，或文件被移走）。为免把新的空台账当成原来的台账，程序没有新建数据库。请接上该磁盘后点“重试”，从备份恢复，或选择另一个数据文件夹。`
    case 'unknown':
      return `数据库文件“${dbPath}”无法打开：${maskNumbersInText(error instanceof Error ? error.message : String(error))}。请点“重试”；如仍失败，可从备份恢复或选择另一个数据文件夹。`
  }
}

/**
 * The newest backup beside the database that opens (an encrypted one with the 登录密码 given) and
 * passes integrity_check.
 */
export function newestIntactBackup(dbPath: string, password?: string): BackupInfo | undefined {
  for (const backup of listBackups({ dbPath })) {
    try {
      const probe = openDatabase(backup.path, { readonly: true, password })
      try {
        if (checkIntegrity(probe).ok) return backup
      } finally {
        probe.close()
      }
    } catch {
      // A damaged backup is passed over for an older one.
    }
  }
  return undefined
}

export function describeStartupFailure(
  error: unknown,
  dbPath: string,
  kind = classifyOpenError(error),
  password?: string,
): StartupFailure {
  // For 'password', a backup the typed password opens shows the password is right and the file damaged.
  const probe = kind === 'password' ? password !== undefined : kind !== 'locked' && kind !== 'newer'
  const backup = probe ? newestIntactBackup(dbPath, password) : undefined
  const actions: StartupAction[] = kind === 'password' ? ['unlock'] : kind === 'corrupt' ? [] : ['retry']
  if (backup && kind !== 'readonly' && kind !== 'full') actions.push('restoreBackup')
  actions.push('chooseFolder')
  return {
    kind,
    title: TITLES[kind],
    message: describe(kind, dbPath, error, backup, password),
    dbPath,
    actions,
    ...(backup && actions.includes('restoreBackup')
      ? { backup: { file: backup.file, createdAt: backup.createdAt } }
      : {}),
  }
}

export type StartupResult = { ok: true; ctx: CoreContext } | { ok: false; failure: StartupFailure }

export interface StartupOptions {
  /** The path came from the clerk's choice (location.json): a missing file there is a failure, not a new ledger. */
  mustExist?: boolean
  now?: () => Date
  /** The 登录密码 the clerk typed (startup.unlock); held only in memory. */
  password?: string
}

/** Opens a context for a path (the host's createContext with its options and this password). */
export type OpenLedger = (dbPath: string, password: string | undefined) => CoreContext

/** Opens the ledger through `open` (createContext with the host's options); failures become values. */
export function startLedger(dbPath: string, open: OpenLedger, options: StartupOptions = {}): StartupResult {
  if (options.mustExist && !existsSync(dbPath))
    return { ok: false, failure: describeStartupFailure(null, dbPath, 'missing') }
  let ctx: CoreContext | undefined
  try {
    ctx = open(dbPath, options.password)
    // A damaged page the open did not touch shows up here, before the clerk's first write lands on it.
    const quick = ctx.db.pragma('quick_check', { simple: true })
    if (quick !== 'ok') throw Object.assign(new Error(String(quick)), { code: 'SQLITE_CORRUPT' })
    return { ok: true, ctx }
  } catch (error) {
    try {
      ctx?.db.close()
    } catch {
      // Already unusable.
    }
    const failure = describeStartupFailure(error, dbPath, undefined, options.password)
    logStartupFailure(failure, error, options.now)
    return { ok: false, failure }
  }
}

/**
 * A start that failed leaves a line in the app log beside the database (if its folder is there):
 * the kind, the masked message and the driver's error code, for support.
 */
function logStartupFailure(failure: StartupFailure, error: unknown, now: () => Date = () => new Date()): void {
  const folder = dirname(failure.dbPath)
  if (!existsSync(folder)) return
  createAppLog(join(folder, 'logs'), { now }).write('error', 'startup', {
    kind: failure.kind,
    code: errorCode(error) || undefined,
    message: failure.message,
  })
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
}

/**
 * Puts the newest intact backup in place of a damaged or missing database. The damaged file (and its
 * -wal/-shm) is renamed to ledger.db.damaged-<time>, never deleted, so support can still look at it.
 */
export function restoreNewestBackup(dbPath: string, now: () => Date = () => new Date(), password?: string): BackupInfo {
  const backup = newestIntactBackup(dbPath, password)
  if (!backup) throw new CoreError('NOT_FOUND', `数据文件夹“${dirname(dbPath)}”的 backups 中没有完好的备份可恢复。`)
  const aside = `${dbPath}.damaged-${stamp(now())}`
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, aside + suffix)
  }
  replaceFile(backup.path, dbPath)
  return backup
}

/**
 * The database in another folder: the one already there, or (when the folder has none) a new ledger
 * the clerk asked for by choosing an empty folder. The caller records the choice (location.json).
 */
export function databaseInFolder(folder: string): string {
  if (!isAbsolute(folder)) throw new CoreError('INVALID_INPUT', `请选择完整的文件夹路径，而不是“${folder}”。`)
  mkdirOwnerOnly(folder)
  return join(resolve(folder), DB_FILE)
}

export interface StartupGate {
  /** The open context, or undefined while start-up has failed. */
  ctx: () => CoreContext | undefined
  failure: () => StartupFailure | undefined
  /**
   * Operations: startup.status / startup.retry / startup.unlock / startup.restoreBackup, and
   * startup.useFolder with the folder the main process chose; then the core's own once open.
   */
  invoke: (name: string, input: unknown, chosen?: Readonly<Record<string, string>>) => Promise<Envelope<unknown>>
  /** Host-only (after a native folder dialog): opens the ledger in that folder and records it. */
  useFolder: (folder: string) => StartupStatus
}

const unlockInput = z.object({ password: z.string().min(1).max(200) })

/** The field of startup.useFolder the main process fills (core/mainChosen.ts). */
export const USE_FOLDER_FIELD = 'folder'

export type StartupStatus = { ok: true; dbPath: string } | { ok: false; failure: StartupFailure }

export interface GateOptions extends StartupOptions {
  open: OpenLedger
  /** The core's invoke for an open context (with what the main process chose, if anything). */
  invoke: (
    ctx: CoreContext,
    name: string,
    input: unknown,
    chosen?: Readonly<Record<string, string>>,
  ) => Promise<Envelope<unknown>>
  /** Records a folder the clerk chose (saveLocation), so the next start opens it. */
  remember?: (dbPath: string) => void
  /** Runs once the ledger is open (the daily backup). */
  onOpen?: (ctx: CoreContext) => void | Promise<void>
}

/**
 * What a host serves: while the ledger cannot be opened, every operation answers with the start-up
 * failure (code FILE, details.startup) and the startup.* operations offer the way out.
 */
export function createStartupGate(initialPath: string, options: GateOptions): StartupGate {
  let dbPath = initialPath
  let mustExist = options.mustExist ?? false
  let current: CoreContext | undefined
  let failed: StartupFailure | undefined
  // Kept only here, in memory, from startup.unlock until the core holds it in ctx.openOptions.
  let password: string | undefined
  let unremembered = false

  const status = (): StartupStatus => (current ? { ok: true, dbPath } : { ok: false, failure: failed! })
  const attempt = (): StartupStatus => {
    const result = startLedger(dbPath, options.open, { mustExist, password })
    if (result.ok) {
      current = result.ctx
      failed = undefined
      // A chosen folder is recorded once its ledger opens (after its password, if it has one).
      if (unremembered) options.remember?.(dbPath)
      unremembered = false
      void Promise.resolve(options.onOpen?.(result.ctx)).catch(() => {})
    } else failed = result.failure
    return status()
  }
  attempt()

  const ok = (value: unknown): Envelope<unknown> => ({ ok: true, value }) as Envelope<unknown>
  const fail = (error: CoreError): Envelope<unknown> => ({ ok: false, error: error.toPayload() }) as Envelope<unknown>

  const gate: StartupGate = {
    ctx: () => current,
    failure: () => failed,
    useFolder: (folder) => {
      if (current) throw new CoreError('CONFLICT', '台账已正常打开；要换数据位置，请用“设置 → 移动数据文件夹”。')
      dbPath = databaseInFolder(folder)
      mustExist = false
      unremembered = true
      return attempt()
    },
    invoke: async (name, input, chosen) => {
      if (name === 'startup.status') return ok(status())
      if (current) {
        if (name.startsWith('startup.')) return ok(status())
        return options.invoke(current, name, input, chosen)
      }
      if (name === 'startup.retry') return ok(attempt())
      if (name === 'startup.unlock') {
        const given = unlockInput.safeParse(input ?? {})
        if (!given.success) return fail(new CoreError('INVALID_INPUT', '请输入登录密码'))
        password = given.data.password
        const result = attempt()
        // A wrong password is forgotten at once; the right one now lives in the core's openOptions.
        if (!result.ok && result.failure.kind === 'password' && !result.failure.actions.includes('restoreBackup'))
          password = undefined
        return ok(result)
      }
      if (name === 'startup.useFolder') {
        // The folder comes only from the main process's native dialog, never from the page's input.
        const folder = chosen?.[USE_FOLDER_FIELD]
        if (folder === undefined) return fail(new CoreError('INVALID_INPUT', '选择数据文件夹：须在程序的对话框中选择'))
        try {
          return ok(gate.useFolder(folder))
        } catch (error) {
          return fail(
            error instanceof CoreError
              ? error
              : new CoreError('FILE', `无法使用该文件夹：${maskNumbersInText(String(error))}`),
          )
        }
      }
      if (name === 'startup.restoreBackup') {
        if (!failed?.actions.includes('restoreBackup'))
          return fail(new CoreError('CONFLICT', '当前情况不能从备份恢复。'))
        try {
          restoreNewestBackup(dbPath, options.now, password)
        } catch (error) {
          return fail(
            error instanceof CoreError
              ? error
              : new CoreError('FILE', `恢复备份失败：${maskNumbersInText(String(error))}`),
          )
        }
        mustExist = false
        return ok(attempt())
      }
      return fail(new CoreError('FILE', failed!.message, { startup: failed }))
    },
  }
  return gate
}
