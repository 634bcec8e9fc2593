// 活动登记 (表3): the paged list of activities held, one activity with its participants, photos,
// and a volunteer's service record. Every rule (dates, hours, duplicates) is the core's.
import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import { call, type OperationInput, type OperationOutput } from '../api'
import { usePagedList } from '../composables/usePagedList'
import { useClockStore } from './clock'

export type ActivityRow = OperationOutput<'activities.list'>['rows'][number]
export type ActivityDetail = OperationOutput<'activities.get'>
export type Participant = ActivityDetail['participants'][number]
export type ActivitySaveInput = OperationInput<'activities.save'>
export type Photo = OperationOutput<'activities.photos'>[number]
export type VolunteerService = OperationOutput<'volunteers.service'>
export type LateEntry = OperationOutput<'activities.lateEntries'>[number]

export interface ActivityFilters {
  month: number | undefined
  taskCode: number | undefined
  department: string
  /** 所在县市 (a code, or 'none' for 未填县市): set by a drill-down from the statistics. */
  countyCode: string
  q: string
}

export const useActivitiesStore = defineStore('activities', () => {
  const year = ref(useClockStore().year)
  const filters = reactive<ActivityFilters>({
    month: undefined,
    taskCode: undefined,
    department: '',
    countyCode: '',
    q: '',
  })
  const list = usePagedList<ActivityRow>((offset, limit) =>
    call('activities.list', {
      year: year.value,
      month: filters.month,
      taskCode: filters.taskCode,
      department: filters.department || undefined,
      countyCode: filters.countyCode || undefined,
      q: filters.q.trim() || undefined,
      offset,
      limit,
    }),
  )
  const { load } = list

  function resetFilters(): void {
    Object.assign(filters, { month: undefined, taskCode: undefined, department: '', countyCode: '', q: '' })
  }

  async function get(id: number): Promise<ActivityDetail> {
    return call('activities.get', { id })
  }

  /** Saves through the core; a refusal comes back as ApiError with the core's message and issues. */
  async function save(input: ActivitySaveInput): Promise<OperationOutput<'activities.save'>> {
    const result = await call('activities.save', input)
    await load()
    return result
  }

  async function remove(id: number): Promise<void> {
    await call('activities.delete', { id })
    await load()
  }

  /** 工作亮点: the year's activities flagged as highlights, with their write-ups. */
  async function highlights(forYear: number): Promise<ActivityRow[]> {
    return call('activities.highlights', { year: forYear })
  }

  /** 补录: activities and participants of the year entered more than 10 working days late, with reasons. */
  async function lateEntries(forYear: number): Promise<LateEntry[]> {
    return call('activities.lateEntries', { from: `${forYear}-01-01`, to: `${forYear}-12-31` })
  }

  /** A volunteer's service record, counted from the activity records only. */
  async function serviceOf(volunteerId: number): Promise<VolunteerService> {
    return call('volunteers.service', { volunteerId })
  }

  /** 表3 of the year shown, as the bureau's form. */
  function exportForm() {
    return call('export.form', { form: 'activities', year: year.value })
  }

  return {
    ...list,
    year,
    filters,
    resetFilters,
    get,
    save,
    remove,
    highlights,
    lateEntries,
    serviceOf,
    exportForm,
  }
})
