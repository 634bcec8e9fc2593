import { z } from 'zod'
import { maskIdNumber, normalizeIdText } from '../domain'
import { CoreError } from '../errors'
import { handler } from '../handler'
import type { CoreContext } from '../context'
import { findByIdNumber } from '../roster/repository'
import { bytesInput } from '../binary'
import { addPhoto, listPhotos, readPhoto, removePhoto } from './photos'
import { localDay } from '../plan/plannedTime'
import { hoursChangesOf } from './hoursLog'
import { lateness, listLateEntries } from './lateEntries'
import { serviceIdentity, volunteerService } from './profile'
import { levelsReached, saveStarThresholds, standingsOf, starThresholds, STAR_LABELS } from './stars'
import { tooYoungMessage } from './rules'
import * as repo from './repository'
import { volunteerTraining } from '../training/repository'
import * as service from './service'
import { yearInput } from '../yearInput'

const field = z.union([z.string().max(2000), z.number(), z.boolean()]).optional()
const activityFields = z.object({
  name: field,
  task: field,
  heldOn: field,
  place: field,
  organizer: field,
  planSeq: field,
  participantsCount: field,
  defaultHours: field,
  targetGroup: field,
  beneficiaries: field,
  summary: field,
  highlight: field,
  note: field,
  county: field,
  team: field,
  highlightText: field,
  endedOn: field,
  leader: field,
  concentrated: field,
  lateReason: field,
  departments: z
    .union([z.string().max(500), z.array(z.string().max(50)).transform((names) => names.join('、'))])
    .optional(),
})
const participant = z.object({
  volunteerId: z.number().int().positive(),
  hours: z
    .union([z.number(), z.string().max(20)])
    .nullable()
    .optional(),
  note: z.string().max(200).nullable().optional(),
  lateReason: z.string().max(500).nullable().optional(),
  youngReason: z.string().max(500).nullable().optional(),
})
const year = yearInput()
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 YYYY-MM-DD')

/** The CLI names participants by ID number ("ID" or "ID:hours", comma-separated). */
export function participantsFromIdNumbers(ctx: CoreContext, text: string) {
  return text
    .split(/[,，;；\s]+/)
    .filter(Boolean)
    .map((entry) => {
      const [id, hours] = entry.split(':')
      const idNumber = normalizeIdText(id)
      const volunteer = findByIdNumber(ctx.db, idNumber)
      // Masked even here: the message reaches terminals, logs and screenshots (PIPL).
      if (!volunteer)
        throw new CoreError('VALIDATION', `身份证号码 ${maskIdNumber(idNumber)} 不在志愿者花名册中，请先登记该志愿者。`)
      return { volunteerId: volunteer.id, hours: hours ?? null }
    })
}

