// 培训记录 and 表彰记录 (办法 Art. 8–9): lists with one row per person per training / award, in the
// layout every bureau form shares (FORMS.md: title row, 填报单位/填报日期, grey headers, 填表说明).
// People are matched to the roster by 身份证号码; 姓名 must agree; 工作单位 is for the reader only
// (the roster's unit is the record).
//
// 培训记录 (sheet 培训记录): 序号 | 姓名 | 身份证号码 | 工作单位 | 培训名称 (required) | 培训内容 |
//   学时 (required, > 0, ≤ 200, one decimal) | 组织单位 | 培训日期 (required) | 结束日期 | 备注
//   A training is known by (培训名称, 培训日期): its rows gather its participants.
// 表彰记录 (sheet 表彰记录): 序号 | 姓名 | 身份证号码 | 工作单位 | 表彰名称 (required) | 表彰日期 (required) |
//   授予单位 (required) | 表彰级别 (国家级/省级/州级/县级/校级, optional) | 备注
//   An award is known by (表彰名称, 表彰日期, 授予单位).
import { ID_NUMBER_ALIASES } from './aliases'
import type { FormColumn, FormDefinition } from './types'

/** 表彰级别, the drop-down of 表彰记录 and the one list the rules accept. */
export const AWARD_LEVELS = ['国家级', '省级', '州级', '县级', '校级'] as const

const PERSON_COLUMNS: readonly FormColumn[] = [
  { name: '序号', kind: 'sequence', width: 6, help: '可不填，导入时忽略' },
  {
    name: '姓名',
    field: 'personName',
    kind: 'text',
    required: true,
    aliases: ['志愿者姓名'],
    width: 10,
    help: '必填，与花名册中的姓名一致',
  },
  {
    name: '身份证号码',
    field: 'idNumber',
    kind: 'id',
    required: true,
    aliases: ID_NUMBER_ALIASES,
    width: 21,
    help: '必填，18 位；须是花名册中已登记的志愿者；请把本列设为文本格式',
  },
  {
    name: '工作单位',
    field: 'unit',
    kind: 'text',
    aliases: ['单位', '所在单位', '学校'],
    width: 20,
    help: '供核对，以花名册登记的单位为准',
  },
]

const NOTE: FormColumn = { name: '备注', field: 'note', kind: 'text', width: 12, help: '' }

export const TRAINING_FORM: FormDefinition = {
  key: 'training',
  label: '志愿者培训记录',
  sheets: [
    {
      name: '培训记录',
      title: '临夏州教育系统新时代文明实践志愿者培训记录',
      columns: [
        ...PERSON_COLUMNS,
        {
          name: '培训名称',
          field: 'name',
          kind: 'text',
          required: true,
          aliases: ['培训项目', '培训班名称'],
          width: 22,
          help: '必填；同一次培训的各行名称和日期一致',
        },
        {
          name: '培训内容',
          field: 'content',
          kind: 'text',
          aliases: ['主要内容', '内容'],
          width: 28,
          help: '简要写明培训内容',
        },
        {
          name: '学时',
          field: 'hours',
          kind: 'decimal',
          required: true,
          aliases: ['培训学时', '课时'],
          width: 8,
          help: '必填，大于 0、不超过 200，最多一位小数，如 3 或 1.5；学时不计入志愿服务时长',
        },
        { name: '组织单位', field: 'organizer', kind: 'text', aliases: ['主办单位', '培训单位'], width: 16, help: '' },
        {
          name: '培训日期',
          field: 'startedOn',
          kind: 'date',
          required: true,
          aliases: ['开始日期', '培训时间', '日期'],
          width: 12,
          help: '必填，培训第一天，如 2026-05-10；不能晚于今天',
        },
        {
          name: '结束日期',
          field: 'endedOn',
          kind: 'date',
          width: 12,
          help: '多天的培训填最后一天；一天的不填',
        },
        NOTE,
      ],
    },
  ],
}

export const AWARDS_FORM: FormDefinition = {
  key: 'awards',
  label: '志愿者表彰记录',
  sheets: [
    {
      name: '表彰记录',
      title: '临夏州教育系统新时代文明实践志愿者表彰记录',
      columns: [
        ...PERSON_COLUMNS,
        {
          name: '表彰名称',
          field: 'name',
          kind: 'text',
          required: true,
          aliases: ['荣誉名称', '奖项名称', '表彰项目'],
          width: 22,
          help: '必填，如 优秀志愿者',
        },
        {
          name: '表彰日期',
          field: 'awardedOn',
          kind: 'date',
          required: true,
          aliases: ['授予日期', '获奖日期', '日期'],
          width: 12,
          help: '必填，如 2026-12-01；不能晚于今天',
        },
        {
          name: '授予单位',
          field: 'grantedBy',
          kind: 'text',
          required: true,
          aliases: ['表彰单位', '颁发单位'],
          width: 18,
          help: '必填，如 临夏州教育局',
        },
        {
          name: '表彰级别',
          field: 'level',
          kind: 'text',
          vocabulary: 'awardLevel',
          aliases: ['级别'],
          width: 10,
          help: '国家级、省级、州级、县级、校级；可不填',
        },
        NOTE,
      ],
    },
  ],
}
