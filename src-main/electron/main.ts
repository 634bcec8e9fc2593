// The Electron shell: a window, a menu, dialogs, one IPC channel forwarded to the core, which runs
// in a utility process (coreHost.ts). No logic lives here, and nothing here waits on an import.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { app, BrowserWindow, Menu, dialog, shell } from 'electron'
import { configuredDbPath } from '../core/settings/location'
import type { SupervisedCore } from '../host/supervisor'
import { PROGRESS_CHANNEL } from './bridge'
import { startCore } from './coreProcess'
import { registerIpc } from './ipc'
import { registerPrint } from './print'

const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** The Electron-ABI build of better-sqlite3 made by scripts/electron-native.mjs (or shipped beside the app). */
function nativeBinding(): string | undefined {
  const candidates = [
    join(process.resourcesPath ?? '', 'native', 'better_sqlite3.node'),
    join(app.getAppPath(), 'native', 'electron', 'better_sqlite3.node'),
  ]
  return candidates.find((path) => existsSync(path))
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
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  window.once('ready-to-show', () => window.show())
  window.webContents.session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  const stopProgress = core.onProgress((event) => {
    if (!window.isDestroyed()) window.webContents.send(PROGRESS_CHANNEL, event)
  })
  window.on('closed', stopProgress)
  registerIpc(core, window.webContents)
  registerPrint(core, window.webContents)
  if (process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL)
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'))
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
      { label: '编辑', submenu: [{ role: 'undo', label: '撤销' }, { role: 'redo', label: '重做' }, { type: 'separator' }, { role: 'cut', label: '剪切' }, { role: 'copy', label: '复制' }, { role: 'paste', label: '粘贴' }, { role: 'selectAll', label: '全选' }] },
      { label: '视图', submenu: [{ role: 'reload', label: '重新载入' }, { role: 'toggleDevTools', label: '开发者工具' }, { type: 'separator' }, { role: 'resetZoom', label: '实际大小' }, { role: 'zoomIn', label: '放大' }, { role: 'zoomOut', label: '缩小' }] },
    ]),
  )
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  await app.whenReady()
  // Asked again at every (re)start: moving the data folder changes where the database is.
  const core = startCore(join(import.meta.dirname, 'coreHost.js'), () => ({
    dbPath: process.env.VOLUNTEER_LEDGER_DB ?? configuredDbPath(),
    nativeBinding: nativeBinding(),
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
