// What the reference tabs' one CRUD dialog (ReferenceDialog.vue) shows: a field descriptor per
// input, and the confirm-then-delete every tab's 删除 goes through.
import { ElMessage, ElMessageBox } from 'element-plus'
import { showError } from '../../errors'

export interface FieldOption {
  label: string
  value: string | number
}

export type DialogField<Draft> = {
  key: keyof Draft & string
  label: string
  required?: boolean
} & (
  | { kind: 'text'; maxlength: number; placeholder?: string }
  | { kind: 'textarea'; maxlength: number }
  /** Cleared to null; the options may depend on the draft (a team cannot be its own parent). */
  | { kind: 'select'; placeholder: string; options: (draft: Draft) => readonly FieldOption[] }
  | { kind: 'radio'; options: readonly FieldOption[] }
  | { kind: 'number'; min: number; max: number }
)

/** What a tab holds of its dialog (through a template ref): open it on a row's values or a new one. */
export interface DialogHandle<Draft> {
  open: (values: Draft, title: string) => void
}

/** Asks before deleting; a refusal of the core is shown, a cancel does nothing. */
export async function confirmRemove(message: string, title: string, remove: () => Promise<void>): Promise<void> {
  try {
    await ElMessageBox.confirm(message, title, { type: 'warning', confirmButtonText: '删除', cancelButtonText: '取消' })
  } catch {
    return
  }
  try {
    await remove()
    ElMessage.success('已删除')
  } catch (error) {
    showError(error)
  }
}
