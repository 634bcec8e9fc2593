// fill.template: the clerk's own .xlsx filled with one row per volunteer (表1) or per volunteer's
// hours (表4) — also how a clerk fills the upload template of a national platform.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import ExcelJS from 'exceljs'
import { z } from 'zod'
import { hostPath } from '../hostPath'
import { bytesInput } from '../binary'
import type { CoreContext } from '../context'
import { CoreError } from '../errors'
import { outputHandler } from '../export/outputs'
import { deliver, workbookBytes, type SavedExport } from '../export/workbook'
import { periodFields, REPORT_FLAGS } from '../reports/handlers'
import { fillRecords, knownPlaceholders, type FillForm } from './records'
import { checkPlaceholders, fillTemplateRow, findTemplateRow } from './template'

const MAX_TEMPLATE_BYTES = 20 * 1024 * 1024

const templateInput = z.union([
  z.string().trim().min(1).max(1000),
  z.object({ name: z.string().min(1).max(200), data: bytesInput }),
])

function templateBytes(template: z.output<typeof templateInput>): { name: string; bytes: Buffer } {
  if (typeof template !== 'string') return { name: template.name, bytes: Buffer.from(template.data) }
  try {
    return { name: basename(template), bytes: readFileSync(template) }
  } catch {
    throw new CoreError('FILE', `找不到或无法打开模板文件：${template}`)
  }
}

async function loadTemplate(name: string, bytes: Buffer): Promise<ExcelJS.Workbook> {
  if (!/\.xlsx$/i.test(name))
    throw new CoreError('FILE', `模板“${name}”不是 .xlsx 文件：请用 Excel 或 WPS 另存为 .xlsx 后再选择。`)
  if (bytes.byteLength > MAX_TEMPLATE_BYTES) throw new CoreError('FILE', `模板“${name}”超过 20 MB。`)
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw new CoreError('FILE', `模板“${name}”已损坏或不是 Excel 工作簿，请在 Excel 或 WPS 中打开检查后另存为 .xlsx。`)
  }
  return workbook
}

async function fillTemplate(
  ctx: CoreContext,
  input: z.output<typeof fillInput>,
): Promise<{ result: SavedExport; facts: { output: string; rows: number } }> {
  const { name, bytes } = templateBytes(input.template)
  const workbook = await loadTemplate(name, bytes)
  const template = findTemplateRow(workbook, name)
  checkPlaceholders(template, knownPlaceholders(input.form), name)
  const records = fillRecords(ctx, input.form, input)
  fillTemplateRow(template, records)
  const data = await workbookBytes(workbook)
  const result = deliver({ data, rows: records.length }, name.replace(/\.xlsx$/i, '（已填写）.xlsx'), input.out)
  return { result, facts: { output: `自定义模板“${name}”`, rows: records.length } }
}

const fillInput = z.object({
  template: templateInput,
  form: z.enum(['roster', 'hours'] satisfies FillForm[], {
    error: '可填写的内容：roster（花名册）、hours（时长统计）',
  }),
  ...periodFields,
  filters: periodFields.filters
    .unwrap()
    .extend({ q: z.string().max(100).optional(), political: z.string().max(50).optional() })
    .optional(),
  fullNumbers: z.union([z.boolean(), z.stringbool()]).default(false),
  out: hostPath(z.string().trim().min(1).max(1000).optional()),
})

export const fillHandlers = {
  'fill.template': outputHandler({
    input: fillInput,
    output: 'export',
    produce: fillTemplate,
    cli: {
      command: 'fill',
      flags: {
        template: 'template',
        form: 'form',
        ...REPORT_FLAGS,
        out: 'out',
        'full-numbers': 'fullNumbers',
      },
      summary:
        '按自己的模板填写：--template 模板.xlsx（一行写 {{姓名}}、{{身份证号码}}、{{累计服务时长}} 等占位符）--form roster|hours --out 结果.xlsx',
      exitCode: (result: SavedExport) => ('data' in result ? 2 : 0),
    },
  }),
}
