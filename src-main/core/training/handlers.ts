// 培训与表彰 operations (办法 Art. 8–9): lists, save (fields + the people, replaced as a whole),
// delete, and adding/removing people. The CLI names people by ID number.
import { z } from 'zod'
import type { CoreContext } from '../context'
import { handler } from '../handler'
import { participantsFromIdNumbers } from '../activities/handlers'
import * as repo from './repository'
import * as service from './service'
import { yearInput } from '../yearInput'

const field = z
  .union([z.string().max(2000), z.number()])
  .nullable()
  .optional()
const listInput = z.object({
  year: yearInput().optional(),
  q: z.string().max(100).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})
const id = z.coerce.number().int().positive()
const people = {
  volunteerIds: z.array(z.number().int().positive()).max(5000).default([]),
  /** The CLI: ID numbers separated by commas. */
  idNumbers: z.string().max(200_000).optional(),
}

function volunteerIds(ctx: CoreContext, input: { volunteerIds: number[]; idNumbers?: string }): number[] {
  const named = input.idNumbers ? participantsFromIdNumbers(ctx, input.idNumbers).map((entry) => entry.volunteerId) : []
  return [...input.volunteerIds, ...named]
}

const trainingFields = z.object({
  name: field,
  content: field,
  hours: field,
  organizer: field,
  startedOn: field,
  endedOn: field,
  note: field,
})
const awardFields = z.object({ name: field, awardedOn: field, grantedBy: field, level: field, note: field })
const editInput = z.object({ id, add: z.string().max(200_000).optional(), remove: z.string().max(200_000).optional() })

function editPeople(ctx: CoreContext, kind: service.Kind, input: z.output<typeof editInput>) {
  const ids = (text?: string) => (text ? participantsFromIdNumbers(ctx, text).map((entry) => entry.volunteerId) : [])
  return service.editPeople(ctx, kind, input.id, { add: ids(input.add), remove: ids(input.remove) })
}

export const trainingHandlers = {
  'training.list': handler({
    input: listInput,
    run: (ctx, input) => repo.listTrainings(ctx.db, input),
    cli: {
      command: 'training list',
      flags: { year: 'year', q: 'q' },
      summary: '列出培训记录（--year 年度，--q 培训名称或参训人姓名）',
      columns: ['id', 'name', 'startedOn', 'hours', 'organizer', 'people', 'names'],
    },
  }),
  'training.get': handler({
    input: z.object({ id }),
    run: (ctx, input) => ({ ...repo.getTraining(ctx.db, input.id), people: repo.trainingPeople(ctx.db, input.id) }),
  }),
  'training.save': handler({
    input: z.object({ id: id.optional(), fields: trainingFields, ...people }),
    run: (ctx, input) => service.saveTraining(ctx, { ...input, volunteerIds: volunteerIds(ctx, input) }),
    cli: {
      command: 'training add',
      flags: {
        name: 'fields.name',
        content: 'fields.content',
        hours: 'fields.hours',
        organizer: 'fields.organizer',
        date: 'fields.startedOn',
        'end-date': 'fields.endedOn',
        note: 'fields.note',
        participants: 'idNumbers',
      },
      summary:
        '登记培训（--name --hours 学时 --date 日期 [--end-date] [--organizer] [--content] --participants 身份证号码,…）',
    },
  }),
  'training.participants': handler({
    input: editInput,
    run: (ctx, input) => editPeople(ctx, 'training', input),
    cli: {
      command: 'training participants',
      flags: { id: 'id', add: 'add', remove: 'remove' },
      summary: '增减某次培训的参训人员：--id 培训编号 [--add 身份证号码,…] [--remove 身份证号码,…]',
    },
  }),
  'training.delete': handler({
    input: z.object({ id }),
    run: (ctx, input) => service.deleteTraining(ctx, input.id),
    cli: { command: 'training delete', flags: { id: 'id' }, summary: '删除一条培训记录（--id 培训编号）' },
  }),
  'awards.list': handler({
    input: listInput,
    run: (ctx, input) => repo.listAwards(ctx.db, input),
    cli: {
      command: 'awards list',
      flags: { year: 'year', q: 'q' },
      summary: '列出表彰记录（--year 年度，--q 表彰名称或受表彰人姓名）',
      columns: ['id', 'name', 'awardedOn', 'grantedBy', 'level', 'people', 'names'],
    },
  }),
  'awards.get': handler({
    input: z.object({ id }),
    run: (ctx, input) => ({ ...repo.getAward(ctx.db, input.id), people: repo.awardPeople(ctx.db, input.id) }),
  }),
  'awards.save': handler({
    input: z.object({ id: id.optional(), fields: awardFields, ...people }),
    run: (ctx, input) => service.saveAward(ctx, { ...input, volunteerIds: volunteerIds(ctx, input) }),
    cli: {
      command: 'awards add',
      flags: {
        name: 'fields.name',
        date: 'fields.awardedOn',
        by: 'fields.grantedBy',
        level: 'fields.level',
        note: 'fields.note',
        recipients: 'idNumbers',
      },
      summary:
        '登记表彰（--name --date 日期 --by 授予单位 [--level 国家级|省级|州级|县级|校级] --recipients 身份证号码,…）',
    },
  }),
  'awards.recipients': handler({
    input: editInput,
    run: (ctx, input) => editPeople(ctx, 'award', input),
    cli: {
      command: 'awards recipients',
      flags: { id: 'id', add: 'add', remove: 'remove' },
      summary: '增减某项表彰的受表彰人员：--id 表彰编号 [--add 身份证号码,…] [--remove 身份证号码,…]',
    },
  }),
  'awards.delete': handler({
    input: z.object({ id }),
    run: (ctx, input) => service.deleteAward(ctx, input.id),
    cli: { command: 'awards delete', flags: { id: 'id' }, summary: '删除一条表彰记录（--id 表彰编号）' },
  }),
}
