// Starts the core's utility process and keeps it running (host/supervisor.ts): one MessageChannelMain
// per process, its other end handed to the child at start.
import { MessageChannelMain, utilityProcess } from 'electron'
import { superviseCore, type SupervisedCore } from '../host/supervisor'
import { electronPort, type CoreHostInit } from './port'

export function startCore(entry: string, init: () => CoreHostInit): SupervisedCore {
  return superviseCore(() => {
    const { port1, port2 } = new MessageChannelMain()
    const child = utilityProcess.fork(entry, [], { serviceName: '志愿服务台账数据服务', stdio: 'inherit' })
    child.postMessage(init(), [port2])
    port1.start()
    return {
      port: electronPort(port1),
      onExit: (listener) => void child.once('exit', listener),
      kill: () => void child.kill(),
    }
  })
}