export const activityHandlers = {
  'activities.list': handler({
    input: z.object({
      year: year.optional(),
      month: z.number().int().min(1).max(12).optional(),
      taskCode: z.number().int().min(1).max(5).optional(),
      department: z.string().max(50).optional(),
      team: z.string().max(100).optional(),
      countyCode: z
        .string()
        .regex(/^(\d{6}|none)$/, { error: '县市应为 6 位代码' })
        .optional(),
      highlight: z.boolean().optional(),
      startedFrom: day.optional(),
      startedTo: day.optional(),
      concentrated: z.boolean().optional(),
      organizer: z.string().max(500).optional(),
      q: z.string().max(100).optional(),
      offset: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(500).default(50),
    }),
    run: (ctx, input) => repo.listActivities(ctx.db, input),
  }),
  'activities.get': handler({
    input: z.object({ id: z.number().int().positive() }),
    run: (ctx, input) => ({
      ...repo.getActivity(ctx.db, input.id),
      participants: repo.listParticipants(ctx.db, input.id),
    }),
  }),
  'activities.save': handler({
    input: z.object({
      id: z.number().int().positive().optional(),
      fields: activityFields,
      planItemId: z.number().int().positive().nullable().optional(),
      participants: z.array(participant).max(5000).default([]),
      participantIdNumbers: z.string().max(200_000).optional(),
      changeReason: z.string().max(500).nullable().optional(),
    }),
    run: (ctx, input) => {
      const byIdNumber = input.participantIdNumbers ? participantsFromIdNumbers(ctx, input.participantIdNumbers) : []
      return service.saveActivity(ctx, { ...input, participants: [...input.participants, ...byIdNumber] })
    },
    cli: {
      command: 'activities add',
      flags: {
        name: 'fields.name',
        date: 'fields.heldOn',
        task: 'fields.task',
        place: 'fields.place',
        organizer: 'fields.organizer',
        county: 'fields.county',
        team: 'fields.team',
        departments: 'fields.departments',
        'plan-seq': 'fields.planSeq',
        hours: 'fields.defaultHours',
        target: 'fields.targetGroup',
        beneficiaries: 'fields.beneficiaries',
        summary: 'fields.summary',
        highlight: 'fields.highlight',
        participants: 'participantIdNumbers',
        'end-date': 'fields.endedOn',
        leader: 'fields.leader',
        concentrated: 'fields.concentrated',
        'late-reason': 'fields.lateReason',
      },
      summary: '登记已开展的活动（--participants 身份证号码[:小时],… 列出参与志愿者）',
    },
  }),
  'activities.delete': handler({
    input: z.object({ id: z.number().int().positive(), reason: z.string().max(500).optional() }),
    run: (ctx, input) => service.removeActivity(ctx, input.id, input.reason),
  }),
  'activities.highlights': handler({
    input: z.object({ year }),
    run: (ctx, input) => repo.listActivities(ctx.db, { year: input.year, highlight: true, offset: 0, limit: 500 }).rows,
  }),
  'activities.photos': handler({
    input: z.object({ activityId: z.number().int().positive() }),
    run: (ctx, input) => listPhotos(ctx, input.activityId),
  }),
  'activities.photo.add': handler({
    input: z.object({
      activityId: z.number().int().positive(),
      name: z.string().min(1).max(200),
      data: bytesInput,
      thumb: bytesInput.optional(),
    }),
    run: (ctx, input) => ({ id: ctx.db.transaction(() => addPhoto(ctx, input.activityId, input))() }),
  }),
  'activities.photo.read': handler({
    input: z.object({ id: z.number().int().positive() }),
    run: (ctx, input) => readPhoto(ctx, input.id),
  }),
  'activities.photo.remove': handler({
    input: z.object({ id: z.number().int().positive() }),
    run: (ctx, input) => removePhoto(ctx, input.id),
  }),
  'volunteers.service': handler({
    input: z.object({
      volunteerId: z.number().int().positive(),
      from: z.string().optional(),
      to: z.string().optional(),
    }),
    run: (ctx, input) => ({
      ...volunteerService(
        ctx.db,
        input.volunteerId,
        input.from && input.to ? { from: input.from, to: input.to } : undefined,
      ),
      identity: serviceIdentity(ctx.db, input.volunteerId, localDay(ctx.now())),
      hoursChanges: hoursChangesOf(ctx.db, input.volunteerId),
      // 培训 学时 and 表彰 beside the service record, never added to service hours or star levels.
      training: volunteerTraining(
        ctx.db,
        input.volunteerId,
        input.from && input.to ? { from: input.from, to: input.to } : undefined,
      ),
      // Cumulative over every year, whatever period the record shows.
      star: standingsOf(ctx.db, [input.volunteerId])[input.volunteerId]!,
    }),
  }),
  'stars.levels': handler({
    input: z.object({}).default({}),
    run: (ctx) => starThresholds(ctx.db).map((hours, index) => ({ label: STAR_LABELS[index]!, hours })),
  }),
  'stars.levels.save': handler({
    input: z.object({ thresholds: z.array(z.coerce.number()).max(10) }),
    run: (ctx, input) => saveStarThresholds(ctx.db, input.thresholds),
  }),
  'stars.of': handler({
    input: z.object({ volunteerIds: z.array(z.number().int().positive()).max(500) }),
    run: (ctx, input) => standingsOf(ctx.db, input.volunteerIds),
  }),
  'stars.reached': handler({
    input: z.object({ from: day, to: day }),
    run: (ctx, input) => levelsReached(ctx.db, input),
    cli: {
      command: 'stars',
      flags: { from: 'from', to: 'to' },
      summary: '列出期间内服务时长累计达到星级（一星至五星）的志愿者',
    },
  }),
  'activities.lateEntries': handler({
    input: z.object({ from: day, to: day }),
    run: (ctx, input) => listLateEntries(ctx.db, input),
    cli: {
      command: 'activities late',
      flags: { from: 'from', to: 'to' },
      summary: '列出补录（活动结束 10 个工作日后才登记）的活动和参与人员及补录原因',
    },
  }),
  /** The form asks before adding a participant: the core's message when they are under 10 on that day. */
  'activities.youngCheck': handler({
    input: z.object({ volunteerId: z.number().int().positive(), heldOn: day }),
    run: (ctx, input) => {
      const volunteer = ctx.db
        .prepare('SELECT name, id_number AS idNumber FROM volunteers WHERE id = ?')
        .get(input.volunteerId) as { name: string; idNumber: string } | undefined
      if (!volunteer) throw new CoreError('NOT_FOUND', `花名册中找不到编号为 ${input.volunteerId} 的志愿者。`)
      return { message: tooYoungMessage(volunteer.name, volunteer.idNumber, input.heldOn) }
    },
  }),
  'activities.lateness': handler({
    input: z.object({ heldOn: day, endedOn: day.nullable().optional() }),
    run: (ctx, input) => lateness({ heldOn: input.heldOn, endedOn: input.endedOn ?? null }, localDay(ctx.now())),
  }),
}
