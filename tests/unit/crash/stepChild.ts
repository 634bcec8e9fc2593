// Child process of the crash tests: runs one real step (a backup, a restore, a data-folder move) on
// the database given, and when the step is at the point named, announces STEP_STARTED on stdout and
// lingers there so the parent's SIGKILL lands mid-step, not by luck. The step's own code runs as is;
// only a file system call or the backup's progress callback is wrapped to make the pause.
// Run: npx tsx tests/unit/crash/stepChild.ts MODE DB [FOLDER]
import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
import { dirname } from 'node:path'
import { createContext } from '../../../src-main/core/index'
import { createBackup, listBackups, restoreBackup } from '../../../src-main/core/db/backup'
import { moveDataFolder } from '../../../src-main/core/settings/location'

export type StepMode = 'backup-copy' | 'backup-rename' | 'restore-rename' | 'move-copy' | 'move-rename'

const [mode, dbPath, folder] = process.argv.slice(2) as [StepMode, string, string | undefined]
/** An hour after the parent's clock, so the child's backup never takes the name of the parent's. */
const ctx = createContext(dbPath, { now: () => new Date('2026-11-29T09:00:00Z') })

function pauseHere(): void {
  process.stdout.write('STEP_STARTED\n')
  // A slow disk, in effect: the step stays half done long enough for the kill to arrive.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000)
}

/** Pauses before the rename that would finish the step (the copy under its temporary name is whole). */
function pauseBeforeRename(suffix: string): void {
  const rename = fs.renameSync
  fs.renameSync = (source, target) => {
    if (String(source).endsWith(suffix)) pauseHere()
    rename(source, target)
  }
  syncBuiltinESMExports()
}

/** Pauses after the online backup API's first step: the copy is partly written. */
function pauseMidCopy(): void {
  const backup = ctx.db.backup.bind(ctx.db)
  ctx.db.backup = (destination, options) =>
    backup(destination, {
      ...options,
      progress: () => {
        pauseHere()
        return 100
      },
    })
}

// A row committed just before the step: it must survive the kill.
ctx.db.prepare("INSERT INTO settings (key, value) VALUES ('crash.last', '\"步骤前\"')").run()
if (mode === 'backup-copy') pauseMidCopy()
if (mode === 'backup-rename') pauseBeforeRename('.partial')
if (mode === 'restore-rename') pauseBeforeRename('.restoring')
if (mode === 'move-copy') pauseMidCopy()
if (mode === 'move-rename') pauseBeforeRename('ledger.db.partial')

if (mode.startsWith('backup')) await createBackup(ctx, 'manual')
if (mode.startsWith('restore')) await restoreBackup(ctx, listBackups(ctx).at(-1)!.file)
if (mode.startsWith('move')) await moveDataFolder(ctx, folder!, dirname(dbPath))
process.stdout.write('STEP_FINISHED\n')
