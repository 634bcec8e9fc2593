import { z } from 'zod'
import { handler } from '../handler'
import { localDay } from './plannedTime'
import * as repo from './repository'
import * as service from './service'
import { yearInput } from '../yearInput'

const year = yearInput()
const field = z.union([z.string().max(2000), z.number()]).optional()
const planFields = z.object({
  seq: field,
  task: field,
  name: field,
  content: field,
  targetGroup: field,
  plannedText: field,
  place: field,
  departments: z
    .union([z.string().max(500), z.array(z.string().max(50)).transform((names) => names.join('、'))])
    .optional(),
  contact: field,
  phone: field,
  note: field,
})

export const planHandlers = {
  'plan.list': handler({
    input: z.object({
      year,
      taskCode: z.number().int().min(1).max(5).optional(),
      department: z.string().max(50).optional(),
      state: z.enum(['已开展', '未开展', '逾期未开展']).optional(),
    }),
    run: (ctx, input) => repo.listPlanItems(ctx.db, input, localDay(ctx.now())),
  }),
  'plan.get': handler({
    input: z.object({ id: z.number().int().positive() }),
    run: (ctx, input) => repo.getPlanItem(ctx.db, input.id, localDay(ctx.now())),
  }),
  'plan.save': handler({
    input: z.object({ id: z.number().int().positive().optional(), year, fields: planFields }),
    run: (ctx, input) => service.savePlanItem(ctx, input),
    cli: {
      command: 'plan add',
      createsLedger: true,
      flags: {
        year: 'year',
        seq: 'fields.seq',
        task: 'fields.task',
        name: 'fields.name',
        content: 'fields.content',
        target: 'fields.targetGroup',
        time: 'fields.plannedText',
        place: 'fields.place',
        departments: 'fields.departments',
        contact: 'fields.contact',
        phone: 'fields.phone',
        note: 'fields.note',
      },
      summary: '新增活动清单项目（--year 年度 --task 活动类别 --name 名称 --time 计划时间 --departments 责任科室）',
    },
  }),
  'plan.delete': handler({
    input: z.object({ id: z.number().int().positive() }),
    run: (ctx, input) => service.removePlanItem(ctx, input.id),
  }),
  'plan.copyYear': handler({
    input: z.object({ from: year, to: year }),
    run: (ctx, input) => service.copyPlan(ctx, input.from, input.to),
    cli: { command: 'plan copy', flags: { from: 'from', to: 'to' }, summary: '把一个年度的活动清单复制到另一年度' },
  }),
  'plan.years': handler({
    input: z.object({}).default({}),
    run: (ctx) => repo.planYears(ctx.db),
  }),
}
