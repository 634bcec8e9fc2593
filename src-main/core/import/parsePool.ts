// Workbooks are read off the core's event loop, in a small pool of worker_threads (parseWorker.ts),
// so that the core answers the window while a batch is read and several files are read at once.
// A worker that crashes, runs out of its heap or overruns its deadline costs its file only: that
// file fails with a message the clerk can act on, the rest of the batch goes on.
import { maskNumbersInText } from '../domain/mask'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { CoreError } from '../errors'
import { emptyResult, type ParsedFile } from './parseFile'
import { runParseJob, type ParseJob, type ParseProgress } from './parseJob'

export interface ParsePoolOptions {
  /** Worker threads; 0 reads in process. Default: one per CPU core less one, at least one. */
  workers?: number
  /**
   * The worker script. Default: beside this module — parseWorkerSource.mjs when the core runs from
   * its TypeScript source (vitest, the CLI under tsx). The Electron build passes out/main/parseWorker.js.
   */
  workerFile?: string
  /** One worker's heap (MB): a file that needs more fails alone. */
  heapMb?: number
  /** The longest one file may take to read and check. */
  timeoutMs?: number
  /** An idle worker ends after this long (it holds a heap of its own). */
  idleMs?: number
}

export interface ParsePoolStats {
  size: number
  live: number
  busy: number
  peakBusy: number
  started: number
  /** Why files are read in process, or null while the workers serve. */
  inProcess: string | null
}

export interface ParsePool {
  parse: (job: ParseJob, onProgress?: (progress: ParseProgress) => void) => Promise<ParsedFile<unknown>>
  /** Ends every worker; reads still queued or running are refused. */
  close: () => Promise<void>
  stats: () => ParsePoolStats
}

interface Task {
  id: number
  job: ParseJob
  onProgress: (progress: ParseProgress) => void
  resolve: (file: ParsedFile<unknown>) => void
  reject: (error: unknown) => void
}

interface Slot {
  worker: Worker
  ready: boolean
  task: Task | null
  deadline?: NodeJS.Timeout
  idle?: NodeJS.Timeout
  timedOut?: boolean
  error?: Error & { code?: string }
}

type WorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; id: number; progress: ParseProgress }
  | { type: 'done'; id: number; file: ParsedFile<unknown> }
  | { type: 'error'; id: number; message: string }

export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1)
}

function defaultWorkerFile(): string {
  const here = fileURLToPath(import.meta.url)
  return join(dirname(here), here.endsWith('.ts') ? 'parseWorkerSource.mjs' : 'parseWorker.js')
}

