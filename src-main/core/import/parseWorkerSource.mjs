// The parse worker when the core runs from its TypeScript source (vitest, the CLI under tsx):
// register tsx in this thread, then load the worker. The Electron build runs out/main/parseWorker.js.
import { register } from 'tsx/esm/api'

register()
await import('./parseWorker.ts')
