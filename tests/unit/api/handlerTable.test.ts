// The handler table is the contract every host is derived from; these tests guard its shape.
import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { api } from '../../../src-main/core/api'
import type { CliSpec } from '../../../src-main/core/handler'
import { combineHandlerTables } from '../../../src-main/core/handlerTable'

type Definition = { type: string; innerType?: z.ZodType; in?: z.ZodType; options?: z.ZodType[] }

/**
 * The fields of the object schema behind defaults, optionals and pipes (of every option, for a
 * union such as export.form's), or null when the input is not an object.
 */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  const def = (schema as unknown as { _zod: { def: Definition } })._zod.def
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodType>
  if (def.innerType) return objectShape(def.innerType)
  if (def.type === 'pipe' && def.in) return objectShape(def.in)
  if (def.options) {
    const shapes = def.options.map(objectShape)
    return shapes.every(Boolean) ? Object.assign({}, ...shapes) : null
  }
  return null
}

const operations = Object.entries(api) as [string, { input: unknown; run: unknown; cli?: CliSpec }][]

describe('the handler table', () => {
  it('names every operation feature.verb (dotted, lower camel case)', () => {
    for (const [name] of operations) expect(name).toMatch(/^[a-z]+(\.[a-z][A-Za-z]*)+$/)
  })

  it('gives every operation a zod input schema that takes an object, and a run function', () => {
    for (const [name, operation] of operations) {
      expect(operation.input, name).toBeInstanceOf(z.ZodType)
      expect(objectShape(operation.input as z.ZodType), `${name} takes an object`).not.toBeNull()
      expect(typeof operation.run, name).toBe('function')
    }
  })

  it('maps every CLI flag and positional to a real input field', () => {
    const withCli = operations.filter(([, operation]) => operation.cli)
    expect(withCli.length).toBeGreaterThan(10)
    for (const [name, operation] of withCli) {
      const shape = objectShape(operation.input as z.ZodType) ?? {}
      const spec = operation.cli as CliSpec
      const fields = [...Object.values(spec.flags ?? {}), ...(spec.positional ? [spec.positional.field] : [])]
      for (const path of fields) {
        const [first, ...rest] = path.split('.')
        expect(Object.keys(shape), `${name}: --${path}`).toContain(first)
        if (rest.length) expect(Object.keys(objectShape(shape[first as string] as z.ZodType) ?? {}), `${name}: ${path}`).toContain(rest[0])
      }
    }
  })

  it('refuses a repeated operation name instead of letting the later table win', () => {
    const one = { 'roster.search': { cli: undefined } }
    expect(() => combineHandlerTables(one, { 'roster.search': {} })).toThrow(/"roster.search" is declared twice/)
  })

  it('refuses two operations that claim the same CLI command', () => {
    const first = { 'a.list': { cli: { command: 'list', summary: '' } } }
    const second = { 'b.list': { cli: { command: 'list', summary: '' } } }
    expect(() => combineHandlerTables(first, second)).toThrow(/"list" is declared by both "a.list" and "b.list"/)
  })
})