const duration = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 1000)} 秒` : `${Math.round(ms / 60_000)} 分钟`)

function failedFile(job: ParseJob, error: string): ParsedFile<unknown> {
  const { name } = job.source
  return {
    index: job.index,
    name,
    bytes: null,
    result: { ...emptyResult(name, job.index), error },
    rows: [],
    issues: [],
  }
}

/** The bytes arrive as a plain Uint8Array (structured clone drops Buffer's prototype). */
function withBuffer(file: ParsedFile<unknown>): ParsedFile<unknown> {
  const bytes = file.bytes as Uint8Array | null
  if (bytes && !Buffer.isBuffer(bytes)) file.bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return file
}

export function createParsePool(options: ParsePoolOptions = {}): ParsePool {
  const size = Math.max(0, Math.floor(options.workers ?? defaultPoolSize()))
  const workerFile = options.workerFile ?? defaultWorkerFile()
  const heapMb = options.heapMb ?? 2048
  const timeoutMs = options.timeoutMs ?? 10 * 60_000
  const idleMs = options.idleMs ?? 30_000
  const queue: Task[] = []
  const slots = new Set<Slot>()
  let nextId = 1
  let peakBusy = 0
  let started = 0
  let closed = false
  let inProcess: string | null = size === 0 ? '未启用读取线程（workers: 0）' : null

  function crashMessage(slot: Slot, name: string, code: number): string {
    if (slot.timedOut)
      return `读取“${name}”超过 ${duration(timeoutMs)}仍未完成，已停止，未导入：请检查文件是否异常（如极多的空行），或拆成几个较小的文件再导入；其余文件不受影响`
    if (slot.error?.code === 'ERR_WORKER_OUT_OF_MEMORY')
      return `“${name}”太大，读取时超出内存上限（${heapMb} MB），未导入：请把它拆成几个较小的文件再导入；其余文件不受影响`
    const detail = slot.error?.message ?? `退出码 ${code}`
    return `读取“${name}”时读取线程意外退出（${detail}），未导入：请用 Excel 打开该文件、另存为 .xlsx 后再导入；其余文件不受影响`
  }

  /**
   * Where a worker cannot start at all (no worker script, no tsx, a host without worker threads),
   * files are read in process: slower for the window, but the import still works.
   */
  function fallBack(reason: string): void {
    if (inProcess !== null) return
    inProcess = reason
    console.warn(`[volunteer-ledger] 读取线程无法启动，改为在主线程读取：${maskNumbersInText(reason)}`)
    for (const task of queue.splice(0)) runParseJob(task.job, task.onProgress).then(task.resolve, task.reject)
  }

  function startIdle(slot: Slot): void {
    clearTimeout(slot.idle)
    slot.idle = setTimeout(() => {
      // Out of the pool before it ends, so no job is handed to a worker that is going away.
      slots.delete(slot)
      void slot.worker.terminate()
    }, idleMs)
    slot.idle.unref()
  }

  function assign(slot: Slot, task: Task): void {
    clearTimeout(slot.idle)
    slot.task = task
    // A busy worker keeps the process alive (the CLI awaits it); an idle one must not.
    slot.worker.ref()
    peakBusy = Math.max(peakBusy, [...slots].filter((other) => other.task).length)
    slot.deadline = setTimeout(() => {
      slot.timedOut = true
      void slot.worker.terminate()
    }, timeoutMs)
    slot.deadline.unref()
    try {
      slot.worker.postMessage({ type: 'job', id: task.id, job: task.job })
    } catch (error) {
      finish(slot, () => task.reject(error))
    }
  }

  function finish(slot: Slot, settle: (task: Task) => void): void {
    const task = slot.task
    clearTimeout(slot.deadline)
    slot.task = null
    slot.worker.unref()
    if (task) settle(task)
    startIdle(slot)
    pump()
  }

  function onMessage(slot: Slot, message: WorkerMessage): void {
    if (message.type === 'ready') {
      slot.ready = true
      slot.worker.unref()
      startIdle(slot)
      pump()
      return
    }
    const task = slot.task
    if (!task || message.id !== task.id) return
    if (message.type === 'progress') task.onProgress(message.progress)
    else if (message.type === 'done') finish(slot, (done) => done.resolve(withBuffer(message.file)))
    else if (message.type === 'error') finish(slot, (failed) => failed.reject(new Error(message.message)))
  }

  function onExit(slot: Slot, code: number): void {
    slots.delete(slot)
    clearTimeout(slot.deadline)
    clearTimeout(slot.idle)
    const task = slot.task
    if (closed) {
      task?.reject(new CoreError('INTERNAL', '读取已中止：程序正在关闭，请重新导入'))
      return
    }
    if (!slot.ready) return fallBack(slot.error?.message ?? `退出码 ${code}`)
    if (task) task.resolve(failedFile(task.job, crashMessage(slot, task.job.source.name, code)))
    pump()
  }

  function spawn(): void {
    let worker: Worker
    try {
      worker = new Worker(workerFile, { resourceLimits: { maxOldGenerationSizeMb: heapMb } })
    } catch (error) {
      return fallBack(error instanceof Error ? error.message : String(error))
    }
    started++
    const slot: Slot = { worker, ready: false, task: null }
    slots.add(slot)
    worker.on('message', (message: WorkerMessage) => onMessage(slot, message))
    worker.on('error', (error) => {
      slot.error = error
    })
    worker.on('exit', (code) => onExit(slot, code))
  }

  function pump(): void {
    if (inProcess !== null) return
    for (const slot of slots) {
      if (queue.length === 0) return
      if (slot.ready && !slot.task) assign(slot, queue.shift()!)
    }
    const starting = [...slots].filter((slot) => !slot.ready).length
    for (let wanted = Math.min(queue.length - starting, size - slots.size); wanted > 0; wanted--) spawn()
  }

  return {
    parse: (job, onProgress = () => {}) => {
      if (closed) return Promise.reject(new CoreError('INTERNAL', '读取已中止：程序正在关闭，请重新导入'))
      if (inProcess !== null) return runParseJob(job, onProgress)
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, job, onProgress, resolve, reject })
        pump()
      })
    },
    close: async () => {
      closed = true
      for (const task of queue.splice(0)) task.reject(new CoreError('INTERNAL', '读取已中止：程序正在关闭，请重新导入'))
      await Promise.all([...slots].map((slot) => slot.worker.terminate()))
    },
    stats: () => ({
      size,
      live: slots.size,
      busy: [...slots].filter((slot) => slot.task).length,
      peakBusy,
      started,
      inProcess,
    }),
  }
}
