// The certificate register and the 公示 list as printed tables (FORMS.md, 志愿服务证明).
import type { FormSheet } from './types'

export const REGISTER_SHEET: FormSheet = {
  name: '证明登记',
  title: '临夏州教育系统志愿服务证明登记簿（{period}）',
  columns: [
    { name: '序号', kind: 'sequence', width: 6, help: '' },
    { name: '证明编号', field: 'number', kind: 'id', width: 26, help: '' },
    { name: '姓名', field: 'name', kind: 'text', width: 10, help: '' },
    { name: '身份证号码', field: 'idNumber', kind: 'id', width: 21, help: '' },
    { name: '服务时段', field: 'period', kind: 'text', width: 24, help: '' },
    { name: '活动次数', field: 'activities', kind: 'integer', width: 8, help: '' },
    { name: '服务时长（小时）', field: 'hours', kind: 'decimal', width: 10, help: '' },
    { name: '出具日期', field: 'issuedOn', kind: 'date', width: 12, help: '' },
    { name: '经办人', field: 'operator', kind: 'text', width: 10, help: '' },
    { name: '状态', field: 'status', kind: 'text', width: 18, help: '' },
  ],
}

export const PUBLICITY_SHEET: FormSheet = {
  name: '证明公示',
  title: '志愿服务证明出具情况公示（{period}）',
  columns: [
    { name: '序号', kind: 'sequence', width: 6, help: '' },
    { name: '证明编号', field: 'number', kind: 'id', width: 26, help: '' },
    { name: '姓名', field: 'name', kind: 'text', width: 10, help: '' },
    { name: '工作单位', field: 'unit', kind: 'text', width: 24, help: '' },
    { name: '服务时段', field: 'period', kind: 'text', width: 26, help: '' },
    { name: '服务时长（小时）', field: 'hours', kind: 'decimal', width: 12, help: '' },
    { name: '出具日期', field: 'issuedOn', kind: 'date', width: 12, help: '' },
  ],
}
