#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into native/electron/, leaving node_modules untouched,
// so `npm test` (Node's ABI) keeps working after `npm run dev` (Electron's ABI) and the other way
// round. The app loads the result through better-sqlite3's `nativeBinding` option.
//
// It needs a machine that can fetch Electron's headers (or a prebuilt binary); run it once per
// Electron upgrade. Our CI machines cannot, and do not need to: tests run the core in Node.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'

const require = createRequire(import.meta.url)
const root = resolve(import.meta.dirname, '..')
const outDir = join(root, 'native', 'electron')
const target = join(outDir, 'better_sqlite3.node')
const stampFile = join(outDir, 'build.json')

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
const sqlitePackageDir = dirname(require.resolve('better-sqlite3/package.json'))
const sqliteVersion = JSON.parse(readFileSync(join(sqlitePackageDir, 'package.json'), 'utf8')).version
const wanted = { electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.env.npm_config_arch ?? process.arch }

const stamp = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : null
if (existsSync(target) && JSON.stringify(stamp) === JSON.stringify(wanted)) {
  console.log(`better-sqlite3 for Electron ${electronVersion} is up to date: ${target}`)
  process.exit(0)
}

const work = mkdtempSync(join(tmpdir(), 'ledger-native-'))
try {
  // Build in a copy so the Node-ABI binary in node_modules is never overwritten.
  cpSync(sqlitePackageDir, join(work, 'better-sqlite3'), { recursive: true, filter: (path) => !path.includes(`${join('better-sqlite3', 'build')}`) })
  const cwd = join(work, 'better-sqlite3')
  const run = (command, args) => execFileSync(command, args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' })
  try {
    run('npx', ['--yes', 'prebuild-install', '--runtime', 'electron', '--target', electronVersion, '--arch', wanted.arch])
  } catch {
    console.log('No prebuilt binary; compiling against Electron headers with node-gyp…')
    run('npx', ['--yes', 'node-gyp', 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${wanted.arch}`, '--dist-url=https://electronjs.org/headers'])
  }
  mkdirSync(outDir, { recursive: true })
  cpSync(join(cwd, 'build', 'Release', 'better_sqlite3.node'), target)
  writeFileSync(stampFile, JSON.stringify(wanted, null, 2))
  console.log(`Built better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}: ${target}`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
