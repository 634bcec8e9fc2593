// Export and template operations. Without `out` the bytes go back to the UI, which asks the clerk
// where to save them; with `out` (the CLI) the file is written and its path returned.
import { z } from 'zod'
import type { CoreContext } from '../context'
import { FORMS } from '../forms'
import { handler } from '../handler'
import { writeTemplateWorkbook } from '../xlsx/writeTemplate'
import { loadVocabularyLists } from './lists'
import { exportRoster } from './roster'
import { deliver, exportFileName, workbookBytes, type SavedExport } from './workbook'

const filterText = (max: number) => z.string().max(max).optional()
const rosterFilters = z
  .object({
    q: filterText(100),
    countyCode: filterText(20),
    category: filterText(100),
    team: filterText(100),
    political: filterText(50),
    unit: filterText(200),
  })
  .optional()

/** A path for the CLI; the UI leaves it out and receives the bytes. */
const outPath = z.string().trim().min(1).max(1000).optional()

/** The CLI passes every flag as text ("--mask-ids true"); the UI passes a boolean. */
const flag = z.union([z.boolean(), z.stringbool()]).default(false)

const formKey = z
  .string()
  .refine((key) => Object.hasOwn(FORMS, key), { message: `未知的表格，可选：${Object.keys(FORMS).join('、')}` })

async function runTemplate(ctx: CoreContext, key: string, out: string | undefined): Promise<SavedExport> {
  const form = FORMS[key]
  if (!form) throw new Error(`form ${key} vanished after validation`)
  const workbook = writeTemplateWorkbook(form, { lists: loadVocabularyLists(ctx.db), now: ctx.now() })
  const data = await workbookBytes(workbook)
  return deliver({ data, rows: 0 }, `${form.label}-空白模板.xlsx`, out)
}

export const exportHandlers = {
  'export.form': handler({
    input: z.object({
      form: z.enum(['roster'], { error: '目前可导出的表格：roster（志愿者花名册）' }),
      out: outPath,
      filters: rosterFilters,
      /** Full ID numbers by default: the export is the roster's exchange copy (see export/roster.ts). */
      maskIds: flag,
    }),
    run: async (ctx, input): Promise<SavedExport> => {
      const exported = await exportRoster(ctx, { filters: input.filters, maskIds: input.maskIds })
      return deliver(exported, exportFileName('志愿者花名册', ctx.now()), input.out)
    },
    cli: {
      command: 'export',
      flags: {
        form: 'form', out: 'out', q: 'filters.q', county: 'filters.countyCode', category: 'filters.category',
        team: 'filters.team', political: 'filters.political', unit: 'filters.unit', 'mask-ids': 'maskIds',
      },
      summary: '按局定格式导出表格（--form roster --out 文件.xlsx）；身份证号码默认完整写出，--mask-ids true 则打码',
    },
  }),
  'template.form': handler({
    input: z.object({ form: formKey, out: outPath }),
    run: (ctx, input) => runTemplate(ctx, input.form, input.out),
    cli: {
      command: 'template',
      flags: { form: 'form', out: 'out' },
      summary: '生成发给学校填写的空白模板（含下拉选项和填表说明）：--form roster --out 文件.xlsx',
    },
  }),
}
