// The message handling between the Electron shell and the core's utility process, over Node's
// worker_threads channels: the same modules, without Electron.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MessageChannel, Worker } from 'node:worker_threads'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Envelope } from '../../../src-main/core/api'
import type { ProgressEvent } from '../../../src-main/core/context'
import { closeContext, createContext, invokeEnveloped } from '../../../src-main/core/index'
import { connectCore } from '../../../src-main/host/coreClient'
import { serveCore, type InvokeCore } from '../../../src-main/host/coreServer'
import { nodePort } from '../../../src-main/host/protocol'
import { CORE_EXITED, CORE_GAVE_UP, superviseCore, type CoreProcess } from '../../../src-main/host/supervisor'
import { makeFixtures, type FixturePaths } from '../import/support'

const NOW = new Date('2026-11-29T08:00:00Z')
const channels: MessageChannel[] = []
let fixtures: { dir: string; paths: FixturePaths }

beforeAll(async () => {
  fixtures = await makeFixtures()
})
afterAll(() => rmSync(fixtures.dir, { recursive: true, force: true }))
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close()
    channel.port2.close()
  }
})

function channel(invoke: InvokeCore) {
  const pair = new MessageChannel()
  channels.push(pair)
  const server = serveCore(nodePort(pair.port1), invoke)
  return { server, client: connectCore(nodePort(pair.port2)), raw: pair.port2, serverSide: pair.port1 }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the host channel', () => {
  it('answers concurrent calls each to its own id, whatever order they finish in', async () => {
    const { client } = channel(async (name, input) => {
      await wait(Number(input))
      return { ok: true, value: `${name}:${input}` }
    })
    const answers = await Promise.all([
      client.invoke('slow', 60),
      client.invoke('quick', 1),
      client.invoke('middle', 20),
    ])
    expect(answers).toEqual([
      { ok: true, value: 'slow:60' },
      { ok: true, value: 'quick:1' },
      { ok: true, value: 'middle:20' },
    ])
    expect(client.inFlight()).toBe(0)
  })

  it('sends errors as envelopes, never as a thrown exception, and forwards progress', async () => {
    let progress: (event: ProgressEvent) => void = () => {}
    const { server, client } = channel(async (name) => {
      if (name === 'throws') throw new Error('坏了')
      progress({ job: 'import', phase: '读取', done: 1, total: 2 })
      return { ok: false, error: { code: 'NOT_FOUND', message: '找不到' } }
    })
    progress = server.progress
    const events: ProgressEvent[] = []
    client.onProgress((event) => events.push(event))
    expect(await client.invoke('throws', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '程序内部错误：坏了' },
    })
    expect(await client.invoke('missing', {})).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '找不到' } })
    expect(events).toEqual([{ job: 'import', phase: '读取', done: 1, total: 2 }])
  })

  it('refuses malformed requests, and ignores answers nobody asked for', async () => {
    const calls: string[] = []
    const { client, raw, serverSide } = channel(async (name) => {
      calls.push(name)
      return { ok: true, value: null }
    })
    const seen: unknown[] = []
    raw.on('message', (data) => seen.push(data))
    raw.postMessage({ type: 'invoke', id: 7, input: {} })
    raw.postMessage({ type: 'invoke', id: 8, name: 42 })
    raw.postMessage('hello')
    raw.postMessage({ type: 'invoke', id: -1, name: 'x' })
    raw.postMessage({ type: 'something', id: 9 })
    await wait(50)
    expect(calls).toEqual([])
    expect(seen).toEqual([
      {
        type: 'result',
        id: 7,
        envelope: { ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('无法识别的请求') } },
      },
      {
        type: 'result',
        id: 8,
        envelope: { ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('无法识别的请求') } },
      },
      {
        type: 'result',
        id: 9,
        envelope: { ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('无法识别的请求') } },
      },
    ])
    // An answer to an id not asked for, or not an answer at all, changes nothing.
    serverSide.postMessage({ type: 'result', id: 999, envelope: { ok: true, value: 'stray' } })
    serverSide.postMessage({ type: 'result', id: 1, envelope: 'not an envelope' })
    serverSide.postMessage('junk')
    expect(await client.invoke('real', {})).toEqual({ ok: true, value: null })
    expect(client.inFlight()).toBe(0)
  })

  it('serves the real core: bytes as a Uint8Array, progress during an import, unknown operations refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-host-'))
    const ctx = createContext(join(dir, 'ledger.db'), { now: () => NOW })
    const { server, client } = channel((name, input) => invokeEnveloped(ctx, name, input))
    ctx.progress = server.progress
    const events: ProgressEvent[] = []
    client.onProgress((event) => events.push(event))
    try {
      const data = new Uint8Array(readFileSync(fixtures.paths.standard))
      const result = (await client.invoke('import.run', {
        form: 'roster',
        files: [{ name: '01.xlsx', data }],
      })) as Envelope<{ totals: { created: number } }>
      expect(result).toMatchObject({ ok: true, value: { totals: { created: 5 } } })
      expect(events.map((event) => event.phase)).toEqual(expect.arrayContaining(['读取', '写入']))
      expect(await client.invoke('no.such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } })
      expect(await client.invoke('system.clock', {})).toEqual({
        ok: true,
        value: { today: '2026-11-29', year: 2026, month: 11 },
      })
    } finally {
      await closeContext(ctx)
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('the supervised core process', () => {
  const dirs: string[] = []
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

  /** The core in a worker thread, standing in for Electron's utility process. */
  function coreThread(): { spawn: () => CoreProcess; threads: Worker[] } {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-supervised-'))
    dirs.push(dir)
    const threads: Worker[] = []
    const spawn = (): CoreProcess => {
      const worker = new Worker(join(import.meta.dirname, 'coreThread.mjs'), {
        workerData: { dbPath: join(dir, 'ledger.db'), now: NOW.toISOString() },
      })
      threads.push(worker)
      return {
        port: nodePort(worker),
        onExit: (listener) => void worker.once('exit', listener),
        kill: () => void worker.terminate(),
      }
    }
    return { spawn, threads }
  }

  it('answers the calls in flight with a Chinese error when the process dies, and serves the next call from a new one', async () => {
    const { spawn, threads } = coreThread()
    const core = superviseCore(spawn)
    try {
      expect(await core.invoke('system.clock', {})).toMatchObject({ ok: true })
      let killed = false
      core.onProgress(() => {
        if (killed) return
        killed = true
        void threads[0]!.terminate()
      })
      const files = Object.values(fixtures.paths)
      const importing = await core.invoke('import.run', { form: 'roster', files })
      expect(killed).toBe(true)
      expect(importing).toEqual({ ok: false, error: { code: 'INTERNAL', message: CORE_EXITED } })
      expect(await core.invoke('system.clock', {})).toEqual({
        ok: true,
        value: { today: '2026-11-29', year: 2026, month: 11 },
      })
      expect(core.restarts()).toBe(1)
      expect(threads).toHaveLength(2)
    } finally {
      core.stop()
    }
  })

  it('stops restarting a process that keeps dying', async () => {
    const { spawn, threads } = coreThread()
    const core = superviseCore(spawn, { restarts: 1, withinMs: 60_000 })
    try {
      for (const round of [0, 1]) {
        expect(await core.invoke('system.clock', {})).toMatchObject({ ok: true })
        const exited = new Promise((resolve) => threads[round]!.once('exit', resolve))
        await threads[round]!.terminate()
        await exited
        await wait(20)
      }
      expect(await core.invoke('system.clock', {})).toEqual({
        ok: false,
        error: { code: 'INTERNAL', message: CORE_GAVE_UP },
      })
      expect(threads).toHaveLength(2)
    } finally {
      core.stop()
    }
  })
})
