// Register entries as the printed certificates, from their snapshots (reprint, or just issued).
import type { CoreContext } from '../context'
import { CoreError } from '../errors'
import type { HtmlDocument } from '../print/html'
import { certificatesDocument } from './document'
import { readSnapshot, type CertificateRow } from './repository'

/** The printed document of some register entries (reprint, or what was just issued). */
export function certificatesOf(ctx: CoreContext, rows: readonly CertificateRow[], fullNumbers: boolean): HtmlDocument {
  if (rows.length === 0) throw new CoreError('NOT_FOUND', '没有要打印的志愿服务证明。')
  return certificatesDocument(
    rows.map((row) => ({ row, snapshot: readSnapshot(ctx.db, row.id) })),
    fullNumbers,
  )
}
