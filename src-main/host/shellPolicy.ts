// The Electron shell's security decisions as plain functions (issue 11 item 5), so they are tested
// in Node: where the renderer comes from (app://ledger/, only files of the built renderer folder),
// which page may call the core, which development variables count, the one content policy, the
// lock-down of every page, the menu a packaged app has and where the driver's Electron build is.
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import type { MenuItemConstructorOptions, Session, WebContents } from 'electron'

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

/**
 * Only the app's own page may call the core: exactly app://ledger/index.html (any #/route of the
 * hash router, no query), or in development the dev server's origin.
 */
export function isTrustedRendererUrl(url: string, devServer?: string): boolean {
  try {
    const parsed = new URL(url)
    if (parsed.protocol === `${APP_SCHEME}:`)
      return `${parsed.protocol}//${parsed.host}${parsed.pathname}${parsed.search}` === APP_ENTRY && !parsed.username
    if (devServer === undefined) return false
    return parsed.origin === new URL(devServer).origin
  } catch {
    return false
  }
}

/** What an IPC message says about where it came from (Electron's IpcMainInvokeEvent, reduced to facts). */
export interface SenderFacts {
  /** The message came from the app window's own webContents. */
  fromAppWindow: boolean
  /** …from its main frame, not a subframe. */
  fromMainFrame: boolean
  /** The URL of the frame that sent it, if it still exists. */
  frameUrl: string | undefined
}

/** The IPC sender check: the app window's main frame, at the app's exact URL. */
export function isTrustedSender(sender: SenderFacts, devServer?: string): boolean {
  return (
    sender.fromAppWindow &&
    sender.fromMainFrame &&
    sender.frameUrl !== undefined &&
    isTrustedRendererUrl(sender.frameUrl, devServer)
  )
}

/** The 视图 menu: zoom always; reload and DevTools only while developing, never in a packaged app. */
export function viewMenu(packaged: boolean): MenuItemConstructorOptions[] {
  const zoom: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
  ]
  if (packaged) return zoom
  return [
    { role: 'reload', label: '重新载入' },
    { role: 'toggleDevTools', label: '开发者工具' },
    { type: 'separator' },
    ...zoom,
  ]
}

/** native/electron/<os>-<arch>, os as electron-builder names it (scripts/native-abi.mjs, same rule). */
export function nativeTargetDir(platform: string, arch: string): string {
  const os = platform === 'win32' ? 'win' : platform === 'darwin' ? 'mac' : 'linux'
  return `${os}-${arch}`
}

/**
 * Where the driver's Electron-ABI build is looked for: a packaged app only in its resources folder
 * (electron-builder.yml extraResources), an unpackaged one where scripts/electron-native.mjs put it.
 */
export function nativeBindingCandidates(where: {
  packaged: boolean
  resourcesPath: string
  appPath: string
  platform: string
  arch: string
}): string[] {
  if (where.packaged) return [join(where.resourcesPath, 'native', 'better_sqlite3.node')]
  return [join(where.appPath, 'native', 'electron', nativeTargetDir(where.platform, where.arch), 'better_sqlite3.node')]
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

/** The part of Electron's WebContents the lock-down uses (typed against electron's own signatures). */
export type LockableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>

/**
 * No navigation, redirect or webview, and no new window, ever, for one webContents: the page has
 * all it needs at app://ledger/index.html, and links to elsewhere are not followed.
 */
export function lockDown(contents: LockableContents): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/** The part of Electron's Session the permission policy uses. */
export type PermissionSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>

/** No camera, microphone, notifications, clipboard reading, geolocation, device or anything else, ever. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

/** What the clerk reads when the driver's Electron build is not where it should be (a damaged install). */
export function missingDriverMessage(looked: readonly string[]): string {
  return `缺少数据库驱动文件（${looked.join('、')}），程序无法打开台账。请重新安装“志愿服务台账”；已有数据保存在用户文件夹中，重新安装不会影响。`
}
