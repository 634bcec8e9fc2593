#!/usr/bin/env node
// Builds the installers on a machine with internet (README "Building the installers"):
//
//   node scripts/dist.mjs win     Windows NSIS x64                      (npm run dist:win)
//   node scripts/dist.mjs linux   deb + AppImage, x64 and arm64 (UOS/Kylin) (npm run dist:linux)
//   node scripts/dist.mjs         this machine's platform                (npm run dist)
//
// Steps: Electron's binary for every target must be downloadable (checked first, so a machine
// without access learns it in seconds, not after the build); the driver's Electron-ABI build per
// target (scripts/electron-native.mjs); electron-vite build; electron-builder (electron-builder.yml,
// whose afterPack hook sets the fuses). Each step that fails stops the run with a message in
// Chinese and English. The installers land in dist/.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

/** Used when electron-builder is not a devDependency; pinned so every machine builds the same way (electron-builder.yml
 * was checked against this version's schema, and its afterPack order: asar integrity embedded, extra resources copied,
 * then the hook). */
export const ELECTRON_BUILDER = 'electron-builder@26.15.7'
const CHECK_TIMEOUT_MS = 20_000

/** The platform/arch pairs each choice builds, and the switches electron-builder gets for them. */
export const TARGETS = {
  win: { builds: [{ platform: 'win32', arch: 'x64' }], builderArgs: ['--win', '--x64'] },
  linux: {
    builds: [
      { platform: 'linux', arch: 'x64' },
      { platform: 'linux', arch: 'arm64' },
    ],
    builderArgs: ['--linux', '--x64', '--arm64'],
  },
}

/** `win`, `linux`, or (none given) this machine's platform; anything else is refused. */
export function chooseTarget(argument, platform = process.platform) {
  const name = argument ?? (platform === 'win32' ? 'win' : platform === 'linux' ? 'linux' : undefined)
  if (name === undefined || !(name in TARGETS))
    throw new Error(
      `未知的安装包目标“${argument ?? platform}”：只能是 win 或 linux / unknown installer target "${argument ?? platform}": win or linux`,
    )
  return name
}

/**
 * Where Electron's zip for one target is downloaded from, as @electron/get (and so electron-builder)
 * builds it: ELECTRON_MIRROR and ELECTRON_CUSTOM_DIR are honoured, GitHub's releases otherwise.
 */
export function electronZipUrl(version, platform, arch, env = process.env) {
  const mirror = env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/'
  const dir = (env.ELECTRON_CUSTOM_DIR ?? 'v{{ version }}').replace(/\{\{\s*version\s*\}\}/g, version)
  return `${mirror.replace(/\/?$/, '/')}${dir}/electron-v${version}-${platform}-${arch}.zip`
}

/** The message when Electron's binary for a target cannot be had: what is missing and what to do. */
export function electronMissingMessage(version, platform, arch, url, reason) {
  return [
    `无法获取 Electron ${version}（${platform}-${arch}）的程序文件，不能打包安装程序。（${url}：${reason}）`,
    '  打包需要能访问 Electron 的下载地址；可以设置 ELECTRON_MIRROR 指向可访问的镜像（如 https://npmmirror.com/mirrors/electron/）后重试。',
    `The Electron ${version} binary for ${platform}-${arch} cannot be downloaded, so no installer can be built. (${url}: ${reason})`,
    '  Packaging needs access to Electron downloads; set ELECTRON_MIRROR to a reachable mirror and try again.',
  ].join('\n')
}

/** The commands of one run, in order; main() runs them and stops at the first that fails. */
export function distSteps(target, builder) {
  const { builds, builderArgs } = TARGETS[target]
  return [
    ...builds.map(({ platform, arch }) => ({
      what: `SQLite 驱动（Electron ABI，${platform}-${arch}）/ native driver for ${platform}-${arch}`,
      command: process.execPath,
      args: ['scripts/electron-native.mjs', '--platform', platform, '--arch', arch],
    })),
    { what: '编译程序 / electron-vite build', command: 'npx', args: ['--no-install', 'electron-vite', 'build'] },
    {
      what: '生成安装程序 / electron-builder',
      command: 'npx',
      args: [...builder, ...builderArgs, '--config', 'electron-builder.yml', '--publish', 'never'],
    },
  ]
}

/** null when url answers (HEAD, or a one-byte GET for a mirror that refuses HEAD), else why not. */
async function reachable(url) {
  try {
    const ask = (method, headers = {}) =>
      fetch(url, { method, headers, redirect: 'follow', signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) })
    let response = await ask('HEAD')
    if (response.status === 405 || response.status === 403) {
      response = await ask('GET', { Range: 'bytes=0-0' })
      await response.body?.cancel()
    }
    return response.ok ? null : `HTTP ${response.status}`
  } catch (error) {
    return error instanceof Error ? (error.cause?.code ?? error.message) : String(error)
  }
}

async function main() {
  const root = resolve(import.meta.dirname, '..')
  const require = createRequire(import.meta.url)
  const target = chooseTarget(process.argv[2])
  const [major, minor] = process.versions.node.split('.').map(Number)
  if (major < 20 || (major === 20 && minor < 19))
    throw new Error(`需要 Node 20.19 或更高版本（当前 ${process.versions.node}）/ Node 20.19 or later is needed`)
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
  for (const { platform, arch } of TARGETS[target].builds) {
    const url = electronZipUrl(electronVersion, platform, arch)
    const problem = await reachable(url)
    if (problem) throw new Error(electronMissingMessage(electronVersion, platform, arch, url, problem))
  }
  const local = join(
    root,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder',
  )
  const builder = existsSync(local) ? ['--no-install', 'electron-builder'] : ['--yes', ELECTRON_BUILDER]
  for (const step of distSteps(target, builder)) {
    console.log(`\n▶ ${step.what}`)
    // npx is npx.cmd on Windows, which needs a shell; node itself must not get one (C:\Program Files has a space).
    const shell = process.platform === 'win32' && step.command === 'npx'
    const run = spawnSync(step.command, step.args, { cwd: root, stdio: 'inherit', shell })
    if (run.status !== 0)
      throw new Error(`失败：${step.what}（退出码 ${run.status ?? run.signal}）/ failed: ${step.what}`)
  }
  console.log(`\n安装程序已生成在 dist/ / installers written to dist/ (${target})`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error))
    process.exitCode = 1
  })
