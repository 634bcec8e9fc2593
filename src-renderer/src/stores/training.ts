// 培训与表彰: the year's trainings and awards, one record with its people, save and delete, and the
// lists' export and blank templates. Every rule (学时, dates, who) is the core's.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { call, type OperationInput, type OperationOutput } from '../api'
import type { VolunteerRow } from '../types'
import { useClockStore } from './clock'
import { useImportStore } from './import'

export type TrainingRow = OperationOutput<'training.list'>['rows'][number]
export type AwardRow = OperationOutput<'awards.list'>['rows'][number]
export type TrainingDetail = OperationOutput<'training.get'>
export type AwardDetail = OperationOutput<'awards.get'>
export type Person = TrainingDetail['people'][number]
export type TrainingFields = OperationInput<'training.save'>['fields']
export type AwardFields = OperationInput<'awards.save'>['fields']
export type Tab = 'training' | 'awards'

/** A volunteer the picker found, as one of a record's people (masked numbers only). */
export function personOf(volunteer: VolunteerRow): Person {
  return {
    volunteerId: volunteer.id,
    name: volunteer.name,
    gender: volunteer.gender,
    unit: volunteer.unit,
    idMasked: volunteer.idMasked,
  }
}

export const useTrainingStore = defineStore('training', () => {
  const year = ref(useClockStore().year)
  const q = ref('')
  const tab = ref<Tab>('training')
  const trainings = shallowRef<TrainingRow[]>([])
  const awards = shallowRef<AwardRow[]>([])
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const filters = { year: year.value, q: q.value.trim() || undefined, limit: 500 }
      const [t, a] = await Promise.all([call('training.list', filters), call('awards.list', filters)])
      trainings.value = t.rows
      awards.value = a.rows
    } finally {
      loading.value = false
    }
  }

  const getTraining = (id: number) => call('training.get', { id })
  const getAward = (id: number) => call('awards.get', { id })

  async function saveTraining(id: number | undefined, fields: TrainingFields, volunteerIds: number[]) {
    const saved = await call('training.save', { id, fields, volunteerIds })
    await load()
    return saved
  }

  async function saveAward(id: number | undefined, fields: AwardFields, volunteerIds: number[]) {
    const saved = await call('awards.save', { id, fields, volunteerIds })
    await load()
    return saved
  }

  async function remove(kind: Tab, id: number): Promise<void> {
    if (kind === 'training') await call('training.delete', { id })
    else await call('awards.delete', { id })
    await load()
  }

  const exportList = (form: Tab) => call('export.form', { form, year: year.value })
  const blankTemplate = (form: Tab) => call('template.form', { form })

  /** The shared import screen, with this list's form chosen. */
  function chooseImport(form: Tab): void {
    const importer = useImportStore()
    importer.reset()
    importer.form = form
  }

  return {
    year,
    q,
    tab,
    trainings,
    awards,
    loading,
    load,
    getTraining,
    getAward,
    saveTraining,
    saveAward,
    remove,
    exportList,
    blankTemplate,
    chooseImport,
  }
})
