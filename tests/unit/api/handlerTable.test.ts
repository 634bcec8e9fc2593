// The handler table is the contract every host is derived from; these tests guard its shape.
import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { api } from '../../../src-main/core/api'
import type { CliSpec } from '../../../src-main/core/handler'
import { combineHandlerTables } from '../../../src-main/core/handlerTable'

type Definition = { type: string; innerType?: z.ZodType; in?: z.ZodType; options?: z.ZodType[] }

/**
 * The object schemas behind defaults, optionals and pipes: one, or one per option of a union such
 * as export.form's. Empty when the input is not an object.
 */
function objectShapes(schema: z.ZodType): Record<string, z.ZodType>[] {
  const def = (schema as unknown as { _zod: { def: Definition } })._zod.def
  if (schema instanceof z.ZodObject) return [schema.shape as Record<string, z.ZodType>]
  if (def.innerType) return objectShapes(def.innerType)
  if (def.type === 'pipe' && def.in) return objectShapes(def.in)
  if (def.options) return def.options.flatMap(objectShapes)
  return []
}

/** Whether a dotted path (filters.countyCode) names a field in some object the schema accepts. */
function hasPath(schema: z.ZodType, path: readonly string[]): boolean {
  const [first, ...rest] = path
  return objectShapes(schema).some((shape) => {
    const field = shape[first as string]
    return field !== undefined && (rest.length === 0 || hasPath(field, rest))
  })
}

const operations = Object.entries(api) as [string, { input: unknown; run: unknown; cli?: CliSpec }][]

describe('the handler table', () => {
  it('names every operation feature.verb (dotted, lower camel case)', () => {
    for (const [name] of operations) expect(name).toMatch(/^[a-z]+(\.[a-z][A-Za-z]*)+$/)
  })

  it('gives every operation a zod input schema that takes an object, and a run function', () => {
    for (const [name, operation] of operations) {
      expect(operation.input, name).toBeInstanceOf(z.ZodType)
      expect(objectShapes(operation.input as z.ZodType).length, `${name} takes an object`).toBeGreaterThan(0)
      expect(typeof operation.run, name).toBe('function')
    }
  })

  it('maps every CLI flag and positional to a real input field', () => {
    const withCli = operations.filter(([, operation]) => operation.cli)
    expect(withCli.length).toBeGreaterThan(10)
    for (const [name, operation] of withCli) {
      const spec = operation.cli as CliSpec
      const fields = [...Object.values(spec.flags ?? {}), ...(spec.positional ? [spec.positional.field] : [])]
      for (const path of fields)
        expect(hasPath(operation.input as z.ZodType, path.split('.')), `${name}: ${path}`).toBe(true)
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
