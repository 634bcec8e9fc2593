#!/usr/bin/env node
// Builds the SQLite driver (better-sqlite3-multiple-ciphers, better-sqlite3 with encryption) for
// Electron's ABI into native/electron/<os>-<arch>/ (os as electron-builder names it: win, linux,
// mac), leaving node_modules untouched,
// so `npm test` (Node's ABI) keeps working after `npm run dev` (Electron's ABI) and the other way
// round. The app loads the result through better-sqlite3's `nativeBinding` option.
//
// It needs a machine that can fetch Electron's headers (or a prebuilt binary); run it once per
// Electron upgrade. Our CI machines cannot, and do not need to: tests run the core in Node.
//
//   node scripts/electron-native.mjs [--platform win32|linux] [--arch x64|arm64]
//
// defaults to this machine. Another platform or arch needs the driver's prebuilt binary for it
// (prebuild-install); compiling is only possible for this machine's own platform and arch.
// electron-builder.yml ships native/electron/${os}-${arch}/better_sqlite3.node with each installer.
//
// What was built is checked, not trusted: the ABI named in the binary must be Electron's
// (native-abi.mjs), both after a build and for a binary already stamped as up to date. A build
// against Node's headers (ABI 115 for Node 20, where Electron 45 needs 150) is refused.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { abiOfFile, checkAbi, electronAbi, nativeTargetDir } from './native-abi.mjs'

const require = createRequire(import.meta.url)
const root = resolve(import.meta.dirname, '..')

/** `--name value` from the command line, or undefined. */
function option(name) {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? undefined : process.argv[index + 1]
}

const platform = option('platform') ?? process.platform
const arch = option('arch') ?? process.env.npm_config_arch ?? process.arch
if (!['win32', 'linux', 'darwin'].includes(platform) || !['x64', 'arm64'].includes(arch)) {
  console.error(
    `不支持的目标 ${platform}-${arch}（平台 win32/linux，架构 x64/arm64）/ unsupported target ${platform}-${arch}`,
  )
  process.exit(1)
}
const outDir = join(root, 'native', 'electron', nativeTargetDir(platform, arch))
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
  platform,
  arch,
}
const crossBuild = platform !== process.platform || arch !== process.arch

/** Leaves the exit code set and lets `finally` clean up; the message says what happened in both languages. */
function fail(error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
}

const stamp = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : null
if (existsSync(target) && JSON.stringify(stamp) === JSON.stringify(wanted)) {
  const existing = abiOfFile(target)
  if (existing === abi) {
    console.log(`${DRIVER} for Electron ${electronVersion} (ABI ${abi}) is up to date: ${target}`)
    process.exit(0)
  }
  console.log(`${target} has ABI ${existing}, not ${abi}: rebuilding`)
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
      '--platform',
      platform,
      '--arch',
      arch,
    ])
  } catch {
    if (crossBuild)
      throw new Error(
        `下载不到 ${DRIVER} 为 Electron ${electronVersion}（${platform}-${arch}）预编译的文件，而本机（${process.platform}-${process.arch}）不能为其他平台或架构编译；请在 ${platform}-${arch} 的电脑上运行本脚本。\n` +
          `No prebuilt ${DRIVER} for Electron ${electronVersion} on ${platform}-${arch} could be downloaded, and this ${process.platform}-${process.arch} machine cannot compile for another platform or arch: run this script on a ${platform}-${arch} machine.`,
      )
    console.log('No prebuilt binary; compiling against Electron headers with node-gyp…')
    try {
      run('npx', [
        '--yes',
        'node-gyp',
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${electronVersion}`,
        `--arch=${arch}`,
        '--dist-url=https://electronjs.org/headers',
      ])
    } catch {
      throw new Error(
        `无法为 Electron ${electronVersion} 编译 ${DRIVER}：既下载不到预编译文件，也下载不到 Electron 的头文件（本机可能无法访问外网）。\n` +
          `Could not build ${DRIVER} for Electron ${electronVersion}: neither a prebuilt binary nor Electron's headers could be downloaded.`,
      )
    }
  }
  const built = join(cwd, 'build', 'Release', 'better_sqlite3.node')
  checkAbi(abiOfFile(built), abi, electronVersion)
  mkdirSync(outDir, { recursive: true })
  cpSync(built, target)
  writeFileSync(stampFile, JSON.stringify(wanted, null, 2))
  console.log(
    `Built ${DRIVER} ${sqliteVersion} for Electron ${electronVersion} (ABI ${abi}, ${platform}-${arch}): ${target}`,
  )
} catch (error) {
  fail(error)
} finally {
  rmSync(work, { recursive: true, force: true })
}
