// Issuing and voiding 志愿服务证明. Hours come from the activity records only ("who records,
// certifies"): a volunteer with no activity in the period gets no certificate. Numbering and
// writing happen in one transaction, so a crash between them leaves neither: the counter never
// runs ahead of the register, and no number is ever given twice.
import type { CoreContext } from '../context'
import { recordAudit } from '../audit/audit'
import { volunteerService } from '../activities/profile'
import { volunteerTraining } from '../training/repository'
import { CoreError } from '../errors'
import { localDay } from '../plan/plannedTime'
import { listLeadingGroup } from '../reference/repository'
import { resolvePeriod, type PeriodInput } from '../reports/period'
import { roundHours } from '../reports/hours'
import { operatorOf, readSettings } from '../settings/settings'
import {
  certificateNumber,
  findCertificate,
  insertCertificate,
  listCertificates,
  takeNextSeq,
  voidCertificate,
  type CertificateRow,
  type CertificateSnapshot,
} from './repository'

export interface IssueInput extends PeriodInput {
  volunteerIds: readonly number[]
  head?: string
  handler?: string
  phone?: string
  note?: string
}

interface VolunteerRow {
  id: number
  name: string
  gender: string
  idNumber: string
  unit: string | null
  deletedAt: string | null
}

function loadVolunteer(ctx: CoreContext, id: number): VolunteerRow {
  const row = ctx.db
    .prepare(
      'SELECT id, name, gender, id_number AS idNumber, unit, deleted_at AS deletedAt FROM volunteers WHERE id = ?',
    )
    .get(id) as VolunteerRow | undefined
  if (!row) throw new CoreError('NOT_FOUND', `没有编号为 ${id} 的志愿者，请在花名册中核对后重试。`)
  if (row.deletedAt) throw new CoreError('VALIDATION', `志愿者“${row.name}”在回收站中，请先恢复后再出具证明。`)
  return row
}

/** 负责人 defaults to the leading group's 组长, 经办人 to the operator named in the settings. */
function issuerOf(ctx: CoreContext, input: IssueInput): CertificateSnapshot['issuer'] {
  const settings = readSettings(ctx.db)
  if (!settings.unitName) throw new CoreError('VALIDATION', '出具证明须有出具单位：请先在“设置”中填写本单位名称。')
  const leader = listLeadingGroup(ctx.db).find((member) => member.role === '组长')
  return {
    unit: settings.unitName,
    head: input.head || leader?.name || null,
    handler: input.handler || settings.operatorName || null,
    phone: input.phone || null,
  }
}

function trainingOfPeriod(
  ctx: CoreContext,
  volunteerId: number,
  period: { from: string; to: string },
): CertificateSnapshot['training'] {
  const found = volunteerTraining(ctx.db, volunteerId, period)
  return {
    trainings: found.trainings.map(({ startedOn, name, hours }) => ({ startedOn, name, hours })),
    trainingHours: found.trainingHours,
    awards: found.awards.map(({ awardedOn, name, grantedBy, level }) => ({ awardedOn, name, grantedBy, level })),
  }
}

export function issueCertificates(ctx: CoreContext, input: IssueInput): CertificateRow[] {
  if (input.volunteerIds.length === 0) throw new CoreError('INVALID_INPUT', '请至少选择一名志愿者。')
  const period = resolvePeriod(input, ctx.now())
  const issuer = issuerOf(ctx, input)
  const issuedOn = localDay(ctx.now())
  const year = Number(issuedOn.slice(0, 4))
  const at = ctx.now().toISOString()
  const operator = operatorOf(ctx.db)
  const ids = ctx.db.transaction(() =>
    input.volunteerIds.map((volunteerId) => {
      const volunteer = loadVolunteer(ctx, volunteerId)
      const service = volunteerService(ctx.db, volunteerId, period)
      if (service.lines.length === 0) {
        throw new CoreError(
          'VALIDATION',
          `志愿者“${volunteer.name}”在${period.label}没有活动记录，不能出具证明（时长只按活动记录计算）。`,
        )
      }
      const snapshot: CertificateSnapshot = {
        volunteer: {
          name: volunteer.name,
          gender: volunteer.gender,
          idNumber: volunteer.idNumber,
          unit: volunteer.unit,
        },
        period: { from: period.from, to: period.to, label: period.label },
        lines: service.lines.map((line) => ({
          heldOn: line.heldOn,
          endedOn: line.endedOn,
          name: line.name,
          leader: line.leader,
          hours: line.hours,
        })),
        totals: {
          activities: service.lines.length,
          hours: roundHours(service.lines.reduce((sum, line) => sum + line.hours, 0)),
        },
        training: trainingOfPeriod(ctx, volunteerId, period),
        issuer,
        issuedOn,
        note: input.note || null,
      }
      const seq = takeNextSeq(ctx.db, year)
      const id = insertCertificate(ctx.db, { year, seq, volunteerId, snapshot, issuedAt: at, operator })
      recordAudit(ctx.db, ctx.now(), operator, {
        action: 'issue',
        entity: 'certificate',
        entityId: id,
        summary: `出具志愿服务证明 ${certificateNumber(year, seq)} ${volunteer.name}：${snapshot.totals.activities} 次，${snapshot.totals.hours} 小时`,
      })
      return id
    }),
  )()
  return listCertificates(ctx.db, { ids })
}

export function voidByNumber(ctx: CoreContext, number: string, reason: string): CertificateRow {
  const certificate = findCertificate(ctx.db, number)
  if (!certificate)
    throw new CoreError('NOT_FOUND', `登记簿中没有证明编号“${number}”，请核对（如 临教志证〔2026〕第0001号）。`)
  if (certificate.voidedAt)
    throw new CoreError(
      'CONFLICT',
      `证明 ${number} 已于 ${certificate.voidedAt.slice(0, 10)} 作废（${certificate.voidReason}）。`,
    )
  ctx.db.transaction(() => {
    voidCertificate(ctx.db, certificate.id, reason, ctx.now().toISOString())
    recordAudit(ctx.db, ctx.now(), operatorOf(ctx.db), {
      action: 'void',
      entity: 'certificate',
      entityId: certificate.id,
      summary: `作废志愿服务证明 ${number}：${reason}`,
    })
  })()
  const updated = findCertificate(ctx.db, number)
  if (!updated) throw new Error('certificate vanished')
  return updated
}
