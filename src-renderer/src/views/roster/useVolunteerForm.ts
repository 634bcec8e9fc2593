// The volunteer form's state: fields, the core's live findings, and saving. Every rule is the
// core's (roster.validate / roster.save); this only decides which findings to show when.
import { computed, reactive, ref } from 'vue'
import { ElMessage } from 'element-plus'
import { ApiError } from '../../api'
import { issuesOf, messageOf, showError } from '../../errors'
import { useRosterStore } from '../../stores/roster'
import { PERSON_FIELDS, type FieldIssue, type PersonField, type PersonFields, type VolunteerRow } from '../../types'

function emptyFields(): PersonFields {
  return Object.fromEntries(PERSON_FIELDS.map((field) => [field, ''])) as PersonFields
}

function fieldsOf(volunteer: VolunteerRow): PersonFields {
  return {
    ...emptyFields(),
    name: volunteer.name,
    gender: volunteer.gender ?? '',
    ethnic: volunteer.ethnic ?? '',
    birth: volunteer.birth ?? '',
    political: volunteer.political ?? '',
    education: volunteer.education ?? '',
    unit: volunteer.unit ?? '',
    post: volunteer.post ?? '',
    county: volunteer.countyName ?? '',
    category: volunteer.category ?? '',
    speciality: volunteer.speciality ?? '',
    team: volunteer.team ?? '',
    note: volunteer.note ?? '',
    volunteerNo: volunteer.volunteerNo ?? '',
    guardianName: volunteer.guardianName ?? '',
    guardianConsentOn: volunteer.guardianConsentOn ?? '',
  }
}

export function useVolunteerForm(onSaved: () => void) {
  const store = useRosterStore()
  const fields = reactive<PersonFields>(emptyFields())
  const editing = ref<VolunteerRow | null>(null)
  /** When editing, the stored ID and phone stay masked until the clerk chooses to retype them. */
  const retypeId = ref(true)
  const retypePhone = ref(true)
  const issues = ref<FieldIssue[]>([])
  const touched = ref(new Set<string>())
  const showAll = ref(false)
  const formError = ref('')
  const saving = ref(false)
  let checkTicket = 0

  function reset(volunteer: VolunteerRow | null): void {
    editing.value = volunteer
    Object.assign(fields, volunteer ? fieldsOf(volunteer) : emptyFields())
    retypeId.value = !volunteer
    retypePhone.value = !volunteer?.phoneMasked
    issues.value = []
    touched.value = new Set()
    showAll.value = false
    formError.value = ''
  }

  /** Findings of fields the clerk has left (or all, after a save attempt); none for numbers kept as stored. */
  const visibleIssues = computed(() =>
    issues.value.filter((issue) => {
      if (issue.field === 'idNumber' && !retypeId.value) return false
      if (issue.field === 'phone' && !retypePhone.value) return false
      return showAll.value || touched.value.has(issue.field)
    }),
  )

  function submittedFields(): PersonFields {
    return { ...fields, idNumber: retypeId.value ? fields.idNumber : '', phone: retypePhone.value ? fields.phone : '' }
  }

  /** The live check after a field is left: the same rules as saving; gender and birth filled from the ID. */
  async function check(field: PersonField): Promise<void> {
    touched.value = new Set(touched.value).add(field)
    const ticket = ++checkTicket
    try {
      const result = await store.validate(submittedFields())
      if (ticket !== checkTicket) return
      issues.value = result.issues
      const derived = result.derived
      if (field === 'idNumber' && derived) {
        if (!fields.gender) fields.gender = derived.gender
        if (!fields.birth) fields.birth = derived.birth
      }
    } catch (error) {
      formError.value = messageOf(error)
    }
  }

  function startRetype(field: 'idNumber' | 'phone'): void {
    if (field === 'idNumber') retypeId.value = true
    else retypePhone.value = true
    fields[field] = ''
  }

  function cancelRetype(field: 'idNumber' | 'phone'): void {
    if (field === 'idNumber') retypeId.value = false
    else retypePhone.value = false
    fields[field] = ''
  }

  async function save(): Promise<boolean> {
    showAll.value = true
    formError.value = ''
    saving.value = true
    try {
      const volunteer = editing.value
      const result = await store.save({
        id: volunteer?.id,
        fields: submittedFields(),
        keepStoredPhone: Boolean(volunteer?.phoneMasked) && !retypePhone.value,
      })
      ElMessage.success('已保存')
      if (result.warnings.length) {
        ElMessage.warning({
          message: `请留意：${result.warnings.map((w) => w.message).join('；')}`,
          duration: 6000,
          showClose: true,
        })
      }
      onSaved()
      return true
    } catch (error) {
      const found = issuesOf(error)
      if (!found.length) {
        if (error instanceof ApiError) formError.value = error.message
        else showError(error)
        return false
      }
      issues.value = found
      const unplaced = found.some((issue) => !(PERSON_FIELDS as readonly string[]).includes(issue.field))
      if (error instanceof ApiError && (error.code !== 'VALIDATION' || unplaced)) formError.value = error.message
      return false
    } finally {
      saving.value = false
    }
  }

  return {
    fields,
    editing,
    retypeId,
    retypePhone,
    visibleIssues,
    formError,
    saving,
    reset,
    check,
    startRetype,
    cancelRetype,
    save,
  }
}
