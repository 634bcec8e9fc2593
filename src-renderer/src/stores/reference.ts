// Reference data: the drop-downs of every form, and the lists the clerk maintains on 基础数据.
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { call, type OperationInput } from '../api'
import type { LeadingGroupMember, ReferenceData, Unit } from '../types'

export const useReferenceStore = defineStore('reference', () => {
  const data = shallowRef<ReferenceData | null>(null)
  const leadingGroup = shallowRef<LeadingGroupMember[]>([])
  const units = shallowRef<Unit[]>([])

  const departments = computed(() => data.value?.departments ?? [])
  const tasks = computed(() => data.value?.tasks ?? [])
  const counties = computed(() => data.value?.counties ?? [])
  const teams = computed(() => data.value?.teams ?? [])
  const ethnicGroups = computed(() => data.value?.ethnicGroups ?? [])
  const politicalStatuses = computed(() => data.value?.politicalStatuses ?? [])
  const educationLevels = computed(() => data.value?.educationLevels ?? [])
  const categories = computed(() => data.value?.categories ?? [])

  function countyName(code: string | null | undefined): string {
    return counties.value.find((county) => county.code === code)?.name ?? code ?? ''
  }

  /** A changed field's value as the clerk reads it (import preview, undo report): county codes as names. */
  function shownValue(field: string, value: string | null): string {
    if (value === null || value === '') return '（空）'
    return field === 'countyCode' ? countyName(value) : value
  }

  async function load(): Promise<void> {
    data.value = await call('reference.all')
  }

  async function updateDepartment(input: OperationInput<'reference.department.update'>): Promise<void> {
    await call('reference.department.update', input)
    await load()
  }

  async function saveTeam(input: OperationInput<'reference.team.save'>): Promise<void> {
    await call('reference.team.save', input)
    await load()
  }

  async function deleteTeam(id: number): Promise<void> {
    await call('reference.team.delete', { id })
    await load()
  }

  async function loadLeadingGroup(): Promise<void> {
    leadingGroup.value = await call('reference.leadingGroup.list')
  }

  async function saveLeadingGroupMember(input: OperationInput<'reference.leadingGroup.save'>): Promise<void> {
    await call('reference.leadingGroup.save', input)
    await loadLeadingGroup()
  }

  async function deleteLeadingGroupMember(id: number): Promise<void> {
    await call('reference.leadingGroup.delete', { id })
    await loadLeadingGroup()
  }

  async function loadUnits(filter: { q?: string; countyCode?: string } = {}): Promise<void> {
    units.value = await call('reference.unit.list', filter)
  }

  /** Unit names for the form's auto-complete; the directory includes units named in the roster. */
  async function suggestUnits(q: string): Promise<string[]> {
    const found = await call('reference.unit.list', { q })
    return found.slice(0, 50).map((unit) => unit.name)
  }

  async function saveUnit(input: OperationInput<'reference.unit.save'>): Promise<void> {
    await call('reference.unit.save', input)
  }

  async function deleteUnit(id: number): Promise<void> {
    await call('reference.unit.delete', { id })
  }

  return {
    data,
    departments,
    tasks,
    counties,
    teams,
    ethnicGroups,
    politicalStatuses,
    educationLevels,
    categories,
    leadingGroup,
    units,
    countyName,
    shownValue,
    load,
    updateDepartment,
    saveTeam,
    deleteTeam,
    loadLeadingGroup,
    saveLeadingGroupMember,
    deleteLeadingGroupMember,
    loadUnits,
    suggestUnits,
    saveUnit,
    deleteUnit,
  }
})
