#!/usr/bin/env node
// Runs before `electron-vite dev`: is the Electron binary there? The electron npm package downloads
// it in its postinstall; where that could not reach the download host, the package is installed
// without its binary, and electron-vite failed minutes later with "Error: Electron uninstall". Here
// one download is tried (bounded in time), and if the binary is still missing the clerk's
// developer reads, in Chinese and English, what is missing and how to get it.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

const DOWNLOAD_TIMEOUT_MS = 90_000

/** Whether the electron package at packageDir holds its binary, for its own version. */
export function electronBinaryState(packageDir) {
  const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile))
    return { version, installed: false, reason: 'node_modules/electron/path.txt 不存在 / is missing' }
  const executable = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  if (!existsSync(executable)) return { version, installed: false, reason: `${executable} 不存在 / is missing` }
  const distVersion = existsSync(join(packageDir, 'dist', 'version'))
    ? readFileSync(join(packageDir, 'dist', 'version'), 'utf8')
        .trim()
        .replace(/^v/, '')
    : ''
  if (distVersion !== version)
    return {
      version,
      installed: false,
      reason: `dist 中是 Electron ${distVersion || '未知版本'}，需要 ${version} / dist holds ${distVersion || 'an unknown version'}, ${version} is needed`,
    }
  return { version, installed: true, executable }
}

export function notDownloadedMessage(version, reason) {
  return [
    `无法下载 Electron ${version} 的程序文件，npm run dev 不能打开桌面窗口。（${reason}）`,
    '  本机可能无法访问 Electron 的下载地址。可以：在能上网的电脑上运行 npm install 后复制 node_modules/electron/dist；',
    '  或设置 ELECTRON_MIRROR 指向可访问的镜像后重新运行 npm run dev。测试（npm test）不需要 Electron。',
    `The Electron ${version} binary could not be downloaded, so npm run dev cannot open the window. (${reason})`,
    "  This machine probably cannot reach Electron's download host: run npm install where it can and copy",
    '  node_modules/electron/dist, or set ELECTRON_MIRROR to a reachable mirror. npm test does not need Electron.',
  ].join('\n')
}

function main() {
  const require = createRequire(import.meta.url)
  const packageDir = dirname(require.resolve('electron/package.json'))
  let state = electronBinaryState(packageDir)
  if (state.installed) return 0
  console.log(
    `Electron ${state.version} 的程序文件不在本机，正在尝试下载… / the Electron binary is missing, trying to download it…`,
  )
  // The installer's own stack trace would bury the point: keep its first line as the reason.
  const download = spawnSync(process.execPath, [join(packageDir, 'install.js')], {
    stdio: ['ignore', 'inherit', 'pipe'],
    timeout: DOWNLOAD_TIMEOUT_MS,
    encoding: 'utf8',
  })
  state = electronBinaryState(packageDir)
  if (state.installed) return 0
  const failure = (download.stderr ?? '').split('\n').find((line) => line.trim()) ?? ''
  const why =
    download.error?.code === 'ETIMEDOUT'
      ? `下载超过 ${DOWNLOAD_TIMEOUT_MS / 1000} 秒未完成 / no download after ${DOWNLOAD_TIMEOUT_MS / 1000} s`
      : [failure.trim(), state.reason].filter(Boolean).join('；')
  console.error(notDownloadedMessage(state.version, why))
  return 1
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main()
