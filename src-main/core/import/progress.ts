import type { CoreContext, ProgressEvent } from '../context'

/** Progress at most every 200 ms (the UI wants at least two a second; more only costs IPC). */
export function throttledProgress(
  ctx: CoreContext,
  intervalMs = 200,
): (event: Omit<ProgressEvent, 'job'>, force?: boolean) => void {
  let last = 0
  return (event, force = false) => {
    const now = Date.now()
    if (!force && now - last < intervalMs) return
    last = now
    ctx.progress({ job: 'import', ...event })
  }
}
