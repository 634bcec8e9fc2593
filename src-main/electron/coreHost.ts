// The utility process that hosts the core (SQLite, reading workbooks, validation), so the main
// process, which runs the window, is never busy with an import. It serves the main process over the
// MessagePort it is given at start; workbooks are read in its own worker_threads pool.
import { join } from 'node:path'
import type { MessagePortMain } from 'electron'
import { createContext } from '../core/index'
import { invokeFromRenderer } from '../core/rendererHost'
import { ensureDailyBackup } from '../core/db/backup'
import { configuredDbPath } from '../core/settings/location'
import { serveCore } from '../host/coreServer'
import { electronPort, type CoreHostInit } from './port'

interface ParentPort {
  once: (event: 'message', listener: (event: { data: CoreHostInit; ports: MessagePortMain[] }) => void) => void
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort
if (!parentPort) throw new Error('coreHost must run in an Electron utility process')

parentPort.once('message', ({ data, ports }) => {
  const port = ports[0]
  if (!port) throw new Error('coreHost started without a port')
  // Looked up at every (re)start: moving the data folder changes where the database is.
  const ctx = createContext(data.dbPath ?? configuredDbPath(), {
    nativeBinding: data.nativeBinding,
    // The build puts the worker beside this file (electron.vite.config.ts, entry parseWorker).
    parsing: { workerFile: join(import.meta.dirname, 'parseWorker.js') },
  })
  const server = serveCore(electronPort(port), (name, input, chosen) => invokeFromRenderer(ctx, name, input, chosen))
  ctx.progress = server.progress
  // Requests wait in the port until the day's backup is made.
  void ensureDailyBackup(ctx)
    .catch((error: unknown) => console.error('每日自动备份失败', error))
    .finally(() => port.start())
})
