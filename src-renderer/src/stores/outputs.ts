// 导出与打印: the catalogue of what the bureau sends upward and the calls that make it. The core
// makes every document (print.document → HTML, print.pdf → PDF bytes, export.form → workbook); this
// store only names them and passes the clerk's choices on.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { call, type OperationInput } from '../api'
import { periodInput, type DayRange } from '../period'

export type ReportKey = OperationInput<'print.document'>['report']

export interface ReportEntry {
  key: ReportKey
  label: string
  /** The report counts a period (表4/表5), so the date range and the filters apply. */
  statistics?: boolean
  /** It carries ID numbers, so the clerk may choose full numbers for this one output. */
  personal?: boolean
  /** An Excel export exists (export.form or export.highlights). */
  excel?: boolean
}

export const REPORTS: ReportEntry[] = [
  { key: 'roster', label: '表1 志愿者花名册', personal: true, excel: true },
  { key: 'plan', label: '表2 志愿服务活动清单', excel: true },
  { key: 'activities', label: '表3 活动开展情况登记表', personal: true, excel: true },
  { key: 'hours', label: '表4 志愿服务时长统计表', statistics: true, personal: true, excel: true },
  { key: 'monthly', label: '表5 月度统计', statistics: true, excel: true },
  { key: 'yearly', label: '表5 年度统计', statistics: true, excel: true },
  { key: 'highlights', label: '工作亮点清单', excel: true },
  { key: 'register', label: '志愿服务证明登记簿', personal: true },
  { key: 'publicity', label: '志愿服务证明公示名单' },
]

export interface OutputChoices {
  report: ReportKey
  year: number
  range: DayRange
  filters: { countyCode?: string; task?: string; department?: string; team?: string }
  fullNumbers: boolean
  /** 表4's Excel only: hours rounded to 0.5 h for a platform upload; the records never change. */
  roundHalf: boolean
}

function filtersOf(choices: OutputChoices): OutputChoices['filters'] | undefined {
  const entries = Object.entries(choices.filters).filter(([, value]) => value)
  return entries.length ? Object.fromEntries(entries) : undefined
}

export function printInput(choices: OutputChoices): OperationInput<'print.document'> {
  const entry = REPORTS.find((candidate) => candidate.key === choices.report)
  return {
    report: choices.report,
    ...(entry?.statistics ? periodInput(choices.year, choices.range) : { year: choices.year }),
    filters: entry?.statistics ? filtersOf(choices) : undefined,
    fullNumbers: entry?.personal ? choices.fullNumbers : false,
  }
}

export const useOutputsStore = defineStore('outputs', () => {
  const html = ref('')
  const title = ref('')

  async function preview(choices: OutputChoices): Promise<void> {
    // The preview is always masked: full numbers are for the one file or paper the clerk asks for.
    const document = await call('print.document', { ...printInput(choices), fullNumbers: false })
    if ('html' in document) {
      html.value = document.html
      title.value = document.title
    }
  }

  function pdf(choices: OutputChoices) {
    return pdfOf(printInput(choices))
  }

  /** A PDF of any of the core's printed documents (a list screen's 打印, a certificate, a 亮点 page). */
  function pdfOf(input: OperationInput<'print.pdf'>) {
    return call('print.pdf', input)
  }

  function excel(choices: OutputChoices) {
    const input = printInput(choices)
    switch (choices.report) {
      case 'roster':
        return call('export.form', { form: 'roster', fullNumbers: input.fullNumbers })
      case 'plan':
        return call('export.form', { form: 'plan', year: choices.year })
      case 'activities':
        return call('export.form', { form: 'activities', year: choices.year, fullNumbers: input.fullNumbers })
      case 'hours':
      case 'monthly':
      case 'yearly':
        return call('export.form', {
          form: choices.report,
          year: input.year,
          from: input.from,
          to: input.to,
          filters: input.filters,
          fullNumbers: input.fullNumbers,
          ...(choices.report === 'hours' ? { roundHalf: choices.roundHalf } : {}),
        })
      case 'highlights':
        return call('export.highlights', { year: choices.year })
      default:
        throw new Error(`${choices.report} has no Excel export`)
    }
  }

  /** The clerk's own template filled with 表1 or 表4 rows (fill.template). */
  function fill(choices: OutputChoices, template: { name: string; data: Uint8Array<ArrayBuffer> }) {
    const input = printInput(choices)
    return call('fill.template', {
      template,
      form: choices.report === 'hours' ? 'hours' : 'roster',
      year: input.year,
      from: input.from,
      to: input.to,
      filters: input.filters,
      fullNumbers: input.fullNumbers,
    })
  }

  return { html, title, preview, pdf, pdfOf, excel, fill }
})
