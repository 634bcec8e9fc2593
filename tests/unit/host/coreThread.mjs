// The core served over a thread's parentPort, as coreHost.ts serves it over Electron's MessagePort:
// the supervisor's tests use a worker thread where the app uses a utility process.
import { parentPort, workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
const { createContext, invokeEnveloped } = await import('../../../src-main/core/index.ts')
const { serveCore } = await import('../../../src-main/host/coreServer.ts')
const { nodePort } = await import('../../../src-main/host/protocol.ts')

const ctx = createContext(workerData.dbPath, { now: () => new Date(workerData.now) })
const server = serveCore(nodePort(parentPort), (name, input) => invokeEnveloped(ctx, name, input))
ctx.progress = server.progress
