// A parse worker that fails on purpose, chosen by file name, for the pool's tests: one that dies,
// one that outgrows its heap limit, one that never finishes. Every other file is read as usual.
import { parentPort } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
// Registered before the real worker's listener, so it sees each job first.
parentPort.on('message', (message) => {
  const name = message?.job?.source?.name ?? ''
  if (name.startsWith('崩溃')) process.exit(3)
  if (name.startsWith('内存')) {
    const hoard = []
    for (;;) hoard.push(new Array(100_000).fill(hoard.length))
  }
  if (name.startsWith('超时')) for (;;);
})
await import('../../../src-main/core/import/parseWorker.ts')
