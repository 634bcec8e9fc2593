// Issue 11 item 5: over IPC no operation takes a file path. The renderer's schemas are derived from
// the handler table (core/rendererHost.ts); this lists every one of them and looks for path fields.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { api, type OperationName } from '../../../src-main/core/api'
import { createContext, type CoreContext } from '../../../src-main/core/index'
import { MAIN_CHOSEN } from '../../../src-main/core/mainChosen'
import { invokeFromRenderer, rendererSchema } from '../../../src-main/core/rendererHost'

const PATH_LIKE =
  /^(out|outDir|outFile|outPath|path|paths|folder|dir|directory|dest|destination|target|dbPath|dataDir|file)$/i
/** Names that are not paths: a backup is chosen by its file name from backup.list and found by basename in the backup folder. */
const NOT_A_PATH: Partial<Record<OperationName, string[]>> = { 'backup.restore': ['file'] }

/** Every property (at any depth) a JSON schema accepts, as dotted names, with the schema of each. */
function acceptedProperties(schema: unknown, prefix = ''): { name: string; key: string; accepts: boolean }[] {
  if (!schema || typeof schema !== 'object') return []
  const node = schema as Record<string, unknown>
  const found: { name: string; key: string; accepts: boolean }[] = []
  const properties = node.properties as Record<string, Record<string, unknown>> | undefined
  for (const [key, value] of Object.entries(properties ?? {})) {
    const refused = JSON.stringify(value) === JSON.stringify({ not: {} })
    found.push({ name: prefix + key, key, accepts: !refused })
    found.push(...acceptedProperties(value, `${prefix}${key}.`))
  }
  for (const key of ['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties']) {
    const child = node[key]
    for (const item of Array.isArray(child) ? child : [child]) found.push(...acceptedProperties(item, prefix))
  }
  return found
}

const jsonOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })
const names = Object.keys(api) as OperationName[]

describe('the renderer’s schemas', () => {
  it('accept no path-like field in any operation of the table', () => {
    const offending = names.flatMap((name) =>
      acceptedProperties(jsonOf(rendererSchema(name)))
        .filter(
          (property) => property.accepts && PATH_LIKE.test(property.key) && !NOT_A_PATH[name]?.includes(property.key),
        )
        .map((property) => `${name}: ${property.name}`),
    )
    expect(offending).toEqual([])
  })

  it('are derived from schemas that do have paths (the CLI keeps them), so the check above can fail', () => {
    const withPaths = names.filter((name) =>
      acceptedProperties(jsonOf(api[name].input as z.ZodType)).some(
        (property) => property.accepts && PATH_LIKE.test(property.key) && !NOT_A_PATH[name]?.includes(property.key),
      ),
    )
    expect(withPaths).toEqual(
      expect.arrayContaining([
        'export.form',
        'import.preview',
        'import.run',
        'import.errors',
        'settings.moveData',
        'print.document',
        'certificates.issue',
        'template.form',
        'fill.template',
      ] as OperationName[]),
    )
  })

  it('leave bytes and the other fields as the core has them', () => {
    const preview = rendererSchema('import.preview')
    expect(preview.safeParse({ files: [{ name: '学校.xlsx', data: new Uint8Array([1, 2]) }] }).success).toBe(true)
    expect(preview.safeParse({ files: ['C:/Windows/system32/x.xlsx'] }).success).toBe(false)
    expect(preview.safeParse({ files: [{ name: 'x.xlsx', path: '/etc/passwd' }] }).success).toBe(false)
    expect(rendererSchema('export.form').safeParse({ form: 'roster' }).success).toBe(true)
    expect(
      rendererSchema('export.form').safeParse({ form: 'roster', out: '\\\\server\\share\\roster.xlsx' }).success,
    ).toBe(false)
    // Refinements of the core's schema stay: import.errors still needs a batch or a preview.
    expect(rendererSchema('import.errors').safeParse({}).success).toBe(false)
  })
})

describe('a call from the renderer', () => {
  let dir: string
  let ctx: CoreContext
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-renderer-'))
    ctx = createContext(join(dir, 'ledger.db'))
  })
  afterEach(() => {
    ctx.db.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('is refused with a Chinese message when it names a path, and the file is not written', async () => {
    const answer = await invokeFromRenderer(ctx, 'export.form', { form: 'roster', out: join(dir, 'leak.xlsx') })
    expect(answer.ok).toBe(false)
    if (!answer.ok) expect(answer.error.message).toContain('界面不能指定文件路径')
  })

  it('gets the bytes back when it names none', async () => {
    const answer = await invokeFromRenderer(ctx, 'export.form', { form: 'roster' })
    expect(answer.ok).toBe(true)
    if (answer.ok) expect((answer.value as { data: Uint8Array }).data.byteLength).toBeGreaterThan(0)
  })

  it('moves the data folder only to the folder the main process chose', async () => {
    expect(MAIN_CHOSEN['settings.moveData']?.field).toBe('folder')
    const fromPage = await invokeFromRenderer(ctx, 'settings.moveData', { folder: join(dir, 'elsewhere') })
    expect(fromPage.ok).toBe(false)
    const unchosen = await invokeFromRenderer(ctx, 'settings.moveData', {})
    expect(unchosen.ok).toBe(false)
    const wrongField = await invokeFromRenderer(ctx, 'export.form', { form: 'roster' }, { out: join(dir, 'x.xlsx') })
    expect(wrongField.ok).toBe(false)
  })
})
