// The certificate register's operations: issue (one or many, one PDF), list, void. Reprints and
// the 公示 list go through print.document (reports certificate, register, publicity).
import { z } from 'zod'
import { hostPath } from '../hostPath'
import type { CoreContext } from '../context'
import { CoreError } from '../errors'
import { handler } from '../handler'
import { printed, saveDocument } from '../print/save'
import { outputHandler } from '../export/outputs'
import { periodFields } from '../reports/handlers'
import { certificatesOf } from './print'
import { listCertificates } from './repository'
import { issueCertificates, voidByNumber } from './service'
import { yearInput } from '../yearInput'

const flag = z.union([z.boolean(), z.stringbool()]).default(false)
const optionalText = (max: number) => z.string().trim().max(max).optional()

/** A volunteer by the roster's number or by ID number, as the CLI's --volunteer gives either. */
const volunteerRef = z.union([z.number().int().positive(), z.string().trim().min(1).max(18)])

function resolveVolunteer(ctx: CoreContext, ref: number | string): number {
  if (typeof ref === 'number' || /^\d{1,9}$/.test(ref)) return Number(ref)
  const row = ctx.db.prepare('SELECT id FROM volunteers WHERE id_number = ?').get(ref.toUpperCase()) as
    { id: number } | undefined
  if (!row) throw new CoreError('NOT_FOUND', `花名册中没有身份证号码为 ${ref.slice(0, 6)}…的志愿者，请核对。`)
  return row.id
}

export const certificateHandlers = {
  'certificates.issue': outputHandler({
    input: z.object({
      volunteers: z
        .union([volunteerRef, z.array(volunteerRef).min(1).max(5000)])
        .transform((value) => (Array.isArray(value) ? value : [value])),
      ...periodFields,
      head: optionalText(50),
      handler: optionalText(50),
      phone: optionalText(30),
      note: optionalText(200),
      fullNumbers: flag,
      out: hostPath(z.string().trim().min(1).max(1000).optional()),
    }),
    output: 'print',
    produce: async (ctx, input) => {
      const issued = issueCertificates(ctx, {
        ...input,
        volunteerIds: input.volunteers.map((ref) => resolveVolunteer(ctx, ref)),
      })
      const certificates = issued.map((row) => ({
        id: row.id,
        number: row.number,
        name: row.volunteerName,
        activities: row.activities,
        hours: row.hours,
      }))
      // Without a file nothing is printed yet: the app prints through print.document, recorded there.
      if (!input.out) return { result: { certificates, file: undefined as string | undefined }, facts: null }
      const document = certificatesOf(ctx, issued, input.fullNumbers)
      const saved = await saveDocument(ctx, document, input.out)
      return { result: { certificates, file: saved.file }, facts: printed(document) }
    },
    cli: {
      command: 'certificate issue',
      flags: {
        volunteer: 'volunteers',
        year: 'year',
        from: 'from',
        to: 'to',
        head: 'head',
        handler: 'handler',
        phone: 'phone',
        note: 'note',
        out: 'out',
        'full-numbers': 'fullNumbers',
      },
      summary:
        '出具志愿服务证明并登记编号：--volunteer 志愿者ID或身份证号码 [--from 日期 --to 日期 | --year 年度] --out 证明.pdf',
    },
  }),
  'certificates.list': handler({
    input: z.object({ year: yearInput().optional() }),
    run: (ctx, input) => ({ rows: listCertificates(ctx.db, { year: input.year }) }),
    cli: {
      command: 'certificate list',
      flags: { year: 'year' },
      summary: '证明登记簿：[--year 年度] --json',
      columns: ['number', 'volunteerName', 'periodFrom', 'periodTo', 'hours', 'issuedOn', 'voidReason'],
    },
  }),
  'certificates.void': handler({
    input: z.object({
      number: z.string().trim().min(1).max(40),
      reason: z.string({ error: '作废须写明原因（--reason）' }).trim().min(2, { error: '作废原因至少两个字' }).max(200),
    }),
    run: (ctx, input) => voidByNumber(ctx, input.number, input.reason),
    cli: {
      command: 'certificate void',
      flags: { number: 'number', reason: 'reason' },
      summary: '作废一份证明（编号保留、不再使用）：--number 编号 --reason 原因',
    },
  }),
}
