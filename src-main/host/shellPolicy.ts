// The Electron shell's security decisions as plain functions (issue 11 item 5), so they are tested
// in Node: where the renderer comes from (app://ledger/, only files of the built renderer folder),
// which page may call the core, which development variables count, and the one content policy.
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'ledger'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY = `${APP_ORIGIN}/index.html`

/**
 * One policy for the page. Scripts only from the app's own files: no inline script, no eval.
 * Styles from the app's files and inline: the screens apply inline styles at run time (Element Plus
 * positions popups, ECharts draws tooltips; with 'self' alone tests/e2e/shell.spec.ts sees Chromium
 * refuse one), and a style cannot run code. Pictures from the app, data: and blob: (photos shown
 * from bytes); no network at all: connect-src is not granted.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
].join('; ')

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * The file an app:// request names inside the built renderer folder, or null: another scheme or
 * host, an encoded or plain `..`, a backslash, a NUL, or anything resolving outside the folder.
 */
export function resolveAppAsset(rendererRoot: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username || url.password || url.port)
    return null
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null
  const segments = pathname.split('/').filter((segment) => segment !== '')
  if (segments.some((segment) => segment === '..' || segment === '.' || /^[a-zA-Z]:/.test(segment))) return null
  const root = resolve(rendererRoot)
  const file = resolve(root, ...(segments.length > 0 ? segments : ['index.html']))
  const inside = relative(root, file)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.split(sep).includes('..')) return null
  return file
}

/** Only the app's own page may call the core: its main frame, at the app origin (or the dev server in development). */
export function isTrustedRendererUrl(url: string, devServer?: string): boolean {
  try {
    const parsed = new URL(url)
    if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true
    if (devServer === undefined) return false
    return parsed.origin === new URL(devServer).origin
  } catch {
    return false
  }
}

/** Development switches the shell honours, and only in an unpackaged app. */
export interface DevelopmentSwitches {
  rendererUrl?: string
  dbPath?: string
}

/** Removed from the environment of a packaged app before anything reads it (core/paths.ts reads the last). */
export const DEVELOPMENT_VARIABLES = ['ELECTRON_RENDERER_URL', 'VOLUNTEER_LEDGER_DB', 'VOLUNTEER_LEDGER_DATA'] as const

export function developmentSwitches(
  env: Readonly<Record<string, string | undefined>>,
  packaged: boolean,
): DevelopmentSwitches {
  if (packaged) return {}
  const rendererUrl = env.ELECTRON_RENDERER_URL
  const dbPath = env.VOLUNTEER_LEDGER_DB
  return { ...(rendererUrl ? { rendererUrl } : {}), ...(dbPath ? { dbPath } : {}) }
}
