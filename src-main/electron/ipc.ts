import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import type { SupervisedCore } from '../host/supervisor'
import { INVOKE_CHANNEL } from './bridge'
import { printPdfThroughCore } from './print'

/** Operations that need a window, answered by the main process (the core has none in its process). */
const MAIN_SIDE: Record<string, (core: SupervisedCore, input: unknown) => Promise<unknown>> = {
  'print.pdf': printPdfThroughCore,
}

/** Only our own page may call the core: the renderer's file or the dev server, nothing navigated to. */
function isTrustedSender(event: IpcMainInvokeEvent, window: WebContents): boolean {
  if (event.sender !== window) return false
  const url = event.senderFrame?.url ?? ''
  const devServer = process.env.ELECTRON_RENDERER_URL
  return url.startsWith('file://') || (devServer !== undefined && url.startsWith(devServer))
}

export function registerIpc(core: SupervisedCore, window: WebContents): void {
  ipcMain.removeHandler(INVOKE_CHANNEL)
  ipcMain.handle(INVOKE_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event, window)) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: '拒绝来自未知页面的请求' } }
    }
    // Forwarded to the core's utility process, which checks the name against the handler table and
    // the input against its schema. Bytes arrive here as Uint8Array and go on by structured clone.
    const mainSide = MAIN_SIDE[String(name)]
    return mainSide ? mainSide(core, input) : core.invoke(String(name), input)
  })
}
