// Encryption at rest with better-sqlite3-multiple-ciphers. The cipher is SQLCipher 4
// (cipher='sqlcipher', legacy=4) rather than the driver's default ChaCha20: a bureau's file can
// then be opened by the standard SQLCipher tools (DB Browser for SQLite, sqlcipher CLI) should the
// app ever be gone. The password is the key itself (SQLCipher derives the page key with
// PBKDF2-SHA512); it is never written anywhere, only held in the core's memory (ctx.openOptions).
import { closeSync, openSync, readSync } from 'node:fs'
import type { Database } from 'better-sqlite3'
import { CoreError } from '../errors'

const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** Shortest 登录密码 accepted. */
export const PASSWORD_MIN_LENGTH = 6

/** What the clerk is told before a password is set (UI confirm and CLI summary). */
export const FORGOTTEN_PASSWORD_WARNING =
  '设置登录密码后，数据库和以后的备份都会加密保存。密码不会保存在任何地方：忘记密码就再也打不开这些数据，任何人（包括软件开发者）都无法找回。请把密码抄写下来，放在安全的地方。'

/** True when the file exists, is not empty and does not start with SQLite's plain header. */
export function isEncryptedFile(path: string): boolean {
  if (path === ':memory:') return false
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return false
  }
  try {
    const head = Buffer.alloc(PLAIN_HEADER.length)
    const read = readSync(fd, head, 0, head.length, 0)
    return read > 0 && !head.subarray(0, read).equals(PLAIN_HEADER.subarray(0, read))
  } finally {
    closeSync(fd)
  }
}

function quoted(password: string): string {
  return `'${password.replaceAll("'", "''")}'`
}

function useSqlcipher(db: Database): void {
  db.pragma("cipher = 'sqlcipher'")
  db.pragma('legacy = 4')
}

/**
 * Gives an opened connection its key and proves it by reading the schema. A missing or wrong
 * password is a PASSWORD error with a Chinese message naming the file.
 */
export function unlockConnection(db: Database, path: string, password: string | undefined): void {
  if (!isEncryptedFile(path)) return
  if (!password) {
    db.close()
    throw new CoreError(
      'PASSWORD',
      `数据库文件 ${path} 已加密，请输入登录密码（命令行：--password 或环境变量 VOLUNTEER_LEDGER_PASSWORD）`,
    )
  }
  useSqlcipher(db)
  db.pragma(`key = ${quoted(password)}`)
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get()
  } catch {
    db.close()
    throw new CoreError('PASSWORD', `登录密码不正确，打不开数据库文件 ${path}（也可能文件已损坏）`)
  }
}

export function checkNewPassword(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH)
    throw new CoreError('VALIDATION', `登录密码至少 ${PASSWORD_MIN_LENGTH} 个字符`)
}

/**
 * Encrypts, re-encrypts or (with null) decrypts the database in place. SQLite3 Multiple Ciphers
 * cannot rekey in WAL mode, so the journal is switched to DELETE for the rewrite and back after.
 */
export function rekeyDatabase(db: Database, password: string | null): void {
  const journal = db.pragma('journal_mode', { simple: true }) as string
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.pragma('journal_mode = DELETE')
  try {
    useSqlcipher(db)
    db.pragma(`rekey = ${quoted(password ?? '')}`)
  } finally {
    db.pragma(`journal_mode = ${journal}`)
  }
}

/** A consistent copy of a database, encrypted with the same key when it is (VACUUM INTO keeps it). */
export function copyEncrypted(db: Database, target: string): void {
  db.prepare('VACUUM INTO ?').run(target)
}
