// Exposes exactly one small object to the page: invoke(name, input) and a progress subscription.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { ProgressEvent } from '../core/context'
import { INVOKE_CHANNEL, PRINT_CHANNEL, PROGRESS_CHANNEL } from './bridge'

const ledger = {
  invoke: (name: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(INVOKE_CHANNEL, name, input),
  /** Prints a report (print.document's input) through the system print dialog; see electron/print.ts. */
  print: (input: unknown): Promise<unknown> => ipcRenderer.invoke(PRINT_CHANNEL, input),
  onProgress: (listener: (event: ProgressEvent) => void): (() => void) => {
    const wrapped = (_event: IpcRendererEvent, progress: ProgressEvent) => listener(progress)
    ipcRenderer.on(PROGRESS_CHANNEL, wrapped)
    return () => ipcRenderer.removeListener(PROGRESS_CHANNEL, wrapped)
  },
}

contextBridge.exposeInMainWorld('ledger', ledger)
