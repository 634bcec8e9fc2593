// The Electron shell: a window, a menu, dialogs, one IPC channel forwarded to the core, which runs
// in a utility process (coreHost.ts). No logic lives here, and nothing here waits on an import.
// The page is untrusted (issue 11): it is served from app://ledger/ out of the built renderer folder
// only, under one strict policy, with no permissions, no navigation, no new windows, no DevTools in
// the packaged app; the decisions themselves are plain functions in host/shellPolicy.ts.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { app, BrowserWindow, Menu, dialog, protocol, session, shell } from 'electron'
import type { SupervisedCore } from '../host/supervisor'
import {
  APP_ENTRY,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  DEVELOPMENT_VARIABLES,
  contentTypeOf,
  denyAllPermissions,
  developmentSwitches,
  lockDown,
  missingDriverMessage,
  nativeBindingCandidates,
  resolveAppAsset,
  viewMenu,
} from '../host/shellPolicy'
import { PROGRESS_CHANNEL } from './bridge'
import { startCore } from './coreProcess'
import { registerIpc } from './ipc'
import { registerPrint } from './print'

const switches = developmentSwitches(process.env, app.isPackaged)
// A packaged app answers to no development variable, here or in the core's process (it inherits this environment).
if (app.isPackaged) for (const name of DEVELOPMENT_VARIABLES) delete process.env[name]

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
])

/** The driver's Electron-ABI build made by scripts/electron-native.mjs (shipped in resources/native when packaged). */
function nativeWhere(): Parameters<typeof nativeBindingCandidates>[0] {
  return {
    packaged: app.isPackaged,
    resourcesPath: process.resourcesPath ?? '',
    appPath: app.getAppPath(),
    platform: process.platform,
    arch: process.arch,
  }
}

function nativeBinding(): string | undefined {
  return nativeBindingCandidates(nativeWhere()).find((path) => existsSync(path))
}

/** app://ledger/… answers with files of the built renderer folder only, each under the policy. */
function serveRenderer(): void {
  const root = join(import.meta.dirname, '../renderer')
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveAppAsset(root, request.url)
    if (!file || !existsSync(file)) return new Response('未找到', { status: 404 })
    return new Response(readFileSync(file), {
      headers: {
        'Content-Type': contentTypeOf(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    })
  })
}

/** No camera, microphone, notifications, clipboard reading, geolocation or anything else, ever. */
function denyPermissions(): void {
  denyAllPermissions(session.defaultSession)
  // The dev server's pages get the same policy (app:// answers carry it themselves).
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
}

function createWindow(core: SupervisedCore): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1100,
    minHeight: 680,
    title: '志愿服务台账',
    icon: join(app.getAppPath(), 'resources', 'icon.png'),
    show: false,
    // Electron's security checklist; Electronegativity reads this literal, packaging.test.ts checks it.
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: !app.isPackaged,
      spellcheck: false,
    },
  })
  window.once('ready-to-show', () => window.show())
  lockDown(window.webContents)
  const stopProgress = core.onProgress((event) => {
    if (!window.isDestroyed()) window.webContents.send(PROGRESS_CHANNEL, event)
  })
  window.on('closed', stopProgress)
  registerIpc(core, window, switches.rendererUrl)
  registerPrint(core, window.webContents, switches.rendererUrl)
  void window.loadURL(switches.rendererUrl ?? APP_ENTRY)
  return window
}

/** A menu command's call into the core: the answer, or the core's Chinese message in a dialog. */
async function ask<T>(core: SupervisedCore, name: string, input: unknown = {}): Promise<T | undefined> {
  const answer = await core.invoke(name, input)
  if (answer.ok) return answer.value as T
  void dialog.showMessageBox({ type: 'error', message: answer.error.message })
  return undefined
}

function buildMenu(core: SupervisedCore): void {
  const view = viewMenu(app.isPackaged)
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      {
        label: '文件',
        submenu: [
          {
            label: '立即备份',
            click: async () => {
              const backup = await ask<{ path: string }>(core, 'backup.create')
              if (backup) void dialog.showMessageBox({ message: `已备份到 ${backup.path}` })
            },
          },
          {
            label: '打开数据文件夹',
            click: async () => {
              const settings = await ask<{ dataDir: string }>(core, 'settings.get')
              if (settings) void shell.openPath(settings.dataDir)
            },
          },
          { type: 'separator' },
          { label: '退出', role: 'quit' },
        ],
      },
      {
        label: '编辑',
        submenu: [
          { role: 'undo', label: '撤销' },
          { role: 'redo', label: '重做' },
          { type: 'separator' },
          { role: 'cut', label: '剪切' },
          { role: 'copy', label: '复制' },
          { role: 'paste', label: '粘贴' },
          { role: 'selectAll', label: '全选' },
        ],
      },
      { label: '视图', submenu: view },
    ]),
  )
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  // No other window or webview may ever be made from a page.
  app.on('web-contents-created', (_event, contents) => {
    lockDown(contents)
  })
  await app.whenReady()
  denyPermissions()
  serveRenderer()
  const driver = nativeBinding()
  // Without the driver's Electron build the core could only fail later and less clearly.
  if (!driver) {
    dialog.showErrorBox('无法启动', missingDriverMessage(nativeBindingCandidates(nativeWhere())))
    app.quit()
    return
  }
  const core = startCore(join(import.meta.dirname, 'coreHost.js'), () => ({
    nativeBinding: driver,
    dbPath: switches.dbPath,
  }))
  buildMenu(core)
  let window = createWindow(core)
  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createWindow(core)
  })
  app.on('window-all-closed', () => {
    // SQLite's WAL keeps the database whole whenever the process ends; every write is one transaction.
    core.stop()
    app.quit()
  })
}

void start()
