// The activity form's state: fields, the linked checklist item, participants, and saving. Every rule
// (future dates, hours, duplicates, same-year checklist items) is the core's; this shows its answers.
import { computed, reactive, ref, watch } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import { issuesOf, messageOf } from '../../errors'
import { useActivitiesStore, type ActivityDetail } from '../../stores/activities'
import type { FieldIssue, VolunteerRow } from '../../types'

export interface ParticipantRow {
  volunteerId: number
  name: string
  gender: string
  unit: string | null
  idMasked: string
  /** Empty means the activity's default hours. */
  hours: string
  note: string
  /** Why a volunteer under 10 on the activity's date takes part (the core asks; kept in the audit history). */
  youngReason: string
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** Asks the clerk for the reason the core's message calls for; null when the clerk declines. */
async function askYoungReason(message: string): Promise<string | null> {
  try {
    const answer = await ElMessageBox.prompt(message, '未满10周岁确认原因', {
      confirmButtonText: '确认登记',
      cancelButtonText: '不登记',
      inputPlaceholder: '写明确需登记的原因，如：随班参加学校组织的活动，监护人同意',
      inputValidator: (value) => (value && value.trim() ? true : '请写明原因'),
      customClass: 'young-reason-box',
    })
    return answer.value.trim()
  } catch {
    return null
  }
}

function blankFields() {
  return {
    name: '',
    task: '',
    heldOn: '',
    endedOn: '',
    leader: '',
    concentrated: '',
    lateReason: '',
    place: '',
    organizer: '',
    county: '',
    team: '',
    departments: [] as string[],
    defaultHours: '',
    targetGroup: '',
    beneficiaries: '',
    summary: '',
    highlight: false,
    highlightText: '',
    note: '',
  }
}

/** The fields the form places under an input; anything else goes in the message above the buttons. */
const PLACED = new Set([...Object.keys(blankFields()), 'changeReason'])

function fieldsOf(activity: ActivityDetail): ReturnType<typeof blankFields> {
  return {
    name: activity.name,
    task: activity.taskName ?? '',
    heldOn: activity.heldOn,
    endedOn: activity.endedOn ?? '',
    leader: activity.leader ?? '',
    concentrated: activity.concentrated ? '是' : '否',
    lateReason: activity.lateReason ?? '',
    place: activity.place ?? '',
    organizer: activity.organizer ?? '',
    county: activity.countyName ?? '',
    team: activity.team ?? '',
    departments: [...activity.departments],
    defaultHours: activity.defaultHours ? String(activity.defaultHours) : '',
    targetGroup: activity.targetGroup ?? '',
    beneficiaries: activity.beneficiaries ? String(activity.beneficiaries) : '',
    summary: activity.summary ?? '',
    highlight: activity.highlight,
    highlightText: activity.highlightText ?? '',
    note: activity.note ?? '',
  }
}

export function useActivityForm(onSaved: (id: number, created: boolean) => void) {
  const store = useActivitiesStore()
  const fields = reactive(blankFields())
  const planItemId = ref<number | null>(null)
  const participants = ref<ParticipantRow[]>([])
  const editingId = ref<number | undefined>(undefined)
  const issues = ref<FieldIssue[]>([])
  const formError = ref('')
  const saving = ref(false)
  const loading = ref(false)
  /** Why hours changed on an edit (the core asks for it and logs it with the change). */
  const changeReason = ref('')
  /** The hours as loaded, to tell when the edit changes someone's hours or removes them. */
  const loadedHours = ref(new Map<number, string>())
  /** The core's answer to "is this a 补录?" for the dates chosen: working days since the activity ended. */
  const lateness = ref<{ late: boolean; workingDays: number } | null>(null)

  /** A new activity may start from a preset (登记 from a filtered list); an edit loads the stored one. */
  async function reset(id: number | undefined, preset: Partial<ReturnType<typeof blankFields>> = {}): Promise<void> {
    editingId.value = id
    issues.value = []
    formError.value = ''
    Object.assign(fields, blankFields())
    if (id === undefined) Object.assign(fields, { ...preset, departments: [...(preset.departments ?? [])] })
    planItemId.value = null
    participants.value = []
    changeReason.value = ''
    loadedHours.value = new Map()
    if (id === undefined) return
    loading.value = true
    try {
      const activity = await store.get(id)
      Object.assign(fields, fieldsOf(activity))
      planItemId.value = activity.planItemId
      participants.value = activity.participants.map((person) => ({
        volunteerId: person.volunteerId,
        name: person.name,
        gender: person.gender,
        unit: person.unit,
        idMasked: person.idMasked,
        hours: String(person.hours),
        note: person.note ?? '',
        youngReason: '',
      }))
      loadedHours.value = new Map(activity.participants.map((person) => [person.volunteerId, String(person.hours)]))
    } catch (error) {
      formError.value = messageOf(error)
    } finally {
      loading.value = false
    }
  }

  watch(
    () => [fields.heldOn, fields.endedOn],
    async ([heldOn, endedOn]) => {
      lateness.value = null
      if (!/^\d{4}-\d{2}-\d{2}$/.test(heldOn ?? '')) return
      try {
        lateness.value = await store.lateness({
          heldOn: heldOn!,
          endedOn: /^\d{4}-\d{2}-\d{2}$/.test(endedOn ?? '') ? endedOn : null,
        })
      } catch {
        lateness.value = null
      }
    },
  )

  /** An edit that changes someone's recorded hours, or removes them, needs a reason. */
  const hoursChanged = computed(() => {
    if (editingId.value === undefined) return false
    const now = new Map(participants.value.map((row) => [row.volunteerId, row.hours.trim() || fields.defaultHours]))
    return [...loadedHours.value].some(
      ([volunteerId, hours]) => !now.has(volunteerId) || Number(now.get(volunteerId)) !== Number(hours),
    )
  })

  /** Rows that carried the old default follow a new one; hours typed for one person stay. */
  watch(
    () => fields.defaultHours,
    (now, before) => {
      for (const row of participants.value) if (row.hours === before) row.hours = now
    },
  )

  /** Under 10 on the activity's date: the core's message, and the clerk's reason or no registration. */
  async function confirmAge(volunteerId: number): Promise<boolean> {
    if (!DAY.test(fields.heldOn)) return true
    const message = await store.youngCheck(volunteerId, fields.heldOn)
    if (!message) return true
    const reason = await askYoungReason(message)
    if (reason === null) return false
    const row = participants.value.find((entry) => entry.volunteerId === volunteerId)
    if (row) row.youngReason = reason
    return true
  }

  async function addParticipant(volunteer: VolunteerRow): Promise<boolean> {
    if (participants.value.some((row) => row.volunteerId === volunteer.id)) {
      ElMessage.warning(`${volunteer.name} 已在参与名单中`)
      return false
    }
    addRow(volunteer)
    try {
      if (await confirmAge(volunteer.id)) return true
    } catch (error) {
      ElMessage.error(messageOf(error))
    }
    removeParticipant(volunteer.id)
    return false
  }

  function addRow(volunteer: VolunteerRow): void {
    participants.value = [
      ...participants.value,
      {
        volunteerId: volunteer.id,
        name: volunteer.name,
        gender: volunteer.gender ?? '',
        unit: volunteer.unit,
        idMasked: volunteer.idMasked,
        hours: fields.defaultHours,
        note: '',
        youngReason: '',
      },
    ]
  }

  function removeParticipant(volunteerId: number): void {
    participants.value = participants.value.filter((row) => row.volunteerId !== volunteerId)
  }

  const totalHours = computed(() => {
    const fallback = Number(fields.defaultHours) || 0
    const sum = participants.value.reduce(
      (total, row) => total + (row.hours.trim() ? Number(row.hours) || 0 : fallback),
      0,
    )
    return Math.round(sum * 100) / 100
  })

  /**
   * The date changed after people were added, so the core found someone under 10 only on saving: ask
   * now, with its message, and save again when the clerk gave the reason.
   */
  async function reasonsGiven(found: readonly FieldIssue[]): Promise<boolean> {
    const young = found.filter((issue) => 'volunteerId' in issue && issue.message.includes('未满 10 周岁'))
    if (!young.length) return false
    for (const issue of young) {
      const row = participants.value.find(
        (entry) => entry.volunteerId === (issue as { volunteerId?: number }).volunteerId,
      )
      if (!row || row.youngReason) return false
      const reason = await askYoungReason(issue.message)
      if (reason === null) return false
      row.youngReason = reason
    }
    return true
  }

  async function save(): Promise<boolean> {
    formError.value = ''
    saving.value = true
    try {
      const result = await store.save({
        id: editingId.value,
        fields: { ...fields, highlight: fields.highlight ? '是' : '否' },
        planItemId: planItemId.value,
        changeReason: changeReason.value.trim() || null,
        participants: participants.value.map((row) => ({
          volunteerId: row.volunteerId,
          hours: row.hours.trim() || null,
          note: row.note.trim() || null,
          youngReason: row.youngReason.trim() || null,
        })),
      })
      issues.value = []
      const created = editingId.value === undefined
      ElMessage.success(created ? '活动已登记，可继续添加活动照片' : '已保存')
      if (result.warnings.length) {
        ElMessage.warning({
          message: `请留意：${result.warnings.map((w) => w.message).join('；')}`,
          duration: 6000,
          showClose: true,
        })
      }
      onSaved(result.id, created)
      return true
    } catch (error) {
      if (await reasonsGiven(issuesOf(error))) return save()
      issues.value = issuesOf(error).filter((issue) => issue.level === 'error' || issue.level === 'warning')
      if (!issues.value.length || issues.value.some((issue) => !PLACED.has(issue.field)))
        formError.value = messageOf(error)
      return false
    } finally {
      saving.value = false
    }
  }

  return {
    fields,
    planItemId,
    participants,
    editingId,
    issues,
    formError,
    saving,
    loading,
    totalHours,
    changeReason,
    lateness,
    hoursChanged,
    reset,
    addParticipant,
    removeParticipant,
    save,
  }
}
