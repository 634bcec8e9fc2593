import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { MAIN_CHOSEN } from '../core/mainChosen'
import type { SupervisedCore } from '../host/supervisor'
import { isTrustedSender as trusted } from '../host/shellPolicy'
import { INVOKE_CHANNEL } from './bridge'
import { printPdfThroughCore } from './print'

/** Operations that need a window, answered by the main process (the core has none in its process). */
const MAIN_SIDE: Record<string, (core: SupervisedCore, input: unknown) => Promise<unknown>> = {
  'print.pdf': printPdfThroughCore,
}

const REFUSED = { ok: false, error: { code: 'INVALID_INPUT', message: '拒绝来自未知页面的请求' } }

/** Only our own page may call the core: the window's main frame at app://ledger (or the dev server when unpackaged). */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  window: WebContents,
  devServer: string | undefined,
): boolean {
  const frame = event.senderFrame
  return trusted(
    {
      fromAppWindow: event.sender === window,
      fromMainFrame: !!frame && frame === window.mainFrame,
      frameUrl: frame?.url,
    },
    devServer,
  )
}

/** A place the operation needs, asked of the clerk with a native dialog (core/mainChosen.ts). */
async function choose(
  window: BrowserWindow,
  name: string,
): Promise<Record<string, string> | { cancelled: string } | undefined> {
  const wanted = MAIN_CHOSEN[name]
  if (!wanted) return undefined
  const answer = await dialog.showOpenDialog(window, {
    title: wanted.title,
    properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
  })
  const folder = answer.filePaths[0]
  if (answer.canceled || folder === undefined) return { cancelled: wanted.cancelled }
  return { [wanted.field]: folder }
}

export function registerIpc(core: SupervisedCore, window: BrowserWindow, devServer: string | undefined): void {
  ipcMain.removeHandler(INVOKE_CHANNEL)
  ipcMain.handle(INVOKE_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event, window.webContents, devServer)) return REFUSED
    // Forwarded to the core's utility process, which checks the name against the handler table and
    // the input against the renderer's schema (no paths: core/rendererHost.ts). Bytes arrive here
    // as Uint8Array and go on by structured clone.
    const mainSide = MAIN_SIDE[String(name)]
    if (mainSide) return mainSide(core, input)
    const chosen = await choose(window, String(name))
    if (chosen && 'cancelled' in chosen)
      return { ok: false, error: { code: 'INVALID_INPUT', message: chosen.cancelled } }
    return core.invoke(String(name), input, chosen)
  })
}
