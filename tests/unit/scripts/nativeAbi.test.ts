// The checks `npm run dev` makes before starting Electron: the ABI a built better_sqlite3.node names,
// the ABI the installed Electron needs, the refusal of a mismatch, and whether Electron's binary is there.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { electronBinaryState } from '../../../scripts/electron-binary.mjs'
import { abiOfBinary, abiOfFile, checkAbi, electronAbi } from '../../../scripts/native-abi.mjs'

const require = createRequire(import.meta.url)

/** A stand-in for a .node file: an ELF header, padding, and the entry point's name among other symbols. */
function fakeAddon(...symbols: string[]): Uint8Array {
  const parts = [
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
    Buffer.alloc(64),
    ...symbols.map((name) => Buffer.from(`\0${name}\0`, 'latin1')),
  ]
  return Buffer.concat(parts)
}

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-native-abi-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('the ABI of a native addon', () => {
  it('reads node_register_module_v<N> from the bytes', () => {
    expect(abiOfBinary(fakeAddon('_ZN2v86Object3NewEPNS_7IsolateE', 'node_register_module_v150'))).toBe(150)
  })

  it('reads the real better-sqlite3 build in node_modules as Node’s own ABI', () => {
    const addon = join(require.resolve('better-sqlite3/package.json'), '..', 'build', 'Release', 'better_sqlite3.node')
    expect(abiOfFile(addon)).toBe(Number(process.versions.modules))
  })

  it('refuses a binary that names no ABI or several', () => {
    expect(() => abiOfBinary(fakeAddon('napi_register_module_v1'))).toThrow('找不到 node_register_module_v<N>')
    expect(() => abiOfBinary(fakeAddon('node_register_module_v115', 'node_register_module_v150'))).toThrow('115、150')
  })
})

describe('the ABI Electron needs', () => {
  it('comes from the installed electron package (45.5.0 ships abi_version 150)', () => {
    const version = (require('electron/package.json') as { version: string }).version
    const { abi, source } = electronAbi(require, version)
    expect(source).toBe('electron/abi_version')
    if (version === '45.5.0') expect(abi).toBe(150)
  })

  it('falls back to node-abi when the package ships no abi_version, and says so when neither is there', () => {
    writeFileSync(join(dir, 'package.json'), '{"version":"45.5.0"}')
    const withNodeAbi = Object.assign(
      () => ({
        getAbi: (version: string, runtime: string) => (version === '45.5.0' && runtime === 'electron' ? '150' : '0'),
      }),
      {
        resolve: () => join(dir, 'package.json'),
      },
    ) as unknown as NodeJS.Require
    expect(electronAbi(withNodeAbi, '45.5.0')).toEqual({ abi: 150, source: 'node-abi' })
    const without = Object.assign(
      () => {
        throw new Error('Cannot find module node-abi')
      },
      { resolve: () => join(dir, 'package.json') },
    ) as unknown as NodeJS.Require
    expect(() => electronAbi(without, '45.5.0')).toThrow('不知道 Electron 45.5.0 的 ABI')
  })
})

describe('the build check', () => {
  it('refuses a build against Node’s headers for Electron, naming both ABIs', () => {
    const node = Number(process.versions.modules)
    expect(() => checkAbi(node, 150, '45.5.0')).toThrow(new RegExp(`ABI 是 ${node}，Electron 45.5.0 需要 150`))
    expect(() => checkAbi(node, 150, '45.5.0')).toThrow('Node')
    expect(() => checkAbi(150, 150, '45.5.0')).not.toThrow()
  })
})

describe('the Electron binary', () => {
  function electronPackage(files: Record<string, string>): string {
    writeFileSync(join(dir, 'package.json'), '{"version":"45.5.0"}')
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true })
      writeFileSync(join(dir, name), text)
    }
    return dir
  }

  it('is missing when the download never happened (no path.txt)', () => {
    expect(electronBinaryState(electronPackage({}))).toMatchObject({
      installed: false,
      reason: expect.stringContaining('path.txt'),
    })
  })

  it('is missing when dist holds another version, and there when it holds this one', () => {
    expect(
      electronBinaryState(electronPackage({ 'path.txt': 'electron', 'dist/electron': '', 'dist/version': 'v44.0.0' })),
    ).toMatchObject({ installed: false })
    expect(electronBinaryState(electronPackage({ 'dist/version': 'v45.5.0' }))).toMatchObject({
      installed: true,
      executable: join(dir, 'dist', 'electron'),
    })
  })
})
