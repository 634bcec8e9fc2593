// A bureau form declared as data (FORMS.md). The one declaration drives the blank template, the
// importer's header matching and validation, the exporter and the printed table.

/** Controlled lists whose values a template offers as drop-downs and the importer normalises. */
export type VocabularyRef =
  | 'gender'
  | 'ethnic'
  | 'political'
  | 'education'
  | 'county'
  | 'category'
  | 'task'
  | 'department'
  | 'team'
  | 'yesNo'
  | 'awardLevel'

/** `percent` holds a fraction (0.75) shown as 75.0%: 表5's 完成率. */
export type CellKind = 'text' | 'id' | 'phone' | 'integer' | 'decimal' | 'percent' | 'date' | 'month' | 'sequence'

export interface FormColumn {
  /** The bureau's column name, exactly as printed in row 3. */
  name: string
  /** The field in the core's record this column fills (absent for 序号 and export-only columns). */
  field?: string
  kind: CellKind
  /** Other header texts schools use for this column (FORMS.md aliases). */
  aliases?: readonly string[]
  required?: boolean
  vocabulary?: VocabularyRef
  /** Width in Excel character units. */
  width: number
  /** Only written on export (完成情况), never read on import. */
  exportOnly?: boolean
  /** One line for the 填表说明 sheet: what to write and which values are allowed. */
  help: string
}

export interface FormSheet {
  /** The sheet's short name (花名册, 活动登记, …). */
  name: string
  title: string
  columns: readonly FormColumn[]
}

export interface FormDefinition {
  key: 'roster' | 'plan' | 'activities' | 'training' | 'awards'
  /** The name in menus and messages: 志愿者花名册 */
  label: string
  /** One sheet for most forms; 表3 has two (活动登记 and 参与名单). */
  sheets: readonly FormSheet[]
}
