// Element Plus is registered component by component (src-renderer/src/elementPlus.ts): a tag a
// template uses but the list lacks would render as nothing, so every <el-…> tag of every screen must
// be there (and nothing is registered that no screen uses).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const SOURCE = join(import.meta.dirname, '../../../src-renderer/src')

function vueFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? vueFiles(join(dir, entry.name)) : entry.name.endsWith('.vue') ? [join(dir, entry.name)] : [],
  )
}

const pascal = (tag: string) => tag.replace(/(^|-)([a-z0-9])/g, (_, __, letter: string) => letter.toUpperCase())

describe('Element Plus components', () => {
  it('registers exactly the components the templates use', () => {
    const used = new Set<string>()
    for (const file of vueFiles(SOURCE)) {
      for (const [, tag] of readFileSync(file, 'utf8').matchAll(/<(el-[a-z0-9-]+)/g)) used.add(pascal(tag!))
    }
    expect(used.size).toBeGreaterThan(20)
    // The list as written in the file (importing Element Plus needs a browser).
    const text = readFileSync(join(SOURCE, 'elementPlus.ts'), 'utf8')
    const list = text.slice(text.indexOf('ELEMENT_COMPONENTS'), text.indexOf('}', text.indexOf('ELEMENT_COMPONENTS')))
    const registered = new Set(Array.from(list.matchAll(/\b(El[A-Za-z0-9]+),/g), (match) => match[1]!))
    expect([...used].sort()).toEqual([...registered].sort())
  })
})
