// Settings and backups: the unit name shown in the header, the operator recorded in the audit trail.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { call } from '../api'
import type { AppSettings, BackupInfo } from '../types'

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<AppSettings | null>(null)
  const backups = ref<BackupInfo[]>([])

  async function load(): Promise<void> {
    settings.value = await call('settings.get')
  }

  async function save(changes: { unitName: string; operatorName: string; undoDays: number }): Promise<void> {
    await call('settings.save', changes)
    await load()
  }

  async function loadBackups(): Promise<void> {
    backups.value = await call('backup.list')
  }

  async function createBackup(): Promise<BackupInfo> {
    const made = await call('backup.create')
    await loadBackups()
    return made
  }

  /** One fresh backup, the older ones deleted (a purged person is then gone from the backups too). */
  async function purgeOldBackups() {
    const result = await call('backup.purgeOld')
    await loadBackups()
    return result
  }

  async function restoreBackup(file: string): Promise<void> {
    await call('backup.restore', { file })
    await Promise.all([load(), loadBackups()])
  }

  async function checkDatabase() {
    return call('system.check')
  }

  /** Copies the ledger to another folder, chosen in the main process's dialog (core/mainChosen.ts); the app opens it from the next start. */
  function moveData() {
    return call('settings.moveData', {} as { folder: string })
  }

  /** 星级标准: the cumulative hours for 一星…五星. */
  function starLevels() {
    return call('stars.levels', {})
  }

  /** The core checks the thresholds rise before saving them. */
  async function saveStarLevels(thresholds: number[]): Promise<void> {
    await call('stars.levels.save', { thresholds })
  }

  return {
    settings,
    backups,
    load,
    save,
    loadBackups,
    createBackup,
    purgeOldBackups,
    restoreBackup,
    checkDatabase,
    moveData,
    starLevels,
    saveStarLevels,
  }
})
