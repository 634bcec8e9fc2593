import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  DEVELOPMENT_VARIABLES,
  contentTypeOf,
  denyAllPermissions,
  developmentSwitches,
  isTrustedRendererUrl,
  isTrustedSender,
  lockDown,
  missingDriverMessage,
  resolveAppAsset,
  viewMenu,
  type LockableContents,
  type PermissionSession,
} from '../../../src-main/host/shellPolicy'

let root: string
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ledger-renderer-root-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), '<!doctype html>')
  writeFileSync(join(root, 'assets', 'index.js'), '')
})
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('app:// serves the built renderer folder only', () => {
  it('maps the app’s own files', () => {
    expect(resolveAppAsset(root, 'app://ledger/')).toBe(join(root, 'index.html'))
    expect(resolveAppAsset(root, 'app://ledger/index.html')).toBe(join(root, 'index.html'))
    expect(resolveAppAsset(root, 'app://ledger/assets/index.js?v=1#x')).toBe(join(root, 'assets', 'index.js'))
  })

  it.each([
    'app://ledger/../secret.txt',
    'app://ledger/%2e%2e/secret.txt',
    'app://ledger/assets/%2E%2E/%2E%2E/etc/passwd',
  ])('keeps %s inside the folder (the URL parser drops the dot segments)', (url) => {
    const file = resolveAppAsset(root, url)
    expect(file === null || file.startsWith(root + sep)).toBe(true)
    expect(file).not.toContain('..')
  })

  it.each([
    'app://ledger/assets/..%2f..%2fetc%2fpasswd',
    'app://ledger/..%5c..%5cWindows%5cwin.ini',
    'app://ledger/C:/Windows/win.ini',
    'app://ledger/assets%00.js',
    'app://ledger/%E0%A4%A',
    'app://other/index.html',
    'app://user:pw@ledger/index.html',
    'file:///etc/passwd',
    'https://ledger/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(root, url)).toBeNull()
  })

  it('names content types, unknown ones as bytes', () => {
    expect(contentTypeOf('a/index.js')).toContain('javascript')
    expect(contentTypeOf('a/b.CSS')).toContain('text/css')
    expect(contentTypeOf('a/b.exe')).toBe('application/octet-stream')
  })
})

describe('the shell’s other decisions', () => {
  it('trusts only the app origin, and the dev server only when one is given', () => {
    expect(isTrustedRendererUrl('app://ledger/index.html#/roster')).toBe(true)
    expect(isTrustedRendererUrl('file:///home/x/index.html')).toBe(false)
    expect(isTrustedRendererUrl('app://evil/index.html')).toBe(false)
    expect(isTrustedRendererUrl('http://localhost:5173/')).toBe(false)
    expect(isTrustedRendererUrl('http://localhost:5173/#/a', 'http://localhost:5173')).toBe(true)
    expect(isTrustedRendererUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
    expect(isTrustedRendererUrl('', 'http://localhost:5173')).toBe(false)
  })

  it('ignores development variables in a packaged app', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://evil.example/', VOLUNTEER_LEDGER_DB: '/tmp/other.db' }
    expect(developmentSwitches(env, true)).toEqual({})
    expect(developmentSwitches(env, false)).toEqual({ rendererUrl: 'http://evil.example/', dbPath: '/tmp/other.db' })
    expect(developmentSwitches({}, false)).toEqual({})
  })

  it('has one strict policy: nothing by default, no inline or eval scripts, no network', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split('; ').map((part) => [part.split(' ')[0]!, part.split(' ').slice(1)]),
    )
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(directives.has('connect-src')).toBe(false)
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(directives.get('object-src')).toEqual(["'none'"])
  })
})

describe('the packaged shell (issue 11 items 5 and 6)', () => {
  it('accepts IPC only at the exact app URL: any #/route, no other page, no query', () => {
    expect(isTrustedRendererUrl('app://ledger/index.html')).toBe(true)
    expect(isTrustedRendererUrl('app://ledger/index.html#/activities?task=3')).toBe(true)
    expect(isTrustedRendererUrl('app://ledger/')).toBe(false)
    expect(isTrustedRendererUrl('app://ledger/assets/evil.html')).toBe(false)
    expect(isTrustedRendererUrl('app://ledger/index.html?x=1')).toBe(false)
    expect(isTrustedRendererUrl('app://ledger:8080/index.html')).toBe(false)
    expect(isTrustedRendererUrl('app://u@ledger/index.html')).toBe(false)
  })

  it('accepts IPC only from the app window’s main frame', () => {
    const good = { fromAppWindow: true, fromMainFrame: true, frameUrl: 'app://ledger/index.html#/roster' }
    expect(isTrustedSender(good)).toBe(true)
    expect(isTrustedSender({ ...good, fromAppWindow: false })).toBe(false)
    expect(isTrustedSender({ ...good, fromMainFrame: false })).toBe(false)
    expect(isTrustedSender({ ...good, frameUrl: undefined })).toBe(false)
    expect(isTrustedSender({ ...good, frameUrl: 'http://localhost:5173/' })).toBe(false)
    expect(isTrustedSender({ ...good, frameUrl: 'http://localhost:5173/' }, 'http://localhost:5173')).toBe(true)
  })

  it('drops every development variable the shell or the core reads', () => {
    expect([...DEVELOPMENT_VARIABLES].sort()).toEqual([
      'ELECTRON_RENDERER_URL',
      'VOLUNTEER_LEDGER_DATA',
      'VOLUNTEER_LEDGER_DB',
    ])
  })

  it('has no reload or DevTools in a packaged app’s menu', () => {
    const roles = (packaged: boolean) => viewMenu(packaged).map((item) => item.role ?? item.type)
    expect(roles(true)).toEqual(['resetZoom', 'zoomIn', 'zoomOut'])
    expect(roles(false)).toEqual(['reload', 'toggleDevTools', 'separator', 'resetZoom', 'zoomIn', 'zoomOut'])
  })

  it('blocks navigation, redirects, webviews and new windows', () => {
    const handlers = new Map<string, (event: { preventDefault: () => void }) => void>()
    let openHandler: (() => { action: string }) | undefined
    const contents = {
      on: (name: string, handler: (event: { preventDefault: () => void }) => void) => handlers.set(name, handler),
      setWindowOpenHandler: (handler: () => { action: string }) => (openHandler = handler),
    }
    lockDown(contents as unknown as LockableContents)
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() }
      handlers.get(name)!(event)
      expect(event.preventDefault, name).toHaveBeenCalled()
    }
    expect(openHandler!()).toEqual({ action: 'deny' })
  })

  it('denies every permission request and check', () => {
    const set: Record<string, (...args: unknown[]) => unknown> = {}
    const session = {
      setPermissionRequestHandler: (handler: (...args: unknown[]) => unknown) => (set.request = handler),
      setPermissionCheckHandler: (handler: (...args: unknown[]) => unknown) => (set.check = handler),
      setDevicePermissionHandler: (handler: (...args: unknown[]) => unknown) => (set.device = handler),
    }
    denyAllPermissions(session as unknown as PermissionSession)
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      set.request!({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
      expect(set.check!({}, permission)).toBe(false)
    }
    expect(set.device!({ deviceType: 'usb' })).toBe(false)
  })
})

it('names the missing driver file and says reinstalling keeps the data', () => {
  const message = missingDriverMessage(['C:\\app\\resources\\native\\better_sqlite3.node'])
  expect(message).toContain('C:\\app\\resources\\native\\better_sqlite3.node')
  expect(message).toMatch(/重新安装/)
  expect(message).toMatch(/不会影响/)
})
