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

/**
 * What a figure of 工作台 or 统计 counted, beyond the list's own filters: activities started (开展日期)
 * in its period, 集中服务 or not, of a team or an organiser. Set only by a drill-down, shown as one tag.
 */
export interface DrillScope {
  startedFrom: string
  startedTo: string
  concentrated?: boolean
  team?: string
  organizer?: string
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
  const scope = ref<DrillScope | null>(null)
  const list = usePagedList<ActivityRow>((offset, limit) =>
    call('activities.list', {
      // A period of 统计 may cross a year: then it is the period that chooses.
      year: scope.value ? undefined : year.value,
      month: filters.month,
      ...scope.value,
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
    scope.value = null
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

  /** The core's message when the volunteer is under 10 on the activity's first day, else null. */
  async function youngCheck(volunteerId: number, heldOn: string): Promise<string | null> {
    return (await call('activities.youngCheck', { volunteerId, heldOn })).message
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
  async function serviceOf(volunteerId: number, period?: { from: string; to: string }): Promise<VolunteerService> {
    return call('volunteers.service', { volunteerId, ...period })
  }

  /** Whether a date is entered late (a 补录 needs its reason): the core counts the working days. */
  function lateness(input: OperationInput<'activities.lateness'>) {
    return call('activities.lateness', input)
  }

  function photos(activityId: number): Promise<Photo[]> {
    return call('activities.photos', { activityId })
  }

  function addPhoto(input: OperationInput<'activities.photo.add'>) {
    return call('activities.photo.add', input)
  }

  function readPhoto(id: number) {
    return call('activities.photo.read', { id })
  }

  async function removePhoto(id: number): Promise<void> {
    await call('activities.photo.remove', { id })
  }

  /** 工作亮点 of a year as the bureau's workbook. */
  function exportHighlights(forYear: number) {
    return call('export.highlights', { year: forYear })
  }

  /** 表3 of the year shown, as the bureau's form. */
  function exportForm() {
    return call('export.form', { form: 'activities', year: year.value })
  }

  return {
    ...list,
    year,
    filters,
    scope,
    resetFilters,
    get,
    save,
    youngCheck,
    remove,
    highlights,
    lateEntries,
    serviceOf,
    lateness,
    photos,
    addPhoto,
    readPhoto,
    removePhoto,
    exportHighlights,
    exportForm,
  }
})
