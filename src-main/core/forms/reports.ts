// 表4 and 表5 (FORMS.md), declared as data like 表1–表3. They are export and print only: no school
// fills them in, so they are not among FORMS (templates, imports) but go through the same writer.
import type { FormColumn, FormSheet } from './types'

export interface ReportFormDefinition {
  key: 'hours' | 'monthly' | 'yearly'
  label: string
  sheets: readonly FormSheet[]
}

const TITLE_PREFIX = '临夏州教育系统新时代文明实践志愿服务'

const column = (name: string, field: string, kind: FormColumn['kind'], width: number): FormColumn => ({
  name,
  field,
  kind,
  width,
  help: '',
})

export const HOURS_FORM: ReportFormDefinition = {
  key: 'hours',
  label: '志愿服务时长统计表',
  sheets: [
    {
      name: '时长统计',
      title: `${TITLE_PREFIX}时长统计表（{period}）`,
      columns: [
        // field: the 合计 row passes '' to keep its 序号 blank; data rows leave it out and are numbered.
        { name: '序号', field: 'seq', kind: 'sequence', width: 6, help: '' },
        column('姓名', 'name', 'text', 10),
        column('性别', 'gender', 'text', 6),
        column('工作单位', 'unit', 'text', 26),
        column('所在县市', 'county', 'text', 14),
        column('身份证号码', 'idNumber', 'id', 21),
        column('参加活动次数', 'activities', 'integer', 10),
        column('累计服务时长（小时）', 'hours', 'decimal', 12),
        column('备注', 'note', 'text', 14),
      ],
    },
  ],
}

export const MONTHLY_FORM: ReportFormDefinition = {
  key: 'monthly',
  label: '志愿服务月度统计表',
  sheets: [
    {
      name: '月度统计',
      title: `${TITLE_PREFIX}月度统计表（{period}）`,
      columns: [
        column('月份', 'label', 'month', 14),
        column('开展活动次数', 'activities', 'integer', 12),
        column('参与志愿者人次', 'volunteerTimes', 'integer', 14),
        column('服务时长合计', 'hours', 'decimal', 14),
        column('受益人数', 'beneficiaries', 'integer', 12),
        column('是否达标', 'met', 'text', 12),
      ],
    },
  ],
}

function yearlySheet(by: string): FormSheet {
  return {
    name: `年度统计（${by}）`,
    title: `${TITLE_PREFIX}年度统计表（{period}·按${by}）`,
    columns: [
      column('单位', 'name', 'text', 24),
      column('清单计划数', 'planned', 'integer', 10),
      column('已开展数', 'done', 'integer', 10),
      column('完成率', 'rate', 'percent', 10),
      column('开展活动次数', 'activities', 'integer', 10),
      column('参与人次', 'volunteerTimes', 'integer', 10),
      column('服务时长', 'hours', 'decimal', 10),
      column('受益人数', 'beneficiaries', 'integer', 10),
    ],
  }
}

/** One sheet per dimension, in the order of yearlyReport(): 责任科室, 活动类别, 所在县市. */
export const YEARLY_FORM: ReportFormDefinition = {
  key: 'yearly',
  label: '志愿服务年度统计表',
  sheets: [yearlySheet('责任科室'), yearlySheet('活动类别'), yearlySheet('所在县市')],
}

export const REPORT_FORMS = { hours: HOURS_FORM, monthly: MONTHLY_FORM, yearly: YEARLY_FORM } as const
