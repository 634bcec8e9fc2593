// Which Node ABI (NODE_MODULE_VERSION) a native addon was built for, and which one Electron wants,
// so scripts/electron-native.mjs can refuse a build that Electron would not load.
//
// The addon's ABI is read from the binary itself: a non-N-API addon (better-sqlite3 is one) exports
// its entry point as `node_register_module_v<ABI>`, and that name is a plain string in the file on
// every platform (ELF, PE, Mach-O). Reading it needs no loading, so it also works for a binary Node
// cannot load (Electron's ABI) and for another architecture (arm64 for UOS/Kylin). Loading it in a
// child process would only say "compiled against … NODE_MODULE_VERSION X" when X differs from Node's.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const SYMBOL = /node_register_module_v(\d+)/g

/** The ABI named in an addon's bytes; throws when it names none or several. */
export function abiOfBinary(bytes) {
  const text = Buffer.from(bytes).toString('latin1')
  const found = new Set([...text.matchAll(SYMBOL)].map((match) => Number(match[1])))
  if (found.size === 1) return [...found][0]
  if (found.size === 0)
    throw new Error(
      '在原生模块中找不到 node_register_module_v<N>，无法判断它的 ABI / no node_register_module_v<N> symbol in the addon: cannot tell its ABI',
    )
  throw new Error(
    `原生模块中有多个 ABI 版本（${[...found].join('、')}）/ the addon names several ABIs: ${[...found].join(', ')}`,
  )
}

export function abiOfFile(path, read = readFileSync) {
  return abiOfBinary(read(path))
}

/**
 * Electron's ABI for the installed electron package: the package ships it (`abi_version`, written
 * by Electron's release), else node-abi's table when that package is installed. No guess beyond that.
 */
export function electronAbi(require, version) {
  const packageDir = dirname(require.resolve('electron/package.json'))
  try {
    const shipped = Number(readFileSync(join(packageDir, 'abi_version'), 'utf8').trim())
    if (Number.isInteger(shipped) && shipped > 0) return { abi: shipped, source: 'electron/abi_version' }
  } catch {
    // An electron package without the file: fall through to node-abi.
  }
  try {
    return { abi: Number(require('node-abi').getAbi(version, 'electron')), source: 'node-abi' }
  } catch {
    throw new Error(
      `不知道 Electron ${version} 的 ABI（electron/abi_version 缺失，也没有 node-abi）/ cannot tell the ABI of Electron ${version}: ` +
        'electron/abi_version is missing and node-abi is not installed',
    )
  }
}

/** Refuses a build whose ABI is not Electron's, naming both numbers and what they mean. */
export function checkAbi(built, wanted, electronVersion) {
  if (built === wanted) return
  const hint =
    built === Number(process.versions.modules)
      ? `（${built} 是本机 Node ${process.versions.node} 的 ABI：编译时用了 Node 的头文件）`
      : ''
  throw new Error(
    `编译出的 better_sqlite3.node 的 ABI 是 ${built}，Electron ${electronVersion} 需要 ${wanted}${hint}，不能使用，未写入 native/electron。\n` +
      `The built better_sqlite3.node has ABI ${built} (NODE_MODULE_VERSION), Electron ${electronVersion} needs ${wanted}: refused, nothing written to native/electron.`,
  )
}

/**
 * The folder under native/electron/ for one target, named as electron-builder's ${os}-${arch}
 * (electron-builder.yml's extraResources); host/shellPolicy.ts's nativeTargetDir is the same rule.
 */
export function nativeTargetDir(platform, arch) {
  const os = platform === 'win32' ? 'win' : platform === 'darwin' ? 'mac' : 'linux'
  return `${os}-${arch}`
}
