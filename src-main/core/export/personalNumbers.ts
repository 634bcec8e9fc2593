// Personal numbers in outputs (FORMS.md, DOMAIN.md, PIPL): every export and print writes ID and
// phone numbers masked unless the clerk chose full numbers for that one output, and that choice
// is written to the audit history (who, when, which output, how many rows). One module, so no
// output can forget either half.
import type { CoreContext } from '../context'
import { recordAudit } from '../audit/audit'
import { maskIdNumber, maskPhone } from '../domain'
import { operatorOf } from '../settings/settings'

export interface PersonalNumbers {
  fullNumbers: boolean
  id: (value: string | null | undefined) => string | null
  phone: (value: string | null | undefined) => string | null
}

const keep = (value: string | null | undefined): string | null => value ?? null

/** How one output writes ID and phone numbers: masked unless `fullNumbers`. */
export function personalNumbers(fullNumbers: boolean): PersonalNumbers {
  return fullNumbers
    ? { fullNumbers, id: keep, phone: keep }
    : {
        fullNumbers,
        id: (value) => (value ? maskIdNumber(value) : null),
        phone: (value) => (value ? maskPhone(value) : null),
      }
}

export type OutputKind = 'export' | 'print'

/**
 * Records an output written with full numbers. Masked outputs are not recorded: they disclose
 * nothing the screens do not show.
 */
export function recordFullNumbers(ctx: CoreContext, kind: OutputKind, output: string, rows: number): void {
  const verb = kind === 'export' ? '导出' : '打印'
  recordAudit(ctx.db, ctx.now(), operatorOf(ctx.db), {
    action: `${kind}-full-numbers`,
    entity: 'output',
    summary: `${verb}“${output}”含完整身份证号码和联系电话，共 ${rows} 行`,
    after: { output, kind, rows, fullNumbers: true },
  })
}
