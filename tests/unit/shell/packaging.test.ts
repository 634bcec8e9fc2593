// Issue 11 items 5 and 8: what the installers are made of, checked here because nothing can be
// packaged on this machine (no Electron binary). electron-builder.yml names the targets, ships the
// driver's Electron build and the migrations and points at the afterPack hook; the hook sets
// exactly the fuses; `npm run dist` runs the steps a machine with internet needs; the shell's
// windows (Electron-only code, so read as source) keep Electron's security checklist.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it, vi } from 'vitest'
import { nativeBindingCandidates, nativeTargetDir } from '../../../src-main/host/shellPolicy'
import { MIGRATIONS_DIR } from '../../../src-main/core/db/migrate'
import { defaultDataDir } from '../../../src-main/core/paths'
import { electronAbi, nativeTargetDir as scriptTargetDir } from '../../../scripts/native-abi.mjs'
import {
  ELECTRON_BUILDER,
  TARGETS,
  chooseTarget,
  distSteps,
  electronMissingMessage,
  electronZipUrl,
} from '../../../scripts/dist.mjs'

const require = createRequire(import.meta.url)
const root = resolve(import.meta.dirname, '../../..')
const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, string | number> }
const afterPack = require('../../../scripts/afterPack.cjs') as {
  (context: unknown): Promise<void>
  FUSES: Record<string, boolean>
  fuseConfig: (platform: string) => Record<string, unknown>
  packedDriver: (appOutDir: string) => string
}
const yaml = require('js-yaml') as { safeLoad: (text: string) => unknown }

