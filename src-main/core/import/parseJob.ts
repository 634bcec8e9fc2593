// One file read for one sheet of a form, described as plain data so that it can be posted to a
// parse worker (parsePool.ts) or run in process with the same result.
import type { ReadLimits } from '../xlsx/readGuard'
import { parseFile, type ParsedFile } from './parseFile'
import type { PipelineOptions } from './pipeline'
import { pipelineFor } from './pipelines'
import type { ImportSource } from './types'

export interface ParseJob {
  form: string
  options: PipelineOptions
  /** Which of the form's sheets (表3 has two). */
  sheet: number
  /** What the importer's `load` gave for this batch (vocabularies, tasks, today). */
  checkData: unknown
  source: ImportSource
  index: number
  limits: ReadLimits
  manual?: Record<string, number | null>
  /** The form's remembered mappings when the job was made, by header key. */
  remembered: Record<string, Record<string, number>>
}

export type ParseProgress = { kind: 'rows'; rows: number } | { kind: 'checked'; rows: number; total: number }

export function runParseJob(
  job: ParseJob,
  onProgress: (progress: ParseProgress) => void = () => {},
): Promise<ParsedFile<unknown>> {
  const importer = pipelineFor(job.form, job.options).sheets[job.sheet]
  if (!importer) throw new Error(`表单 ${job.form} 没有第 ${job.sheet + 1} 个工作表`)
  return parseFile(job.source, job.index, {
    importer,
    check: importer.checker(job.checkData),
    limits: job.limits,
    manual: job.manual,
    remembered: (key) => job.remembered[key],
    onRows: (rows) => onProgress({ kind: 'rows', rows }),
    onChecked: (rows, total) => onProgress({ kind: 'checked', rows, total }),
  })
}

/** The file as the batch numbers it: a job made ahead of time may have guessed another index (表3). */
export function renumber(file: ParsedFile<unknown>, index: number): ParsedFile<unknown> {
  if (file.index === index) return file
  file.index = index
  file.result.fileIndex = index
  for (const row of file.rows) row.fileIndex = index
  for (const issue of file.issues) issue.fileIndex = index
  return file
}
