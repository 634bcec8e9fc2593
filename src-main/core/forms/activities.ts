import type { FormDefinition } from './types'

/** 表3 志愿服务活动开展情况登记表 (FORMS.md): two sheets, the activities and who served in them. */
export const ACTIVITIES_FORM: FormDefinition = {
  key: 'activities',
  label: '志愿服务活动开展情况登记表',
  sheets: [
    {
      name: '活动登记',
      title: '临夏州教育系统新时代文明实践志愿服务活动开展情况登记表',
      columns: [
        { name: '序号', kind: 'sequence', width: 6, help: '可不填，导入时忽略' },
        { name: '活动名称', field: 'name', kind: 'text', required: true, aliases: ['项目名称'], width: 22, help: '必填；与“参与名单”中的活动名称一致' },
        { name: '活动类别', field: 'task', kind: 'text', vocabulary: 'task', aliases: ['类别', '任务类别'], width: 11, help: '教育宣讲、送教下乡、送艺下乡、劳动实践、送法下乡' },
        { name: '开展日期', field: 'heldOn', kind: 'date', required: true, aliases: ['活动日期', '开展时间', '日期'], width: 12, help: '必填，如 2026-03-05；不能晚于今天' },
        { name: '开展地点', field: 'place', kind: 'text', aliases: ['活动地点', '地点'], width: 16, help: '' },
        { name: '组织单位', field: 'organizer', kind: 'text', aliases: ['主办单位', '承办单位'], width: 16, help: '' },
        { name: '责任科室', field: 'departments', kind: 'text', vocabulary: 'department', aliases: ['责任单位', '牵头科室'], width: 16, help: '十个科室中的一个或几个，用“、”分隔' },
        { name: '清单序号', field: 'planSeq', kind: 'integer', aliases: ['对应清单序号'], width: 8, help: '本活动落实的年度活动清单项目的序号（同一年度），可不填' },
        { name: '参与志愿者人数', field: 'participantsCount', kind: 'integer', aliases: ['志愿者人数', '参与人数'], width: 10, help: '导出时按参与名单统计' },
        { name: '服务时长（小时）', field: 'defaultHours', kind: 'decimal', aliases: ['服务时长', '时长', '服务时长(小时)'], width: 10, help: '每名志愿者的服务时长，参与名单未填时长的按此计；大于 0、每天不超过 24' },
        { name: '服务对象', field: 'targetGroup', kind: 'text', width: 14, help: '' },
        { name: '受益人数', field: 'beneficiaries', kind: 'integer', aliases: ['服务人数', '受益人次'], width: 9, help: '整数' },
        { name: '活动简介', field: 'summary', kind: 'text', aliases: ['活动内容', '简介'], width: 30, help: '' },
        { name: '是否亮点', field: 'highlight', kind: 'text', vocabulary: 'yesNo', aliases: ['亮点'], width: 8, help: '是 或 否' },
        { name: '备注', field: 'note', kind: 'text', width: 12, help: '' },
        // Appended in FORMS.md's order, then 亮点做法: a return made with the 15-column form still imports
        // unchanged (an absent column is simply not given).
        { name: '结束日期', field: 'endedOn', kind: 'date', aliases: ['截止日期', '结束时间'], width: 12, help: '活动持续多天时填最后一天，如 2026-07-18；一天内结束的不填。开展日期是第一天' },
        { name: '活动负责人', field: 'leader', kind: 'text', aliases: ['负责人', '活动负责人姓名'], width: 10, help: '负责本次活动的人员姓名' },
        { name: '是否集中服务', field: 'concentrated', kind: 'text', vocabulary: 'yesNo', aliases: ['集中服务'], width: 8, help: '是 或 否；计入全年不少于 12 次集中服务。不填时本系统服务队的活动按“是”' },
        { name: '补录原因', field: 'lateReason', kind: 'text', aliases: ['补录说明'], width: 16, help: '活动结束超过 10 个工作日才登记的，须写明原因' },
        { name: '亮点做法', field: 'highlightText', kind: 'text', aliases: ['亮点做法及成效', '典型做法'], width: 30, help: '标为亮点的活动：做法和成效，供年度工作亮点汇总；可不填' },
      ],
    },
    {
      name: '参与名单',
      title: '临夏州教育系统新时代文明实践志愿服务活动参与志愿者名单',
      columns: [
        { name: '序号', kind: 'sequence', width: 6, help: '可不填，导入时忽略' },
        { name: '活动名称', field: 'activityName', kind: 'text', required: true, width: 22, help: '必填；与“活动登记”中的活动名称一致' },
        { name: '开展日期', field: 'heldOn', kind: 'date', required: true, aliases: ['活动日期', '日期'], width: 12, help: '必填；与“活动登记”中的开展日期一致' },
        { name: '姓名', field: 'name', kind: 'text', required: true, width: 10, help: '必填；须与花名册一致' },
        { name: '身份证号码', field: 'idNumber', kind: 'id', required: true, aliases: ['身份证号', '公民身份号码', '身份证'], width: 21, help: '必填；该志愿者须已在花名册中；请把该列设为“文本”格式' },
        { name: '服务时长（小时）', field: 'hours', kind: 'decimal', aliases: ['服务时长', '时长', '服务时长(小时)'], width: 10, help: '不填时按活动登记中的服务时长计' },
        { name: '备注', field: 'note', kind: 'text', width: 14, help: '' },
      ],
    },
  ],
}
