/** Command-line words split into the command, --flags and positional arguments. */
export interface ParsedArgs {
  words: string[]
  flags: Map<string, string[]>
}

/** Flags that never take a value. */
const SWITCHES = new Set(['json', 'dry-run', 'help', 'deleted', 'reveal', 'understood'])

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const words: string[] = []
  const flags = new Map<string, string[]>()
  const add = (name: string, value: string) => flags.set(name, [...(flags.get(name) ?? []), value])
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string
    if (arg === '--') {
      words.push(...argv.slice(index + 1))
      break
    }
    if (!arg.startsWith('--')) {
      words.push(arg)
      continue
    }
    const body = arg.slice(2)
    const equals = body.indexOf('=')
    if (equals >= 0) add(body.slice(0, equals), body.slice(equals + 1))
    else if (SWITCHES.has(body)) add(body, '')
    else {
      const value = argv[index + 1]
      if (value === undefined || value.startsWith('--')) throw new UsageError(`参数 --${body} 需要一个值`)
      add(body, value)
      index++
    }
  }
  return { words, flags }
}

export class UsageError extends Error {}

/** Sets a dotted path (fields.name) inside an object. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.')
  let node = target
  for (const key of keys.slice(0, -1)) {
    node[key] = (node[key] as Record<string, unknown> | undefined) ?? {}
    node = node[key] as Record<string, unknown>
  }
  node[keys.at(-1) as string] = value
}
