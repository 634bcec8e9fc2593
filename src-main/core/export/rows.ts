// From records to the rows the form writer takes: each column of the declaration picks its
// `field` from the record, so an export states what each field holds and never column positions.
import type { FormSheet } from '../forms/types'
import type { WriteValue } from '../xlsx/writeForm'

export type FieldValues = Record<string, WriteValue>

/** One row per record in the sheet's column order; columns without a field (序号) stay empty. */
export function recordRow(sheet: FormSheet, record: FieldValues): WriteValue[] {
  return sheet.columns.map((column) => (column.field === undefined ? null : record[column.field]))
}

export function recordRows(sheet: FormSheet, records: Iterable<FieldValues>): WriteValue[][] {
  return Array.from(records, (record) => recordRow(sheet, record))
}

/** Lazily, for exports that stream from a database cursor. */
export function* streamRows(sheet: FormSheet, records: Iterable<FieldValues>): Generator<WriteValue[]> {
  for (const record of records) yield recordRow(sheet, record)
}

export function yesNo(value: boolean): string {
  return value ? '是' : '否'
}
