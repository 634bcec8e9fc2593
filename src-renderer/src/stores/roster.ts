// The roster: the live list, its filter options, and the form's save and live check.
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { call } from '../api'
import type { FieldIssue, PersonFields } from '../types'
import { useVolunteerList } from './volunteerList'

export interface FilterOptions {
  units: string[]
  teams: string[]
  categories: string[]
}

export interface SaveRequest {
  id?: number
  fields: PersonFields
  /** Editing without retyping the phone: the form only ever showed it masked, so keep the stored one. */
  keepStoredPhone: boolean
}

export const useRosterStore = defineStore('roster', () => {
  const list = useVolunteerList(false)
  const filterOptions = shallowRef<FilterOptions>({ units: [], teams: [], categories: [] })

  async function loadFilterOptions(): Promise<void> {
    filterOptions.value = await call('roster.filterOptions')
  }

  /** Saves through the core (which validates); throws ApiError with per-field issues. */
  async function save(request: SaveRequest): Promise<{ id: number; created: boolean; warnings: FieldIssue[] }> {
    // Leaving the phone out keeps the stored one, so the clear number never reaches the page.
    const { phone, ...rest } = request.fields
    const fields: Partial<PersonFields> = request.id !== undefined && request.keepStoredPhone ? rest : { ...rest, phone }
    const result = await call('roster.save', { id: request.id, fields, mode: request.id === undefined ? 'keep' : 'replace' })
    await Promise.all([list.load(), loadFilterOptions()])
    return { id: result.id, created: result.created, warnings: result.warnings }
  }

  /** The same rules as saving, without writing: the form's live check. */
  async function validate(fields: Partial<PersonFields>) {
    return call('roster.validate', { fields })
  }

  async function moveToRecycleBin(ids: number[]): Promise<number> {
    const { moved } = await call('roster.delete', { ids })
    await Promise.all([list.load(), loadFilterOptions()])
    return moved
  }

  return { ...list, filterOptions, loadFilterOptions, save, validate, moveToRecycleBin }
})

export const useRecycleBinStore = defineStore('recycleBin', () => {
  const list = useVolunteerList(true)

  async function restore(ids: number[]): Promise<number> {
    const { restored } = await call('roster.restore', { ids })
    await list.load()
    return restored
  }

  async function purge(ids: number[]) {
    const result = await call('roster.purge', { ids })
    await list.load()
    return result
  }

  return { ...list, restore, purge }
})
