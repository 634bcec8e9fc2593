// The utility process that hosts the core (SQLite, reading workbooks, validation), so the main
// process, which runs the window, is never busy with an import. It serves the main process over the
// MessagePort it is given at start; workbooks are read in its own worker_threads pool. Every request
// goes through the start-up gate (core/db/startup.ts): while the ledger cannot be opened (locked,
// damaged, newer, encrypted and not yet unlocked…) the page gets the failure and its ways out.
import { join } from 'node:path'
import type { MessagePortMain } from 'electron'
import { createRendererGate } from '../core/rendererHost'
import { ensureDailyBackup } from '../core/db/backup'
import { maskNumbersInText } from '../core/domain/mask'
import { configuredLocation, saveLocation } from '../core/settings/location'
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
  const location = data.dbPath ? { dbPath: data.dbPath, chosen: false } : configuredLocation()
  const server = serveCore(electronPort(port), (name, input, chosen) => gate.invoke(name, input, chosen))
  let dailyBackup: Promise<void> = Promise.resolve()
  // Requests reach `gate` only after port.start() below.
  const gate = createRendererGate(location.dbPath, {
    mustExist: location.chosen,
    context: {
      nativeBinding: data.nativeBinding,
      progress: server.progress,
      // The build puts the worker beside this file (electron.vite.config.ts, entry parseWorker).
      parsing: { workerFile: join(import.meta.dirname, 'parseWorker.js') },
    },
    remember: (dbPath) => saveLocation(dbPath),
    onOpen: (ctx) => {
      dailyBackup = ensureDailyBackup(ctx).then(
        () => {},
        (error: unknown) => {
          // Crash output and the log alike hold no ID or phone number: the log masks its lines itself.
          const text = error instanceof Error ? (error.stack ?? error.message) : String(error)
          ctx.log.write('error', 'daily-backup', { error: text })
          console.error(`每日自动备份失败：${maskNumbersInText(text)}`)
        },
      )
      return dailyBackup
    },
  })
  // Requests wait in the port until the day's backup is made (when the ledger opened at once).
  void dailyBackup.finally(() => port.start())
})
