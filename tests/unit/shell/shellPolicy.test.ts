import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  contentTypeOf,
  developmentSwitches,
  isTrustedRendererUrl,
  resolveAppAsset,
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