interface FileSet {
  from: string
  to: string
}
interface BuilderConfig {
  productName: string
  asar: boolean
  npmRebuild: boolean
  afterPack: string
  files: string[]
  extraResources: FileSet[]
  asarUnpack: string[]
  win: { target: { target: string; arch: string[] }[] }
  nsis: Record<string, unknown>
  linux: { target: { target: string; arch: string[] }[]; category: string; maintainer: string; executableName: string }
  deb?: Record<string, unknown>
}
const config = yaml.safeLoad(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig

describe('the afterPack hook sets the fuses', () => {
  it('has exactly these fuse values', () => {
    const byName = Object.fromEntries(
      Object.entries(afterPack.FUSES).map(([key, value]) => [FuseV1Options[key], value]),
    )
    expect(byName).toEqual({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      EnableCookieEncryption: true,
    })
  })

  it('resets the ad-hoc signature on macOS only', () => {
    expect(afterPack.fuseConfig('darwin')).toMatchObject({ version: '1', resetAdHocDarwinSignature: true })
    expect(afterPack.fuseConfig('linux')).toMatchObject({ resetAdHocDarwinSignature: false })
    expect(afterPack.fuseConfig('win32')).toMatchObject({ ...afterPack.FUSES, resetAdHocDarwinSignature: false })
  })

  /** A packed app folder whose driver names the given ABI (an ELF header and the entry point's name). */
  function packedApp(abi: number | null): string {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-packed-'))
    if (abi !== null) {
      mkdirSync(join(dir, 'resources', 'native'), { recursive: true })
      const bytes = Buffer.concat([
        Buffer.from([0x7f, 0x45, 0x4c, 0x46]),
        Buffer.from(`\0node_register_module_v${abi}\0`),
      ])
      writeFileSync(afterPack.packedDriver(dir), bytes)
    }
    return dir
  }
  const electronVersion = (require('electron/package.json') as { version: string }).version
  const { abi } = electronAbi(require, electronVersion)

  it('hands them to electron-builder for the packed app once the driver is there for Electron’s ABI', async () => {
    const addElectronFuses = vi.fn(async () => undefined)
    const appOutDir = packedApp(abi)
    try {
      const context = { electronPlatformName: 'win32', appOutDir, packager: { addElectronFuses } }
      vi.spyOn(console, 'log').mockImplementation(() => undefined)
      await afterPack(context)
      expect(addElectronFuses).toHaveBeenCalledWith(context, afterPack.fuseConfig('win32'))
      await expect(afterPack({ ...context, packager: {} })).rejects.toThrow(/electron-builder 26/)
    } finally {
      rmSync(appOutDir, { recursive: true, force: true })
    }
  })

  it.each([
    ['missing', null, /安装包中缺少 SQLite 驱动/],
    ['built for Node’s ABI', Number(process.versions.modules), /ABI/],
  ])('refuses a packed app whose driver is %s', async (_what, driverAbi, message) => {
    const addElectronFuses = vi.fn(async () => undefined)
    const appOutDir = packedApp(driverAbi)
    try {
      await expect(
        afterPack({ electronPlatformName: 'linux', appOutDir, packager: { addElectronFuses } }),
      ).rejects.toThrow(message)
      expect(addElectronFuses).not.toHaveBeenCalled()
    } finally {
      rmSync(appOutDir, { recursive: true, force: true })
    }
  })
})

describe('electron-builder.yml', () => {
  const targets = (list: { target: string; arch: string[] }[]) =>
    Object.fromEntries(list.map((entry) => [entry.target, entry.arch]))

  it('builds Windows NSIS x64, per user, in Chinese, with 志愿服务台账 shortcuts', () => {
    expect(targets(config.win.target)).toEqual({ nsis: ['x64'] })
    expect(config.productName).toBe('志愿服务台账')
    expect(config.nsis).toMatchObject({
      perMachine: false,
      deleteAppDataOnUninstall: false,
      installerLanguages: ['zh_CN'],
      language: '2052',
      shortcutName: '志愿服务台账',
      uninstallDisplayName: '志愿服务台账',
    })
  })

  it('builds deb and AppImage for x64 and arm64, category Office, with a maintainer and default depends', () => {
    expect(targets(config.linux.target)).toEqual({ deb: ['x64', 'arm64'], AppImage: ['x64', 'arm64'] })
    expect(config.linux.category).toBe('Office')
    expect(config.linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/)
    expect(config.linux.executableName).toMatch(/^[a-z-]+$/)
    expect(config.deb?.depends).toBeUndefined()
  })

  it('packs into asar, points at the hook and does not rebuild node_modules', () => {
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toContain('**/*.node')
    expect(config.npmRebuild).toBe(false)
    expect(config.afterPack).toBe('scripts/afterPack.cjs')
    expect(existsSync(join(root, config.afterPack))).toBe(true)
  })

  it('ships the driver’s Electron build for each platform and arch where the packaged shell looks for it', () => {
    const native = config.extraResources.find((set) => set.from.endsWith('better_sqlite3.node'))
    expect(native).toBeDefined()
    const builds = [...TARGETS.win.builds, ...TARGETS.linux.builds]
    for (const { platform, arch } of builds) {
      // electron-builder's ${os} is win/linux/mac, ${arch} x64/arm64.
      const os = { win32: 'win', linux: 'linux' }[platform]!
      const from = native!.from.replace('${os}', os).replace('${arch}', arch)
      expect(from).toBe(`native/electron/${nativeTargetDir(platform, arch)}/better_sqlite3.node`)
      expect(scriptTargetDir(platform, arch)).toBe(nativeTargetDir(platform, arch))
    }
    const packaged = nativeBindingCandidates({
      packaged: true,
      resourcesPath: '/opt/app/resources',
      appPath: '/opt/app/resources/app.asar',
      platform: 'linux',
      arch: 'arm64',
    })
    expect(packaged).toEqual([join('/opt/app/resources', native!.to)])
    const unpackaged = nativeBindingCandidates({
      packaged: false,
      resourcesPath: '/x',
      appPath: '/src',
      platform: 'win32',
      arch: 'x64',
    })
    expect(unpackaged).toEqual([join('/src', 'native', 'electron', 'win-x64', 'better_sqlite3.node')])
  })

  it('includes the build with its migrations, and leaves the driver’s Node build and better-sqlite3 out', async () => {
    expect(config.files).toContain('out/**')
    expect(config.files).toContain('package.json')
    expect(config.files).toContain('!node_modules/better-sqlite3/**')
    expect(config.files.some((pattern) => pattern.startsWith('!out'))).toBe(false)
    // The build's copy step really puts every migration into out/main/migrations.
    const { default: viteConfig } = (await import('../../../electron.vite.config')) as {
      default: {
        main: {
          build: { outDir: string }
          plugins: { name: string; configResolved: (c: unknown) => void; closeBundle: () => void }[]
        }
      }
    }
    expect(viteConfig.main.build.outDir).toBe('out/main')
    const copy = viteConfig.main.plugins.find((plugin) => plugin.name === 'copy-migrations')!
    const out = mkdtempSync(join(tmpdir(), 'ledger-out-main-'))
    try {
      copy.configResolved({ root, build: { outDir: out } })
      copy.closeBundle()
      expect(readdirSync(join(out, 'migrations')).sort()).toEqual(readdirSync(MIGRATIONS_DIR).sort())
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })
})

describe('npm run dist', () => {
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts

  it('has dist, dist:win and dist:linux through scripts/dist.mjs', () => {
    expect(scripts.dist).toBe('node scripts/dist.mjs')
    expect(scripts['dist:win']).toBe('node scripts/dist.mjs win')
    expect(scripts['dist:linux']).toBe('node scripts/dist.mjs linux')
  })

  it('builds the native driver per arch, then the app, then the installers', () => {
    const steps = distSteps('linux', ['--yes', ELECTRON_BUILDER])
    expect(steps.map((step) => step.args.slice(0, 5))).toEqual([
      ['scripts/electron-native.mjs', '--platform', 'linux', '--arch', 'x64'],
      ['scripts/electron-native.mjs', '--platform', 'linux', '--arch', 'arm64'],
      ['--no-install', 'electron-vite', 'build'],
      ['--yes', ELECTRON_BUILDER, '--linux', '--x64', '--arm64'],
    ])
    expect(steps.at(-1)!.args).toEqual(
      expect.arrayContaining(['--config', 'electron-builder.yml', '--publish', 'never']),
    )
    expect(distSteps('win', ['--no-install', 'electron-builder']).map((step) => step.args.slice(0, 5))).toEqual([
      ['scripts/electron-native.mjs', '--platform', 'win32', '--arch', 'x64'],
      ['--no-install', 'electron-vite', 'build'],
      ['--no-install', 'electron-builder', '--win', '--x64', '--config'],
    ])
    expect(ELECTRON_BUILDER).toMatch(/^electron-builder@26\.\d+\.\d+$/)
  })

  it('chooses this machine’s platform by default and refuses others', () => {
    expect(chooseTarget(undefined, 'win32')).toBe('win')
    expect(chooseTarget(undefined, 'linux')).toBe('linux')
    expect(chooseTarget('win', 'linux')).toBe('win')
    expect(() => chooseTarget(undefined, 'darwin')).toThrow(/未知的安装包目标/)
    expect(() => chooseTarget('mac', 'linux')).toThrow(/win or linux/)
  })

  it('checks Electron’s download where electron-builder gets it, mirror included, and says what is missing', () => {
    expect(electronZipUrl('45.5.0', 'linux', 'arm64', {})).toBe(
      'https://github.com/electron/electron/releases/download/v45.5.0/electron-v45.5.0-linux-arm64.zip',
    )
    expect(
      electronZipUrl('45.5.0', 'win32', 'x64', { ELECTRON_MIRROR: 'https://npmmirror.com/mirrors/electron' }),
    ).toBe('https://npmmirror.com/mirrors/electron/v45.5.0/electron-v45.5.0-win32-x64.zip')
    expect(
      electronZipUrl('45.5.0', 'linux', 'x64', { ELECTRON_MIRROR: 'https://m/', ELECTRON_CUSTOM_DIR: '{{ version }}' }),
    ).toBe('https://m/45.5.0/electron-v45.5.0-linux-x64.zip')
    const message = electronMissingMessage('45.5.0', 'linux', 'arm64', 'https://x/y.zip', 'ENOTFOUND')
    expect(message).toContain('无法获取 Electron 45.5.0（linux-arm64）')
    expect(message).toContain('ENOTFOUND')
    expect(message).toContain('ELECTRON_MIRROR')
  })
})

/** The object literals passed as webPreferences to `new BrowserWindow(…)` in one shell file. */
function windowPreferences(file: string): Map<string, string>[] {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true)
  const found: Map<string, string>[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && node.expression.getText() === 'BrowserWindow') {
      const options = node.arguments?.[0]
      const prefs =
        options && ts.isObjectLiteralExpression(options)
          ? options.properties.find((p) => p.name?.getText() === 'webPreferences')
          : undefined
      expect(prefs && ts.isPropertyAssignment(prefs) && ts.isObjectLiteralExpression(prefs.initializer)).toBe(true)
      const literal = (prefs as ts.PropertyAssignment).initializer as ts.ObjectLiteralExpression
      found.push(
        new Map(
          literal.properties.filter(ts.isPropertyAssignment).map((p) => [p.name.getText(), p.initializer.getText()]),
        ),
      )
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

describe('the shell’s windows keep Electron’s security checklist (read from the source)', () => {
  it('the app window: context isolation, sandbox, no Node, no webview, DevTools only unpackaged', () => {
    const [window, ...others] = windowPreferences('src-main/electron/main.ts')
    expect(others).toEqual([])
    expect(Object.fromEntries(window!)).toMatchObject({
      contextIsolation: 'true',
      sandbox: 'true',
      nodeIntegration: 'false',
      nodeIntegrationInSubFrames: 'false',
      nodeIntegrationInWorker: 'false',
      webSecurity: 'true',
      allowRunningInsecureContent: 'false',
      webviewTag: 'false',
      devTools: '!app.isPackaged',
    })
  })

  it('the print window: sandboxed, isolated, no Node and no scripts', () => {
    const windows = windowPreferences('src-main/electron/print.ts')
    expect(windows.length).toBeGreaterThan(0)
    for (const prefs of windows)
      expect(Object.fromEntries(prefs)).toMatchObject({
        sandbox: 'true',
        contextIsolation: 'true',
        nodeIntegration: 'false',
        javascript: 'false',
      })
  })

  it('main.ts wires the tested policies: development switches, lock-down of every page, permissions, the menu', () => {
    const main = readFileSync(join(root, 'src-main/electron/main.ts'), 'utf8')
    expect(main).toContain('developmentSwitches(process.env, app.isPackaged)')
    expect(main).toMatch(
      /if \(app\.isPackaged\) for \(const name of DEVELOPMENT_VARIABLES\) delete process\.env\[name\]/,
    )
    expect(main).toMatch(/web-contents-created[\s\S]{0,120}lockDown\(contents\)/)
    expect(main).toContain('denyAllPermissions(session.defaultSession)')
    expect(main).toContain('viewMenu(app.isPackaged)')
    expect(main).not.toMatch(/role: '(reload|forceReload|toggleDevTools)'/)
  })
})

describe('the README justifies every Electronegativity exception', () => {
  it('lists each check of security/electronegativity-exceptions.json in its table', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    const exceptions = JSON.parse(
      readFileSync(join(root, 'security/electronegativity-exceptions.json'), 'utf8'),
    ) as Record<string, string>
    expect(Object.keys(exceptions).length).toBeGreaterThan(0)
    for (const [check, why] of Object.entries(exceptions)) {
      expect(readme, check).toMatch(new RegExp(`\\|\\s*${check}\\s*\\|`))
      expect(why.length, check).toBeGreaterThan(40)
    }
  })
})

describe('the data stays in the user’s folder, apart from the installed program', () => {
  it('lives under the roaming profile on Windows and ~/.config on Linux, never where the program is installed', () => {
    const windows = defaultDataDir({ APPDATA: 'C:\\Users\\马老师\\AppData\\Roaming' }, 'win32')
    expect(windows).toBe(join('C:\\Users\\马老师\\AppData\\Roaming', 'volunteer-ledger'))
    // NSIS per user installs under %LOCALAPPDATA%\Programs\志愿服务台账; the deb under /opt/志愿服务台账.
    expect(windows).not.toMatch(/Local[\\/]Programs|志愿服务台账/)
    const linux = defaultDataDir({ XDG_CONFIG_HOME: '/home/ma/.config' }, 'linux')
    expect(linux).toBe('/home/ma/.config/volunteer-ledger')
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false)
  })
})
