// Importing school returns: the chosen files, the core's preview (checked once, kept in the core
// until committed), hand-made column mappings, the commit, and the import history with undo.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { usePagedList } from '../composables/usePagedList'
import { call, onProgress, type OperationOutput } from '../api'
import { useClockStore } from './clock'
import { downloadBytes, toBytes } from '../components/files'
import { advance, preparing, startProgress, type ImportProgress } from '../views/import/progress'
import { fileBytes, keepSpreadsheets, type ChosenFile, type PickedFile } from '../views/import/readFiles'
import { zipFiles } from '../views/import/zipFiles'
import type { ImportForm } from '../views/import/importForms'

export type Preview = OperationOutput<'import.preview'>
export type PreviewFile = Preview['files'][number]
export type PreviewIssue = Preview['issues'][number]
export type PlannedRow = OperationOutput<'import.previewRows'>['rows'][number]
export type RowAction = PlannedRow['action']
export type CommitResult = OperationOutput<'import.commit'>
export type BatchRow = OperationOutput<'import.history'>['rows'][number]
export type BatchDetail = OperationOutput<'import.batch'>
export type UndoReport = OperationOutput<'import.undo'>
export type ColumnMapping = Record<string, number | null>

export interface IssueFilter {
  fileIndex: number | null
  level: '' | 'error' | 'warning'
  column: string
}

export type ImportStage = 'choose' | 'checking' | 'preview' | 'committing' | 'done'

/** Saves the error workbooks: one .xlsx as it is, several as one .zip. Returns how many. */
export async function downloadErrorWorkbooks(
  target: { batch: number } | { previewId: string },
  zipName: string,
): Promise<number> {
  const { workbooks } = await call('import.errors', target)
  // A file the core could not mark (too unusual a layout) has no bytes, only a reason: the issues list covers it.
  const files = workbooks.flatMap((workbook) =>
    workbook.data ? [{ name: workbook.name, data: toBytes(workbook.data) }] : [],
  )
  if (files.length === 1) downloadBytes(files[0]!.name, files[0]!.data)
  else if (files.length > 1) downloadBytes(zipName, zipFiles(files), 'application/zip')
  return files.length
}

