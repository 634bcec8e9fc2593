import { z } from 'zod'
import { checkIdNumber, formatBirthMonth, validatePerson } from '../domain'
import { countyFilter } from '../reference/countyFilter'
import { handler } from '../handler'
import { loadPersonVocabulary } from '../reference/vocabulary'
import * as repo from './repository'
import * as service from './service'
import { purgeFromRecycleBin } from './purge'

const text = z.string().max(500)
const personFields = z
  .object({
    name: text,
    gender: text,
    ethnic: text,
    birth: text,
    political: text,
    idNumber: text,
    education: text,
    unit: text,
    post: text,
    county: text,
    phone: text,
    category: text,
    speciality: text,
    team: text,
    note: text,
    volunteerNo: text,
    guardianName: text,
    guardianConsentOn: text,
  })
  .partial()

const ids = z.array(z.number().int().positive()).min(1).max(100_000)

export const rosterHandlers = {
  'roster.search': handler({
    input: z.object({
      q: z.string().max(100).optional(),
      countyCode: countyFilter,
      category: z.string().max(100).optional(),
      team: z.string().max(100).optional(),
      political: z.string().max(50).optional(),
      unit: z.string().max(200).optional(),
      deleted: z.boolean().optional(),
      sort: z.enum(['pinyin', 'updated', 'unit', 'birth']).optional(),
      descending: z.boolean().optional(),
      offset: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(500).default(50),
    }),
    run: (ctx, input) => repo.searchRoster(ctx.db, input),
    cli: {
      command: 'volunteers search',
      flags: { q: 'q', county: 'countyCode', unit: 'unit', limit: 'limit', offset: 'offset' },
      summary: '按姓名、拼音首字母、全拼、身份证或电话片段、单位查找志愿者',
      columns: ['name', 'gender', 'birth', 'idMasked', 'phoneMasked', 'unit', 'countyName', 'category'],
    },
  }),
  'roster.get': handler({
    input: z.object({ id: z.number().int().positive() }),
    run: (ctx, input) => repo.getView(ctx.db, input.id),
  }),
  'roster.reveal': handler({
    input: z.object({ id: z.number().int().positive(), field: z.enum(['idNumber', 'phone']) }),
    run: (ctx, input) => service.revealVolunteer(ctx, input.id, input.field),
  }),
  'roster.save': handler({
    input: z.object({
      id: z.number().int().positive().optional(),
      fields: personFields,
      mode: z.enum(['replace', 'keep']).default('keep'),
    }),
    run: (ctx, input) => service.saveVolunteer(ctx, input),
    cli: {
      command: 'volunteers add',
      createsLedger: true,
      flags: {
        name: 'fields.name',
        id: 'fields.idNumber',
        gender: 'fields.gender',
        ethnic: 'fields.ethnic',
        birth: 'fields.birth',
        political: 'fields.political',
        education: 'fields.education',
        unit: 'fields.unit',
        post: 'fields.post',
        county: 'fields.county',
        phone: 'fields.phone',
        category: 'fields.category',
        speciality: 'fields.speciality',
        team: 'fields.team',
        note: 'fields.note',
        'volunteer-no': 'fields.volunteerNo',
        guardian: 'fields.guardianName',
        'guardian-consent': 'fields.guardianConsentOn',
      },
      summary: '新增志愿者；身份证号码已在花名册中时更新其信息（空值不覆盖原有信息）',
    },
  }),
  /** The form's live check: the same rules as saving and importing, without writing anything. */
  'roster.validate': handler({
    input: z.object({ fields: personFields }),
    run: (ctx, input) => {
      const result = validatePerson(input.fields, { vocabulary: loadPersonVocabulary(ctx.db), today: ctx.now() })
      // What a valid ID alone tells, so the form can fill 性别 and 出生年月 before the rest is right.
      const id = checkIdNumber(input.fields.idNumber ?? '', ctx.now())
      const derived = id.ok ? { gender: id.gender, birth: formatBirthMonth(id.birth) } : null
      return { ...result, derived }
    },
  }),
  'roster.delete': handler({
    input: z.object({ ids }),
    run: (ctx, input) => ({ moved: service.moveToRecycleBin(ctx, input.ids) }),
  }),
  'roster.restore': handler({
    input: z.object({ ids }),
    run: (ctx, input) => ({ restored: service.restoreFromRecycleBin(ctx, input.ids) }),
  }),
  'roster.purge': handler({
    input: z.object({ ids }),
    run: (ctx, input) => purgeFromRecycleBin(ctx, input.ids),
  }),
  'roster.filterOptions': handler({
    input: z.object({}).default({}),
    run: (ctx) => ({
      units: repo.distinctValues(ctx.db, 'unit'),
      teams: repo.distinctValues(ctx.db, 'team'),
      categories: repo.distinctValues(ctx.db, 'category'),
    }),
  }),
}
