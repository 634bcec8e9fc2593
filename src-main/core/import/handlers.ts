// The import operations. The UI previews, pages through rows, edits mappings and commits; the CLI
// runs preview and commit in one call (`import`). Both pass through the same code.
import { z } from 'zod'
import { hostPath } from '../hostPath'
import { handler } from '../handler'
import { outputHandler } from '../export/outputs'
import { operatorOf } from '../settings/settings'
import { createBackup } from '../db/backup'
import { runExitCode, runImport, type RunOutput } from './run'
import { errorWorkbooks, formatErrorWorkbooks, type ErrorWorkbook } from './replies'
import { cancelPreview, commitPreview, previewImport, previewRows } from './service'
import { CoreError } from '../errors'
import { batchDetail, findBatch, listBatches } from './store'
import { IMPORTABLE_FORMS, pipelineFor } from './pipelines'
import { bytesInput } from '../binary'
import { assertWithinUndoWindow, undoWindowOf, withUndoWindow } from './undoWindow'
import { yearInput } from '../yearInput'

/** A path as typed on the command line, or {name, path} / {name, data} from the UI. */
const source = z.union([
  hostPath(
    z
      .string()
      .min(1)
      .max(1000)
      .transform((path) => ({ name: path, path })),
  ),
  z
    .object({
      name: z.string().min(1).max(500),
      path: hostPath(z.string().min(1).max(1000).optional()),
      data: bytesInput.optional(),
    })
    .refine((value) => value.path !== undefined || value.data !== undefined, '文件需要 path 或 data'),
])

const previewInput = z.object({
  form: z.enum(IMPORTABLE_FORMS).default('roster'),
  /** 表2 only: the checklist's year. */
  year: yearInput().optional(),
  files: z.array(source).min(1, '请至少选择一个文件').max(1000),
  mappings: z
    .array(
      z.object({
        fileIndex: z.number().int().min(0),
        columns: z.record(z.string().max(50), z.number().int().min(1).max(64).nullable()),
      }),
    )
    .optional(),
})

const batchId = z.coerce.number().int().positive()
const previewId = z.string().uuid()

export const importHandlers = {
  'import.preview': handler({
    input: previewInput,
    run: (ctx, input) => previewImport(ctx, input),
  }),
  'import.previewRows': handler({
    input: z.object({
      previewId,
      fileIndex: z.number().int().min(0).optional(),
      action: z.enum(['create', 'update', 'unchanged', 'rejected']).optional(),
      withIssues: z.boolean().optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
    run: (ctx, input) => previewRows(ctx, input),
  }),
  'import.commit': handler({
    input: z.object({ previewId }),
    run: (ctx, input) => commitPreview(ctx, input.previewId),
  }),
  'import.cancel': handler({
    input: z.object({ previewId }),
    run: (_ctx, input) => cancelPreview(input.previewId),
  }),
  'import.run': handler({
    input: previewInput.extend({
      dryRun: z
        .union([z.boolean(), z.literal('true')])
        .default(false)
        .transform((value) => value === true || value === 'true'),
    }),
    run: (ctx, input) => runImport(ctx, input),
    cli: {
      command: 'import',
      createsLedger: true,
      flags: { form: 'form', year: 'year', 'dry-run': 'dryRun' },
      positional: { field: 'files', many: true },
      summary:
        '导入表格（.xlsx）：--form roster 花名册、plan 活动清单（加 --year）、activities 活动登记；--dry-run 只检查不写入',
      exitCode: ((result: RunOutput) => runExitCode(result)) as (result: never) => number,
    },
  }),
  'import.undo': handler({
    input: z.object({ batch: batchId }),
    run: async (ctx, input) => {
      const batch = findBatch(ctx.db, input.batch)
      if (!batch) throw new CoreError('NOT_FOUND', `找不到导入批次 ${input.batch}`)
      if (!batch.undoneAt) assertWithinUndoWindow(ctx, batch)
      await createBackup(ctx, 'undo')
      return pipelineFor(batch.form).undo(ctx, input.batch, operatorOf(ctx.db))
    },
    cli: {
      command: 'import undo',
      positional: { field: 'batch', many: false },
      summary: '撤销一次导入（之后的手工修改会保留并列出）；导入后超过撤销期限（设置，默认 30 天）不能再撤销',
    },
  }),
  'import.history': handler({
    input: z.object({
      offset: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
    run: (ctx, input) => {
      const page = listBatches(ctx.db, input.limit, input.offset)
      return { ...page, rows: withUndoWindow(ctx, page.rows) }
    },
    cli: { command: 'imports', summary: '导入历史' },
  }),
  'import.batch': handler({
    input: z.object({ batch: batchId }),
    run: (ctx, input) => {
      const detail = batchDetail(ctx.db, input.batch)
      if (!detail) throw new CoreError('NOT_FOUND', `找不到导入批次 ${input.batch}`)
      return { ...detail, ...undoWindowOf(ctx, detail.createdAt) }
    },
  }),
  'import.errors': outputHandler({
    input: z
      .object({
        batch: batchId.optional(),
        previewId: previewId.optional(),
        outDir: hostPath(z.string().min(1).max(1000).optional()),
      })
      .refine((value) => value.batch !== undefined || value.previewId !== undefined, '请指定导入批次或预览'),
    output: 'export',
    produce: async (ctx, input) => {
      const result = await errorWorkbooks(ctx, input)
      const written = result.workbooks.filter((workbook) => workbook.data || workbook.path)
      const rows = written.reduce((sum, workbook) => sum + workbook.problems, 0)
      return { result, facts: { output: `退回学校的工作簿 ${written.length} 份`, rows } }
    },
    cli: {
      command: 'errors',
      flags: { batch: 'batch', out: 'outDir' },
      summary:
        '生成退回学校的工作簿：--batch 批次 --out 文件夹；每个有问题的文件一份（首页“问题汇总”，坏单元格标红/标黄并加批注），未能读取的文件附一份说明',
      format: ((result: { workbooks: ErrorWorkbook[] }) => formatErrorWorkbooks(result)) as (result: never) => string,
    },
  }),
}
