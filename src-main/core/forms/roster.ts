import type { FormDefinition } from './types'

/** 表1 志愿者花名册 (FORMS.md). Column names and order are the bureau's. */
export const ROSTER_FORM: FormDefinition = {
  key: 'roster',
  label: '志愿者花名册',
  sheets: [
    {
      name: '花名册',
      title: '临夏州教育系统新时代文明实践志愿服务队志愿者花名册',
      columns: [
        { name: '序号', kind: 'sequence', width: 6, help: '可不填，导入时忽略' },
        { name: '姓名', field: 'name', kind: 'text', required: true, width: 10, aliases: ['志愿者姓名'], help: '必填，填写身份证上的姓名' },
        { name: '性别', field: 'gender', kind: 'text', vocabulary: 'gender', width: 6, help: '男 或 女；不填时按身份证号码识别' },
        { name: '民族', field: 'ethnic', kind: 'text', vocabulary: 'ethnic', width: 8, help: '填写标准民族名称，如 回族、汉族、东乡族' },
        { name: '出生年月', field: 'birth', kind: 'month', aliases: ['出生日期', '出生年月日'], width: 10, help: '如 1985.03；不填时按身份证号码识别' },
        { name: '政治面貌', field: 'political', kind: 'text', vocabulary: 'political', width: 12, help: '中共党员、中共预备党员、共青团员、民主党派成员、无党派人士、群众' },
        { name: '身份证号码', field: 'idNumber', kind: 'id', required: true, aliases: ['身份证号', '公民身份号码', '身份证', '身份证件号码'], width: 21, help: '必填，18 位；请先把该列设置为“文本”格式再填写，否则末尾几位会丢失' },
        { name: '学历', field: 'education', kind: 'text', vocabulary: 'education', aliases: ['最高学历'], width: 10, help: '研究生、大学本科、大学专科、中专、高中、初中及以下' },
        { name: '工作单位', field: 'unit', kind: 'text', aliases: ['单位', '所在单位', '学校', '工作单位（学校）'], width: 22, help: '学校或单位全称' },
        { name: '职务/职称', field: 'post', kind: 'text', aliases: ['职务', '职称', '职务职称', '职务（职称）'], width: 12, help: '如 校长、一级教师' },
        { name: '所在县市', field: 'county', kind: 'text', vocabulary: 'county', aliases: ['县市', '县（市）', '所在县（市）', '县区', '所在县区'], width: 12, help: '临夏市、临夏县、康乐县、永靖县、广河县、和政县、东乡族自治县、积石山保安族东乡族撒拉族自治县' },
        { name: '联系电话', field: 'phone', kind: 'phone', aliases: ['手机', '手机号码', '联系方式', '电话', '手机号'], width: 14, help: '11 位手机号码，或 0930-1234567 形式的固定电话' },
        { name: '志愿者类别', field: 'category', kind: 'text', vocabulary: 'category', aliases: ['类别'], width: 14, help: '名校长、名班主任、名师、学科带头人、骨干教师等，见下拉列表' },
        { name: '特长', field: 'speciality', kind: 'text', aliases: ['专长', '特长爱好'], width: 12, help: '如 书法、声乐、篮球' },
        { name: '所属服务队', field: 'team', kind: 'text', vocabulary: 'team', aliases: ['服务队', '所在服务队'], width: 30, help: '如 临夏州新时代助学支教志愿服务队' },
        { name: '备注', field: 'note', kind: 'text', width: 14, help: '其他需要说明的情况' },
        // Appended: a return made with the 16-column form still imports unchanged (an absent column is not given).
        { name: '志愿者编号', field: 'volunteerNo', kind: 'text', aliases: ['全国志愿服务信息系统编号', '志愿服务编号'], width: 16, help: '全国志愿服务信息系统中的志愿者编号，可不填' },
        { name: '监护人姓名', field: 'guardianName', kind: 'text', aliases: ['监护人'], width: 10, help: '未满 14 周岁的志愿者必填' },
        { name: '监护人同意日期', field: 'guardianConsentOn', kind: 'date', aliases: ['监护人同意时间'], width: 12, help: '未满 14 周岁的志愿者必填，如 2026-03-05' },
      ],
    },
  ],
}
