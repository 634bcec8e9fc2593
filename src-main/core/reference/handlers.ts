import { z } from 'zod'
import { handler } from '../handler'
import { listVocabulary, addVocabularyValue, removeVocabularyValue } from './vocabulary'
import * as repo from './repository'

const optionalText = z
  .string()
  .trim()
  .max(200)
  .nullable()
  .transform((value) => value || null)
const requiredName = z.string().trim().min(1, '名称不能为空').max(100)
const vocabularyKind = z.enum(['ethnic', 'political', 'education', 'category'])

export const referenceHandlers = {
  /** Everything the forms' drop-downs need, in one round trip. */
  'reference.all': handler({
    input: z.object({}).default({}),
    run: (ctx) => ({
      departments: repo.listDepartments(ctx.db),
      tasks: repo.listTasks(ctx.db),
      counties: repo.listCounties(ctx.db),
      teams: repo.listTeams(ctx.db),
      ethnicGroups: listVocabulary(ctx.db, 'ethnic'),
      politicalStatuses: listVocabulary(ctx.db, 'political'),
      educationLevels: listVocabulary(ctx.db, 'education'),
      categories: listVocabulary(ctx.db, 'category'),
    }),
  }),
  'reference.vocabulary.add': handler({
    input: z.object({ kind: vocabularyKind, value: requiredName }),
    run: (ctx, input) => addVocabularyValue(ctx.db, input.kind, input.value),
  }),
  'reference.vocabulary.remove': handler({
    input: z.object({ kind: vocabularyKind, value: requiredName }),
    run: (ctx, input) => ({ removed: removeVocabularyValue(ctx.db, input.kind, input.value) }),
  }),
  'reference.department.update': handler({
    input: z.object({ id: z.number().int().positive(), head: optionalText, phone: optionalText }),
    run: (ctx, input) => ctx.db.transaction(() => repo.updateDepartment(ctx.db, input.id, input))(),
  }),
  'reference.team.save': handler({
    input: z.object({
      id: z.number().int().positive().optional(),
      name: requiredName,
      parentId: z.number().int().positive().nullable(),
      kind: z.enum(['本系统', '合作']),
      note: optionalText,
    }),
    run: (ctx, input) => ({ id: ctx.db.transaction(() => repo.saveTeam(ctx.db, input))() }),
  }),
  'reference.team.delete': handler({
    input: z.object({ id: z.number().int().positive() }),
    run: (ctx, input) => ctx.db.transaction(() => repo.deleteTeam(ctx.db, input.id))(),
  }),
  'reference.leadingGroup.list': handler({
    input: z.object({}).default({}),
    run: (ctx) => repo.listLeadingGroup(ctx.db),
  }),
  'reference.leadingGroup.save': handler({
    input: z.object({
      id: z.number().int().positive().optional(),
      role: z.enum(['组长', '副组长', '成员']),
      name: requiredName,
      post: optionalText,
      phone: optionalText,
      sortOrder: z.number().int().default(0),
    }),
    run: (ctx, input) => ({ id: ctx.db.transaction(() => repo.saveLeadingGroupMember(ctx.db, input))() }),
  }),
  'reference.leadingGroup.delete': handler({
    input: z.object({ id: z.number().int().positive() }),
    run: (ctx, input) => ctx.db.transaction(() => repo.deleteLeadingGroupMember(ctx.db, input.id))(),
  }),
  'reference.unit.list': handler({
    input: z.object({ q: z.string().max(100).optional(), countyCode: z.string().max(20).optional() }),
    run: (ctx, input) => repo.listUnits(ctx.db, input),
  }),
  'reference.unit.save': handler({
    input: z.object({
      id: z.number().int().positive().nullable().optional(),
      name: requiredName,
      countyCode: z.string().max(20).nullable(),
      kind: optionalText,
      note: optionalText,
    }),
    run: (ctx, input) => ({ id: ctx.db.transaction(() => repo.saveUnit(ctx.db, input))() }),
  }),
  'reference.unit.delete': handler({
    input: z.object({ id: z.number().int().positive() }),
    run: (ctx, input) => ctx.db.transaction(() => repo.deleteUnit(ctx.db, input.id))(),
  }),
}
