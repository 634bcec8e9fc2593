// Fields that name a place on the disk (an output file, a folder, a workbook to read) belong to a
// host that may name places: the CLI, whose user types them. The renderer may not (issue 11): a
// compromised page must not write a roster anywhere, probe files or copy the database away. So a
// handler marks such a field with hostPath(…) where it declares it, and the renderer's schemas are
// derived from the table with every marked field refused (rendererSchema in host/renderer.ts).
import { z } from 'zod'

const HOST_PATHS = new WeakSet<z.ZodType>()

/** Marks a schema as a path on the host's disk: the CLI may send it, the renderer never. */
export function hostPath<Schema extends z.ZodType>(schema: Schema): Schema {
  HOST_PATHS.add(schema)
  return schema
}

const REFUSED = z.never({ error: '界面不能指定文件路径：保存位置和文件夹由程序的系统对话框选择' }).optional()

type Def = Record<string, unknown> & { type: string }
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def
const cloneWith = (schema: z.ZodType, def: Def): z.ZodType =>
  (schema as unknown as { clone: (def: Def) => z.ZodType }).clone(def)

/**
 * The schema with every hostPath-marked part refused: an object's marked field accepts only its
 * absence, a union loses its marked options (a bare path string among {name, data}). Refinements,
 * defaults and transforms of the rest stay as they are. Unchanged parts are returned as they are.
 */
export function withoutHostPaths(schema: z.ZodType): z.ZodType {
  if (HOST_PATHS.has(schema)) return REFUSED
  const def = defOf(schema)
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>
      let changed = false
      const next: Record<string, z.ZodType> = {}
      for (const [key, field] of Object.entries(shape)) {
        next[key] = withoutHostPaths(field)
        if (next[key] !== field) changed = true
      }
      return changed ? cloneWith(schema, { ...def, shape: next }) : schema
    }
    case 'union': {
      const options = def.options as z.ZodType[]
      const kept = options.filter((option) => !HOST_PATHS.has(option)).map(withoutHostPaths)
      if (kept.length === 0) return REFUSED
      return kept.length === options.length && kept.every((option, index) => option === options[index])
        ? schema
        : cloneWith(schema, { ...def, options: kept })
    }
    case 'pipe': {
      const [input, output] = [def.in as z.ZodType, def.out as z.ZodType]
      const [nextIn, nextOut] = [withoutHostPaths(input), withoutHostPaths(output)]
      return nextIn === input && nextOut === output ? schema : cloneWith(schema, { ...def, in: nextIn, out: nextOut })
    }
    case 'array':
      return rewrap(schema, def, 'element')
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return rewrap(schema, def, 'innerType')
    case 'lazy':
      throw new Error('withoutHostPaths: a lazy schema cannot be checked for host paths; declare it without z.lazy')
    default:
      return schema
  }
}

function rewrap(schema: z.ZodType, def: Def, key: string): z.ZodType {
  const inner = def[key] as z.ZodType
  const next = withoutHostPaths(inner)
  return next === inner ? schema : cloneWith(schema, { ...def, [key]: next })
}
