// The feature tables are joined into one. A spread would let a later table silently replace an
// operation (or a CLI command) of an earlier one, so the join refuses any repeat.
import type { CliSpec } from './handler'

type Table = Record<string, { cli?: CliSpec }>
type Joined<Tables extends readonly Table[]> = (
  Tables[number] extends infer T ? (T extends Table ? (joined: T) => void : never) : never
) extends (joined: infer All) => void
  ? All
  : never

export function combineHandlerTables<Tables extends readonly Table[]>(...tables: Tables): Joined<Tables> {
  const joined: Table = {}
  const commands = new Map<string, string>()
  for (const table of tables) {
    for (const [name, operation] of Object.entries(table)) {
      if (Object.hasOwn(joined, name)) throw new Error(`operation "${name}" is declared twice`)
      const command = operation.cli?.command
      if (command !== undefined) {
        const owner = commands.get(command)
        if (owner) throw new Error(`CLI command "${command}" is declared by both "${owner}" and "${name}"`)
        commands.set(command, name)
      }
      joined[name] = operation
    }
  }
  return joined as Joined<Tables>
}
