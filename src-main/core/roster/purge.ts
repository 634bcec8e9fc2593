// 彻底删除: the recycle bin emptied for good (PIPL's right to deletion). A person who served in an
// activity stays: the activity records are what hours and certificates are counted from, so the
// clerk is told to remove them from those activities first. Backups still hold the person until
// they age out, and the result says until when, so the clerk can tell the person truthfully.
import type { CoreContext } from '../context'
import { recordAudit } from '../audit/audit'
import { BACKUPS_KEPT, listBackups } from '../db/backup'
import { CoreError } from '../errors'
import { operatorOf } from '../settings/settings'
import * as repo from './repository'

export interface PurgeResult {
  purged: number
  refused: { id: number; name: string; reason: string }[]
  /** The oldest backup that may still hold the purged people, or null when there is none. */
  oldestBackup: string | null
  backupsKept: number
}

export function purgeFromRecycleBin(ctx: CoreContext, ids: readonly number[]): PurgeResult {
  const { db } = ctx
  const result = db.transaction((): PurgeResult => {
    const refused: PurgeResult['refused'] = []
    let purged = 0
    for (const id of ids) {
      const row = repo.getStored(db, id)
      if (!row.deletedAt)
        throw new CoreError('CONFLICT', `志愿者 ${row.name} 不在回收站中：请先移入回收站，再彻底删除。`)
      const served = repo.countParticipations(db, id)
      if (served > 0) {
        refused.push({
          id,
          name: row.name,
          reason: `参加过 ${served} 次活动，服务记录是统计时长和出具证明的依据；如确需删除，请先在这些活动中移除此人`,
        })
        continue
      }
      repo.purgeVolunteer(db, id, row.name)
      recordAudit(db, ctx.now(), operatorOf(db), {
        action: 'purge',
        entity: 'volunteer',
        entityId: id,
        summary: '从回收站彻底删除一名志愿者',
      })
      purged++
    }
    return { purged, refused, oldestBackup: null, backupsKept: BACKUPS_KEPT }
  })()
  return { ...result, oldestBackup: listBackups(ctx).at(-1)?.createdAt ?? null }
}
