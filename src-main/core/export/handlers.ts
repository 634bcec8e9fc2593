// Export and template operations. Without `out` the bytes go back to the UI, which asks the clerk
// where to save them; with `out` (the CLI) the file is written and its path returned. A terminal
// cannot take bytes, so the export and template commands exit 2 when --out is missing (see cli/format.ts).
import { z } from 'zod'
import { hostPath } from '../hostPath'
import type { CoreContext } from '../context'
import {
  ACTIVITIES_FORM,
  AWARDS_FORM,
  FORMS,
  HOURS_FORM,
  MONTHLY_FORM,
  PLAN_FORM,
  ROSTER_FORM,
  TRAINING_FORM,
  YEARLY_FORM,
} from '../forms'
import { countyFilter } from '../reference/countyFilter'
import { handler } from '../handler'
import { outputHandler } from './outputs'
import { writeTemplateWorkbook } from '../xlsx/writeTemplate'
import { exportActivities } from './activities'
import { exportHighlights } from './highlights'
import { loadVocabularyLists } from './lists'
import { exportPlan } from './plan'
import { periodFields } from '../reports/handlers'
import { exportReport } from './reports'
import { exportRoster } from './roster'
import { exportTrainingList } from './training'
import { deliver, exportFileName, workbookBytes, type SavedExport } from './workbook'
import { yearInput } from '../yearInput'

const filterText = (max: number) => z.string().max(max).optional()
const rosterFilters = z
  .object({
    q: filterText(100),
    countyCode: countyFilter,
    category: filterText(100),
    team: filterText(100),
    political: filterText(50),
    unit: filterText(200),
  })
  .optional()

/** A path for the CLI; the UI leaves it out and receives the bytes. */
const outPath = hostPath(z.string().trim().min(1).max(1000).optional())

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

/** 年度 for the year-bound forms; the message says what to add when it is missing. */
const yearOf = (what: string) => yearInput(`导出${what}须指定年度，如 year: 2026（命令行 --year 2026）`)

const FORM_CHOICES =
  '可导出的表格：roster（志愿者花名册）、plan（活动清单）、activities（活动开展情况登记表）、hours（时长统计表）、monthly（月度统计）、yearly（年度统计）、training（培训记录）、awards（表彰记录）'

const exportFormInput = z.discriminatedUnion(
  'form',
  [
    z.object({
      form: z.literal('roster'),
      out: outPath,
      filters: rosterFilters,
      /** Masked by default; full numbers only when chosen for this export, and audited (export/personalNumbers.ts). */
      fullNumbers: flag,
    }),
    z.object({ form: z.literal('plan'), year: yearOf('活动清单'), out: outPath }),
    z.object({ form: z.literal('activities'), year: yearOf('活动开展情况登记表'), out: outPath, fullNumbers: flag }),
    // 表4 and 表5: a year or --from/--to, and the screen's filters (reports/filters.ts).
    z.object({ form: z.literal('hours'), ...periodFields, out: outPath, fullNumbers: flag, roundHalf: flag }),
    z.object({ form: z.literal('monthly'), ...periodFields, out: outPath }),
    z.object({ form: z.literal('yearly'), ...periodFields, out: outPath }),
    // 培训记录 / 表彰记录: every year unless one is given; numbers masked unless chosen (audited).
    z.object({ form: z.literal('training'), year: yearOf('培训记录').optional(), out: outPath, fullNumbers: flag }),
    z.object({ form: z.literal('awards'), year: yearOf('表彰记录').optional(), out: outPath, fullNumbers: flag }),
  ],
  { error: FORM_CHOICES },
)

/** What the audit history calls each form's output. */
const FORM_OUTPUTS: Record<z.output<typeof exportFormInput>['form'], string> = {
  roster: ROSTER_FORM.label,
  plan: PLAN_FORM.label,
  activities: ACTIVITIES_FORM.label,
  hours: HOURS_FORM.label,
  monthly: MONTHLY_FORM.label,
  yearly: YEARLY_FORM.label,
  training: TRAINING_FORM.label,
  awards: AWARDS_FORM.label,
}

