// Reading a batch: every file is handed to the parse pool at once (the pool reads as many at a time
// as it has workers), and the results are taken in batch order, so that the files keep their
// numbers, mappings are remembered in order and reading file N+1 does not wait for file N to be
// checked. Every file is read once per sheet of the form. For a form of several sheets (表3) a file
// need not hold them all: a sheet it lacks is dropped, unless the file holds none of them.
import type { CoreContext } from '../context'
import { MESSAGES, type ReadLimits } from '../xlsx/readGuard'
import type { ParsedFile } from './parseFile'
import { renumber, type ParseJob } from './parseJob'
import type { FormPipeline } from './pipeline'
import { throttledProgress } from './progress'
import type { PreviewInput } from './service'
import { rememberedMappings, rememberMapping } from './store'

interface Dispatched {
  job: ParseJob
  result: Promise<ParsedFile<unknown>>
}

const sameMapping = (a: Record<string, number> | undefined, b: Record<string, number> | undefined) =>
  JSON.stringify(a) === JSON.stringify(b)

export async function parseBatch(
  ctx: CoreContext,
  input: PreviewInput,
  pipeline: FormPipeline,
  limits: ReadLimits,
): Promise<ParsedFile<unknown>[]> {
  const progress = throttledProgress(ctx)
  const total = input.files.length
  const overrides = new Map((input.mappings ?? []).map((override) => [override.fileIndex, override.columns]))
  const checkData = pipeline.sheets.map((importer) => importer.load(ctx))
  // Kept up to date as this batch remembers mappings: a job made earlier may need making again.
  const remembered = pipeline.sheets.map((importer) => rememberedMappings(ctx.db, importer.key))
  let read = 0
  const makeJob = (position: number, sheet: number, index: number): ParseJob => ({
    form: input.form,
    options: { year: input.year },
    sheet,
    checkData: checkData[sheet],
    source: input.files[position]!,
    index,
    limits,
    manual: overrides.get(index),
    remembered: { ...remembered[sheet] },
  })
  const run = (job: ParseJob): Dispatched => {
    const file = job.source.name
    const result = ctx.parsePool.parse(job, (event) => {
      if (event.kind === 'rows') progress({ phase: '读取', done: read, total, file, message: `已读 ${event.rows} 行` })
      else progress({ phase: '校验', done: event.rows, total: event.total, file })
    })
    // Awaited in order below; until then a failure must not count as unhandled.
    result.catch(() => {})
    void result.then(
      () => progress({ phase: '读取', done: ++read, total, file }),
      () => {},
    )
    return { job, result }
  }
  // The index a file's sheet will have if every file before it holds every sheet (always so for 表1, 表2).
  const sheets = pipeline.sheets.length
  const dispatched = input.files.map((_, position) =>
    pipeline.sheets.map((_, sheet) => run(makeJob(position, sheet, position * sheets + sheet))),
  )

  /** The job's result, made again when what it was given differs from what its place in the batch gives. */
  async function take(position: number, sheet: number, index: number): Promise<ParsedFile<unknown>> {
    const { job, result } = dispatched[position]![sheet]!
    const file = await result
    const key = file.result.headerKey
    const stale =
      overrides.get(job.index) !== overrides.get(index) ||
      (overrides.get(index) === undefined && key !== null && !sameMapping(job.remembered[key], remembered[sheet]![key]))
    return stale ? await run(makeJob(position, sheet, index)).result : renumber(file, index)
  }

  const parsed: ParsedFile<unknown>[] = []
  progress({ phase: '读取', done: 0, total, file: input.files[0]?.name }, true)
  for (const position of input.files.keys()) {
    const entries: ParsedFile<unknown>[] = []
    let firstSheet: ParsedFile<unknown> | undefined
    for (const [sheet, importer] of pipeline.sheets.entries()) {
      const index = parsed.length + entries.length
      const file = await take(position, sheet, index)
      firstSheet ??= file
      file.result.formSheet = importer.sheet.name
      if (overrides.has(index) && file.result.headerKey && file.result.missing.length === 0) {
        rememberMapping(ctx.db, importer.key, file.result.headerKey, file.result.mapping, ctx.now().toISOString())
        remembered[sheet]![file.result.headerKey] = file.result.mapping
      }
      const absent = sheets > 1 && file.result.error === MESSAGES.noHeader
      if (!absent) entries.push(file)
      // A file that cannot be read at all (.xls, damaged) is reported once, not once per sheet.
      if (file.result.status === 'failed' && !file.result.needsMapping && !absent) break
    }
    dropClaimedSheetWarnings(entries)
    if (entries.length === 0 && firstSheet) {
      // No sheet of the form at all: the file is reported once, as not holding the form's first sheet.
      delete firstSheet.result.formSheet
      entries.push(renumber(firstSheet, parsed.length))
    }
    parsed.push(...entries)
  }
  progress({ phase: '读取', done: total, total }, true)
  return parsed
}

/** "Another sheet has this header too" is no news when that sheet is the form's own other sheet (表3). */
function dropClaimedSheetWarnings(entries: ParsedFile<unknown>[]): void {
  const claimed = new Set(entries.map((entry) => entry.result.sheet))
  for (const entry of entries) {
    entry.issues = entry.issues.filter(
      (issue) => issue.row !== null || issue.sheet === entry.result.sheet || !claimed.has(issue.sheet),
    )
  }
}
