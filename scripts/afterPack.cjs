// electron-builder's afterPack hook (electron-builder.yml): flips Electron's fuses in the packaged
// binary before it is signed and put into the installer (issue 11 item 5). A fuse is a bit in the
// executable itself, so no environment variable or command-line switch can turn these back on.
//
// It goes through electron-builder's own addElectronFuses (electron-builder 26), which finds the
// executable for each platform. electron-builder 26 embeds the asar integrity that
// EnableEmbeddedAsarIntegrityValidation checks before this hook runs (Windows included); with an
// older one that fuse gives a Windows app that refuses to start, so an older one is refused here.
//
// It also refuses to go on when the driver's Electron build (extraResources, copied before this
// hook runs) is missing from the packed app or is not for Electron's ABI: electron-builder only
// warns about a missing extra resource, and the installed app could not open the ledger.
// @ts-check
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads its hooks with require(): CommonJS */
'use strict'

const { existsSync, readFileSync } = require('node:fs')
const { join } = require('node:path')

const { FuseV1Options, FuseVersion } = require('@electron/fuses')

/** The fuses and their values; tests/unit/shell/packaging.test.ts checks exactly these. */
const FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the app into a plain Node that runs any script.
  [FuseV1Options.RunAsNode]: false,
  // NODE_OPTIONS could preload code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would open a debugger on the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash embedded in the executable.
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // No loose resources/app folder beside the archive is ever loaded instead of it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Cookies (none are used; the fuse is cheap) are encrypted with the OS key store.
  [FuseV1Options.EnableCookieEncryption]: true,
})

/** The whole configuration for one platform: macOS (arm64 in particular) needs its ad-hoc signature reset. */
function fuseConfig(electronPlatformName) {
  return { version: FuseVersion.V1, resetAdHocDarwinSignature: electronPlatformName === 'darwin', ...FUSES }
}

/** The driver as the packed app carries it (Windows and Linux: resources/ beside the executable). */
function packedDriver(appOutDir) {
  return join(appOutDir, 'resources', 'native', 'better_sqlite3.node')
}

/** Throws, in Chinese and English, unless the packed driver is there and built for Electron's ABI. */
async function checkPackedDriver(appOutDir) {
  const file = packedDriver(appOutDir)
  if (!existsSync(file))
    throw new Error(
      `安装包中缺少 SQLite 驱动 ${file}：请先运行 node scripts/electron-native.mjs（npm run dist 会自动运行）。\n` +
        `The packed app has no SQLite driver at ${file}: run scripts/electron-native.mjs first (npm run dist does).`,
    )
  const { abiOfBinary, checkAbi, electronAbi } = await import('./native-abi.mjs')
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
  checkAbi(abiOfBinary(readFileSync(file)), electronAbi(require, electronVersion).abi, electronVersion)
}

/** @param {{ electronPlatformName: string, appOutDir: string, packager: { addElectronFuses?: (context: unknown, fuses: unknown) => Promise<unknown> } }} context */
async function afterPack(context) {
  await checkPackedDriver(context.appOutDir)
  if (typeof context.packager.addElectronFuses !== 'function')
    throw new Error(
      '需要 electron-builder 26 或更高版本才能写入 Electron 保险丝（fuses）和 asar 完整性信息；请用 npm run dist。\n' +
        'electron-builder 26 or later is needed to set Electron fuses with asar integrity; use npm run dist.',
    )
  await context.packager.addElectronFuses(context, fuseConfig(context.electronPlatformName))
  console.log(`  • Electron fuses set in ${context.appOutDir}`)
}

module.exports = afterPack
module.exports.default = afterPack
module.exports.FUSES = FUSES
module.exports.fuseConfig = fuseConfig
module.exports.packedDriver = packedDriver
