import type { FormDefinition } from './types'

/** 表2 志愿服务活动清单 (FORMS.md). The year goes into the title: 「…活动清单（2026年度）」. */
export const PLAN_FORM: FormDefinition = {
  key: 'plan',
  label: '志愿服务活动清单',
  sheets: [
    {
      name: '活动清单',
      title: '临夏州教育系统新时代文明实践志愿服务活动清单（{year}年度）',
      columns: [
        { name: '序号', field: 'seq', kind: 'sequence', width: 6, help: '清单内的编号，活动登记表用它关联清单项目' },
        {
          name: '活动类别',
          field: 'task',
          kind: 'text',
          vocabulary: 'task',
          aliases: ['类别', '任务类别', '活动类型'],
          width: 11,
          help: '教育宣讲、送教下乡、送艺下乡、劳动实践、送法下乡',
        },
        {
          name: '活动名称',
          field: 'name',
          kind: 'text',
          required: true,
          aliases: ['项目名称', '活动项目'],
          width: 22,
          help: '必填',
        },
        {
          name: '活动内容',
          field: 'content',
          kind: 'text',
          aliases: ['主要内容', '内容'],
          width: 36,
          help: '简要写明活动内容',
        },
        { name: '服务对象', field: 'targetGroup', kind: 'text', width: 14, help: '如 农村中小学学生、教职工' },
        {
          name: '计划时间',
          field: 'plannedText',
          kind: 'text',
          aliases: ['时间安排', '计划开展时间', '时间'],
          width: 14,
          help: '某月（2026年3月）、某日（2026-03-05）或时间段（2026年3月—5月）',
        },
        { name: '活动地点', field: 'place', kind: 'text', aliases: ['地点'], width: 14, help: '' },
        {
          name: '责任科室',
          field: 'departments',
          kind: 'text',
          vocabulary: 'department',
          aliases: ['责任单位', '牵头科室', '责任部门'],
          width: 20,
          help: '十个科室中的一个或几个，用“、”分隔',
        },
        { name: '联系人', field: 'contact', kind: 'text', width: 9, help: '' },
        {
          name: '联系电话',
          field: 'phone',
          kind: 'phone',
          aliases: ['电话', '手机'],
          width: 14,
          help: '11 位手机号码或 0930-1234567',
        },
        {
          name: '完成情况',
          field: 'status',
          kind: 'text',
          exportOnly: true,
          width: 18,
          help: '导出时自动生成：已开展（日期）、未开展、逾期未开展',
        },
        { name: '备注', field: 'note', kind: 'text', width: 12, help: '' },
      ],
    },
  ],
}
