// Keeps the core's process running for the shell: starts it, restarts it when it dies (calls in
// flight get a clear error, the next call goes to the new process), and gives up after repeated
// deaths rather than loop. Plain Node: Electron's utilityProcess is passed in as `spawn`.
import type { Envelope } from '../core/api'
import type { ProgressEvent } from '../core/context'
import { connectCore, type CoreClient } from './coreClient'
import type { PortLike } from './protocol'

export interface CoreProcess {
  port: PortLike
  onExit: (listener: (code: number) => void) => void
  kill: () => void
}

export const CORE_EXITED =
  '数据处理进程意外退出，这一步操作没有完成（数据库不会留下写了一半的内容），程序已自动重新启动它：请重试；如果反复出现，请重新启动程序'
export const CORE_GAVE_UP = '数据处理进程反复意外退出，已停止重启：请关闭并重新打开程序；如果仍然出现，请联系技术支持'

export interface SupervisedCore {
  invoke: (name: string, input: unknown, chosen?: Record<string, string>) => Promise<Envelope<unknown>>
  onProgress: (listener: (event: ProgressEvent) => void) => () => void
  /** Ends the process for good (the app is quitting). */
  stop: () => void
  restarts: () => number
}

export function superviseCore(spawn: () => CoreProcess, limits = { restarts: 5, withinMs: 60_000 }): SupervisedCore {
  const listeners = new Set<(event: ProgressEvent) => void>()
  const deaths: number[] = []
  let restarts = 0
  let stopped = false
  let gaveUp = false
  let current = start()

  function start(): { child: CoreProcess; client: CoreClient } {
    const child = spawn()
    const client = connectCore(child.port)
    client.onProgress((event) => listeners.forEach((listener) => listener(event)))
    child.onExit(() => {
      if (stopped) return client.failInFlight('程序正在退出，这一步操作没有完成')
      const now = Date.now()
      deaths.push(now)
      while (deaths.length > 0 && now - deaths[0]! > limits.withinMs) deaths.shift()
      gaveUp = deaths.length > limits.restarts
      client.failInFlight(gaveUp ? CORE_GAVE_UP : CORE_EXITED)
      if (gaveUp) return
      restarts++
      current = start()
    })
    return { child, client }
  }

  return {
    invoke: (name, input, chosen) =>
      gaveUp
        ? Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: CORE_GAVE_UP } })
        : current.client.invoke(name, input, chosen),
    onProgress: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    stop: () => {
      stopped = true
      current.child.kill()
    },
    restarts: () => restarts,
  }
}
