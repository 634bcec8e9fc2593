// 登录密码, encryption at rest and the idle lock (issue #11 item 4). The password is never stored:
// it is the database key, held only in ctx.openOptions while the core runs.
import { createHash, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { handler } from '../handler'
import type { CoreContext } from '../context'
import { CoreError } from '../errors'
import { recordAudit } from '../audit/audit'
import { operatorOf } from '../settings/settings'
import { checkNewPassword, FORGOTTEN_PASSWORD_WARNING, isEncryptedFile, rekeyDatabase } from '../db/cipher'

/** Operations a locked core still answers. */
export const ALLOWED_WHILE_LOCKED: ReadonlySet<string> = new Set(['security.status', 'security.unlock', 'system.clock'])

const IDLE_KEY = 'lockIdleMinutes'
/** Minutes without input before the app locks; 0 = never. */
export const DEFAULT_IDLE_MINUTES = 10

function idleMinutes(ctx: CoreContext): number {
  const row = ctx.db.prepare('SELECT value FROM settings WHERE key = ?').get(IDLE_KEY) as { value: string } | undefined
  return row ? Number(row.value) : DEFAULT_IDLE_MINUTES
}

function samePassword(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest()
  return timingSafeEqual(digest(a), digest(b))
}

function status(ctx: CoreContext) {
  return {
    encrypted: isEncryptedFile(ctx.dbPath),
    locked: ctx.locked === true,
    idleMinutes: idleMinutes(ctx),
    warning: FORGOTTEN_PASSWORD_WARNING,
  }
}

/** Refuses every data operation while the app is locked. Called by invoke before the handler. */
export function assertUnlocked(ctx: CoreContext, operation: string): void {
  if (ctx.locked && !ALLOWED_WHILE_LOCKED.has(operation))
    throw new CoreError('LOCKED', '软件已锁定，请输入登录密码解锁')
}

function setPassword(ctx: CoreContext, input: { current?: string; password: string | null; understood: boolean }) {
  if (ctx.dbPath === ':memory:') throw new CoreError('VALIDATION', '内存数据库不能加密')
  const encrypted = isEncryptedFile(ctx.dbPath)
  if (encrypted && (input.current === undefined || !samePassword(input.current, ctx.openOptions.password ?? ''))) {
    throw new CoreError('PASSWORD', '当前登录密码不正确')
  }
  if (input.password !== null) {
    if (!input.understood) throw new CoreError('VALIDATION', `请先确认已知晓：${FORGOTTEN_PASSWORD_WARNING}`)
    checkNewPassword(input.password)
  } else if (!encrypted) {
    throw new CoreError('VALIDATION', '数据库没有设置登录密码，无需取消')
  }
  rekeyDatabase(ctx.db, input.password)
  ctx.openOptions.password = input.password ?? undefined
  const action =
    input.password === null
      ? '取消登录密码，数据库改为不加密'
      : encrypted
        ? '修改登录密码，数据库重新加密'
        : '设置登录密码，数据库已加密'
  recordAudit(ctx.db, ctx.now(), operatorOf(ctx.db), { action: 'password', entity: 'settings', summary: action })
  ctx.log.write('info', 'password', { encrypted: input.password !== null })
  return status(ctx)
}

export const securityHandlers = {
  'security.status': handler({
    input: z.object({}).default({}),
    run: (ctx) => status(ctx),
    cli: { command: 'password status', summary: '登录密码：数据库是否加密、空闲多少分钟自动锁定' },
  }),
  'security.setPassword': handler({
    input: z.object({
      current: z.string().max(200).optional(),
      password: z.string().max(200).nullable(),
      understood: z
        .union([z.boolean(), z.literal('true')])
        .transform((value) => value === true || value === 'true')
        .default(false),
    }),
    run: (ctx, input) => setPassword(ctx, input),
    cli: {
      command: 'password set',
      flags: { current: 'current', new: 'password', understood: 'understood' },
      summary: `设置或修改登录密码并加密数据库（--new 新密码，已加密时 --current 当前密码，--understood 表示已知晓：${FORGOTTEN_PASSWORD_WARNING}）`,
    },
  }),
  'security.removePassword': handler({
    input: z.object({ current: z.string().max(200) }),
    run: (ctx, input) => setPassword(ctx, { current: input.current, password: null, understood: true }),
    cli: {
      command: 'password remove',
      flags: { current: 'current' },
      summary: '取消登录密码，数据库改为不加密（--current 当前密码）',
    },
  }),
  'security.setIdle': handler({
    input: z.object({ minutes: z.coerce.number().int().min(0, '不能小于 0').max(240, '最多 240 分钟') }),
    run: (ctx, input) => {
      ctx.db
        .prepare(
          'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
        )
        .run(IDLE_KEY, String(input.minutes))
      return status(ctx)
    },
    cli: {
      command: 'password idle',
      flags: { minutes: 'minutes' },
      summary: '空闲多少分钟后自动锁定（--minutes，0 表示不锁定）',
    },
  }),
  'security.lock': handler({
    input: z.object({}).default({}),
    run: (ctx) => {
      if (!isEncryptedFile(ctx.dbPath)) throw new CoreError('VALIDATION', '没有设置登录密码，不能锁定')
      ctx.locked = true
      return status(ctx)
    },
  }),
  'security.unlock': handler({
    input: z.object({ password: z.string().max(200) }),
    run: (ctx, input) => {
      if (!samePassword(input.password, ctx.openOptions.password ?? ''))
        throw new CoreError('PASSWORD', '登录密码不正确')
      ctx.locked = false
      return status(ctx)
    },
  }),
}
