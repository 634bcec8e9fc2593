// The roster: the live list, its filter options, and the form's save and live check.
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { call, type OperationInput } from '../api'
import type { FieldIssue, PersonFields, VolunteerRow } from '../types'
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
    const fields: Partial<PersonFields> =
      request.id !== undefined && request.keepStoredPhone ? rest : { ...rest, phone }
    const result = await call('roster.save', {
      id: request.id,
      fields,
      mode: request.id === undefined ? 'keep' : 'replace',
    })
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

  /** 表1 as the bureau's form, with the filters the clerk chose. */
  function exportForm(filters: Extract<OperationInput<'export.form'>, { form: 'roster' }>['filters']) {
    return call('export.form', { form: 'roster', filters })
  }

  /** The blank 表1 to send to schools. */
  function blankTemplate() {
    return call('template.form', { form: 'roster' })
  }

  /** Up to 12 live volunteers for a picker as the clerk types (name, pinyin initials, ID fragment; masked numbers). */
  async function findVolunteers(text: string): Promise<VolunteerRow[]> {
    if (!text.trim()) return []
    return (await call('roster.search', { q: text.trim(), limit: 12 })).rows
  }

  /** 星级 of the given volunteers, from their cumulative hours (the core's rule and thresholds). */
  function starsOf(volunteerIds: number[]) {
    return call('stars.of', { volunteerIds })
  }

  /** Who reached a star level through service held in a period, and the levels' thresholds. */
  function starsReached(from: string, to: string) {
    return Promise.all([call('stars.reached', { from, to }), call('stars.levels', {})])
  }

  return {
    ...list,
    filterOptions,
    loadFilterOptions,
    save,
    validate,
    moveToRecycleBin,
    exportForm,
    blankTemplate,
    findVolunteers,
    starsOf,
    starsReached,
  }
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