/** An export's answer and what it wrote, for the audit entry outputHandler makes. */
const exported = (output: string) => (result: SavedExport) => ({ result, facts: { output, rows: result.rows } })

async function runExportForm(ctx: CoreContext, input: z.output<typeof exportFormInput>): Promise<SavedExport> {
  switch (input.form) {
    case 'roster': {
      const exported = await exportRoster(ctx, { filters: input.filters, fullNumbers: input.fullNumbers })
      return deliver(exported, exportFileName('志愿者花名册', ctx.now()), input.out)
    }
    case 'plan': {
      const exported = await exportPlan(ctx, input.year)
      return deliver(exported, exportFileName(PLAN_FORM.label, ctx.now(), `（${input.year}年度）`), input.out)
    }
    case 'activities': {
      const exported = await exportActivities(ctx, input.year, { fullNumbers: input.fullNumbers })
      return deliver(exported, exportFileName(ACTIVITIES_FORM.label, ctx.now(), `（${input.year}年度）`), input.out)
    }
    case 'training':
    case 'awards': {
      const exported = await exportTrainingList(ctx, input.form, input)
      const label = input.form === 'training' ? TRAINING_FORM.label : AWARDS_FORM.label
      return deliver(exported, exportFileName(label, ctx.now(), input.year ? `（${input.year}年）` : ''), input.out)
    }
    case 'hours':
    case 'monthly':
    case 'yearly':
      return exportReport(ctx, input.form, input, input.out)
  }
}

/** A terminal cannot take the bytes: without --out the CLI prints a size and exits 2 (see cli/format.ts). */
const exitWithoutFile = (result: SavedExport): number => ('data' in result ? 2 : 0)

export const exportHandlers = {
  'export.form': outputHandler({
    input: exportFormInput,
    output: 'export',
    produce: (ctx, input) => runExportForm(ctx, input).then(exported(FORM_OUTPUTS[input.form])),
    cli: {
      command: 'export',
      flags: {
        form: 'form',
        year: 'year',
        out: 'out',
        q: 'filters.q',
        county: 'filters.countyCode',
        category: 'filters.category',
        star: 'filters.starLevel',
        team: 'filters.team',
        political: 'filters.political',
        unit: 'filters.unit',
        'full-numbers': 'fullNumbers',
        'round-half': 'roundHalf',
        from: 'from',
        to: 'to',
        task: 'filters.task',
        department: 'filters.department',
      },
      summary:
        '按局定格式导出表格：--form roster|plan|activities|hours|monthly|yearly|training|awards [--year 年度 | --from 日期 --to 日期] [--county --unit --team --task --department --category] --out 文件.xlsx；plan、activities 须给 --year；身份证号码、联系电话默认打码，--full-numbers 写出完整号码（记入操作日志）；hours 可加 --round-half 把时长取整到 0.5 小时供平台上传（不改变记录）',
      exitCode: exitWithoutFile,
    },
  }),
  'export.highlights': outputHandler({
    input: z.object({ year: yearOf('工作亮点'), out: outPath }),
    output: 'export',
    produce: async (ctx, input) => {
      const highlights = await exportHighlights(ctx, input.year)
      const fileName = exportFileName('志愿服务工作亮点', ctx.now(), `（${input.year}年度）`)
      return exported('志愿服务工作亮点')(deliver(highlights, fileName, input.out))
    },
    cli: {
      command: 'export highlights',
      flags: { year: 'year', out: 'out' },
      summary: '导出年度工作亮点清单（标为亮点的活动）：--year 年度 --out 文件.xlsx',
      exitCode: exitWithoutFile,
    },
  }),
  'template.form': handler({
    input: z.object({ form: formKey, out: outPath }),
    run: (ctx, input) => runTemplate(ctx, input.form, input.out),
    cli: {
      command: 'template',
      flags: { form: 'form', out: 'out' },
      summary:
        '生成发给学校填写的空白模板（含下拉选项和填表说明）：--form roster|plan|activities|training|awards --out 文件.xlsx',
      exitCode: exitWithoutFile,
    },
  }),
}
