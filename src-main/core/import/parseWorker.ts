// A parse worker (worker_threads): receives one ParseJob at a time from parsePool.ts, runs it and
// posts back the parsed file, with the school's bytes transferred rather than copied.
import { parentPort } from 'node:worker_threads'
import { runParseJob, type ParseJob } from './parseJob'
import type { ParsedFile } from './parseFile'

/** The pool forwards at most this often; the core throttles again before the UI. */
const PROGRESS_INTERVAL_MS = 200

function transferable(file: ParsedFile<unknown>): ArrayBuffer[] {
  const bytes = file.bytes
  if (!bytes) return []
  // A small Buffer may be a slice of Node's shared pool: give the pool its own copy to take.
  if (bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength) {
    file.bytes = Buffer.from(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
  }
  return [file.bytes!.buffer as ArrayBuffer]
}

const port = parentPort
if (!port) throw new Error('parseWorker must run in a worker thread')

port.on('message', async (message: { type?: string; id?: number; job?: ParseJob }) => {
  if (message?.type !== 'job' || typeof message.id !== 'number' || !message.job) return
  const { id, job } = message
  let last = 0
  try {
    const file = await runParseJob(job, (progress) => {
      const now = Date.now()
      if (now - last < PROGRESS_INTERVAL_MS) return
      last = now
      port.postMessage({ type: 'progress', id, progress })
    })
    port.postMessage({ type: 'done', id, file }, transferable(file))
  } catch (error) {
    port.postMessage({ type: 'error', id, message: error instanceof Error ? error.message : String(error) })
  }
})

port.postMessage({ type: 'ready' })
