#!/usr/bin/env node
// Builds the SQLite driver (better-sqlite3-multiple-ciphers, better-sqlite3 with encryption) for Electron's ABI into native/electron/, leaving node_modules untouched,
// so `npm test` (Node's ABI) keeps working after `npm run dev` (Electron's ABI) and the other way
// round. The app loads the result through better-sqlite3's `nativeBinding` option.
//
// It needs a machine that can fetch Electron's headers (or a prebuilt binary); run it once per
// Electron upgrade. Our CI machines cannot, and do not need to: tests run the core in Node.
//
// What was built is checked, not trusted: the ABI named in the binary must be Electron's
// (native-abi.mjs), both after a build and for a binary already stamped as up to date. A build
// against Node's headers (ABI 115 for Node 20, where Electron 45 needs 150) is refused.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { abiOfFile, checkAbi, electronAbi } from './native-abi.mjs'

const require = createRequire(import.meta.url)
const root = resolve(import.meta.dirname, '..')
const outDir = join(root, 'native', 'electron')
const target = join(outDir, 'better_sqlite3.node')
const stampFile = join(outDir, 'build.json')

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
const { abi, source: abiSource } = electronAbi(require, electronVersion)
const DRIVER = 'better-sqlite3-multiple-ciphers'
const sqlitePackageDir = dirname(require.resolve(`${DRIVER}/package.json`))
const sqliteVersion = JSON.parse(readFileSync(join(sqlitePackageDir, 'package.json'), 'utf8')).version
const wanted = {
  electron: electronVersion,
  abi,
  driver: DRIVER,
  driverVersion: sqliteVersion,
  platform: process.platform,
  arch: process.env.npm_config_arch ?? process.arch,
}

/** Leaves the exit code set and lets `finally` clean up; the message says what happened in both languages. */
function fail(error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
}

const stamp = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : null
if (existsSync(target) && JSON.stringify(stamp) === JSON.stringify(wanted)) {
  const existing = abiOfFile(target)
  if (existing === abi) {
    console.log(`better-sqlite3 for Electron ${electronVersion} (ABI ${abi}) is up to date: ${target}`)
    process.exit(0)
  }
  console.log(`native/electron/better_sqlite3.node has ABI ${existing}, not ${abi}: rebuilding`)
}

console.log(`Electron ${electronVersion} needs ABI ${abi} (from ${abiSource})`)
const work = mkdtempSync(join(tmpdir(), 'ledger-native-'))
try {
  // Build in a copy so the Node-ABI binary in node_modules is never overwritten.
  cpSync(sqlitePackageDir, join(work, DRIVER), {
    recursive: true,
    filter: (path) => !path.includes(`${join(DRIVER, 'build')}`),
  })
  const cwd = join(work, DRIVER)
  // An npm `nodedir` setting (our machines set nodedir=/usr) makes node-gyp build against that
  // Node's headers whatever --target says: that is how a Node-ABI binary came to be stamped as
  // Electron's. An empty value here (the environment outranks .npmrc) lets --dist-url apply.
  const env = { ...process.env, npm_config_nodedir: '' }
  const run = (command, args) =>
    execFileSync(command, args, { cwd, env, stdio: 'inherit', shell: process.platform === 'win32' })
  try {
    run('npx', [
      '--yes',
      'prebuild-install',
      '--runtime',
      'electron',
      '--target',
      electronVersion,
      '--arch',
      wanted.arch,
    ])
  } catch {
    console.log('No prebuilt binary; compiling against Electron headers with node-gyp…')
    try {
      run('npx', [
        '--yes',
        'node-gyp',
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        `--arch=${wanted.arch}`,
        '--dist-url=https://electronjs.org/headers',
      ])
    } catch {
      throw new Error(
        `无法为 Electron ${electronVersion} 编译 better-sqlite3：既下载不到预编译文件，也下载不到 Electron 的头文件（本机可能无法访问外网）。\n` +
          `Could not build better-sqlite3 for Electron ${electronVersion}: neither a prebuilt binary nor Electron's headers could be downloaded.`,
      )
    }
  }
  const built = join(cwd, 'build', 'Release', 'better_sqlite3.node')
  checkAbi(abiOfFile(built), abi, electronVersion)
  mkdirSync(outDir, { recursive: true })
  cpSync(built, target)
  writeFileSync(stampFile, JSON.stringify(wanted, null, 2))
  console.log(`Built ${DRIVER} ${sqliteVersion} for Electron ${electronVersion} (ABI ${abi}): ${target}`)
} catch (error) {
  fail(error)
} finally {
  rmSync(work, { recursive: true, force: true })
}