export const useImportStore = defineStore('import', () => {
  const form = ref<ImportForm['key']>('roster')
  const year = ref(useClockStore().year)
  const chosen = shallowRef<ChosenFile[]>([])
  const stage = ref<ImportStage>('choose')
  const progress = ref<ImportProgress>(startProgress(0))
  const preview = shallowRef<Preview | null>(null)
  const result = shallowRef<CommitResult | null>(null)
  /** Mappings given by hand, by file index; sent again with every re-check. */
  const mappings = ref<Record<number, ColumnMapping>>({})
  /** The bytes as sent, so a re-check after a mapping does not read the disk again. */
  let encoded: { name: string; data: Uint8Array<ArrayBuffer> }[] = []
  /** Original values of rows with issues, by `${fileIndex}:${row}`, loaded per file on demand. */
  const issueValues = ref<Record<string, Record<string, string>>>({})
  const loadedValueFiles = new Set<number>()

  const totalSize = computed(() => chosen.value.reduce((sum, file) => sum + file.size, 0))
  const needsMapping = computed(() => preview.value?.files.filter((file) => file.needsMapping) ?? [])

  function addFiles(picked: PickedFile[]): { added: number; ignored: number } {
    const { added, ignored } = keepSpreadsheets(picked, chosen.value)
    chosen.value = [...chosen.value, ...added]
    return { added: added.length, ignored }
  }

  function removeFile(index: number): void {
    chosen.value = chosen.value.filter((_, position) => position !== index)
  }

  function clearFiles(): void {
    chosen.value = []
  }

  /** Runs the core's preview with progress; the core keeps the parsed rows for the commit. */
  async function runPreview(): Promise<void> {
    const stop = onProgress((event) => {
      if (event.job === 'import') progress.value = advance(progress.value, event)
    })
    try {
      const previous = preview.value?.previewId
      const input = Object.entries(mappings.value).map(([fileIndex, columns]) => ({
        fileIndex: Number(fileIndex),
        columns,
      }))
      const next = await call('import.preview', {
        form: form.value,
        year: form.value === 'plan' ? year.value : undefined,
        files: encoded,
        mappings: input.length ? input : undefined,
      })
      if (previous) void call('import.cancel', { previewId: previous }).catch(() => {})
      issueValues.value = {}
      loadedValueFiles.clear()
      preview.value = next
    } finally {
      stop()
    }
  }

  async function check(): Promise<void> {
    stage.value = 'checking'
    progress.value = startProgress(chosen.value.length)
    mappings.value = {}
    try {
      encoded = []
      for (const [index, item] of chosen.value.entries()) {
        progress.value = preparing(progress.value, index, item.name)
        encoded.push({ name: item.name, data: await fileBytes(item.file) })
      }
      await runPreview()
      stage.value = 'preview'
    } catch (error) {
      stage.value = preview.value ? 'preview' : 'choose'
      throw error
    }
  }

  /** A hand-made mapping for one file: the whole batch is checked again (the core remembers it). */
  async function applyMapping(fileIndex: number, columns: ColumnMapping): Promise<void> {
    mappings.value = { ...mappings.value, [fileIndex]: columns }
    stage.value = 'checking'
    progress.value = startProgress(encoded.length)
    try {
      await runPreview()
    } finally {
      stage.value = 'preview'
    }
  }

  async function loadIssueValues(fileIndex: number): Promise<void> {
    const previewId = preview.value?.previewId
    if (!previewId || loadedValueFiles.has(fileIndex)) return
    loadedValueFiles.add(fileIndex)
    const values: Record<string, Record<string, string>> = {}
    for (let offset = 0; ; offset += 1000) {
      const page = await call('import.previewRows', { previewId, fileIndex, withIssues: true, offset, limit: 1000 })
      for (const row of page.rows) values[`${row.fileIndex}:${row.row}`] = row.values
      if (offset + 1000 >= page.total) break
    }
    issueValues.value = { ...issueValues.value, ...values }
  }

  async function rows(query: { action?: RowAction; fileIndex?: number; offset: number; limit: number }) {
    if (!preview.value) return { total: 0, rows: [] as PlannedRow[] }
    return call('import.previewRows', { previewId: preview.value.previewId, ...query })
  }

  async function commit(): Promise<CommitResult> {
    if (!preview.value) throw new Error('no preview')
    stage.value = 'committing'
    progress.value = {
      ...startProgress(encoded.length),
      phase: '写入',
      detail: '正在写入台账（写入前已自动备份数据库）',
    }
    const stop = onProgress((event) => {
      if (event.job === 'import') progress.value = advance(progress.value, event)
    })
    try {
      result.value = await call('import.commit', { previewId: preview.value.previewId })
      preview.value = null
      encoded = []
      stage.value = 'done'
      return result.value
    } catch (error) {
      stage.value = 'preview'
      throw error
    } finally {
      stop()
    }
  }

  /** Back to choosing files; a preview not committed is dropped in the core too. */
  function reset(keepFiles = false): void {
    const previewId = preview.value?.previewId
    if (previewId) void call('import.cancel', { previewId }).catch(() => {})
    preview.value = null
    result.value = null
    mappings.value = {}
    issueValues.value = {}
    loadedValueFiles.clear()
    encoded = []
    if (!keepFiles) chosen.value = []
    stage.value = 'choose'
  }

  /** The blank form of the kind chosen, to send to schools. */
  function blankTemplate() {
    return call('template.form', { form: form.value })
  }

  return {
    form,
    year,
    chosen,
    stage,
    progress,
    preview,
    result,
    mappings,
    issueValues,
    totalSize,
    needsMapping,
    addFiles,
    removeFile,
    clearFiles,
    check,
    applyMapping,
    loadIssueValues,
    rows,
    commit,
    reset,
    blankTemplate,
  }
})

export const useImportHistoryStore = defineStore('importHistory', () => {
  const { rows, total, page, pageSize, loading, load } = usePagedList<BatchRow>((offset, limit) =>
    call('import.history', { offset, limit }),
  )

  async function detail(batch: number): Promise<BatchDetail> {
    return call('import.batch', { batch })
  }

  async function undo(batch: number): Promise<UndoReport> {
    const report = await call('import.undo', { batch })
    await load()
    return report
  }

  return { rows, total, page, pageSize, loading, load, detail, undo }
})
