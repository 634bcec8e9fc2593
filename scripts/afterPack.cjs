// electron-builder's afterPack hook (electron-builder.yml): flips Electron's fuses in the packaged
// binary before it is signed and put into the installer (issue 11 item 5). A fuse is a bit in the
// executable itself, so no environment variable or command-line switch can turn these back on.
//
// It goes through electron-builder's own addElectronFuses (electron-builder 26 or later), which
// finds the executable for each platform and writes the asar integrity that
// EnableEmbeddedAsarIntegrityValidation checks; flipping that fuse without the integrity resource
// gives a Windows app that refuses to start, so an older electron-builder is refused here.
// @ts-check
'use strict'

// electron-builder loads its hooks with require(), hence CommonJS here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
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

/** @param {{ electronPlatformName: string, appOutDir: string, packager: { addElectronFuses?: (context: unknown, fuses: unknown) => Promise<unknown> } }} context */
async function afterPack(context) {
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
