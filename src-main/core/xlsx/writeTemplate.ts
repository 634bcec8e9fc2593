// The blank template handed to schools: each sheet of the form in the official layout with empty
// bordered rows, drop-downs on the controlled columns, and a 填表说明 sheet that explains every
// column. Everything comes from the form declaration and the vocabularies in the database.
import ExcelJS from 'exceljs'
import type { DataValidation, Worksheet } from 'exceljs'
import type { FormColumn, FormDefinition, FormSheet, VocabularyRef } from '../forms/types'
import { writeFormSheet, type WrittenSheet } from './writeForm'
import { FONTS, headerStyle, PAGE_FOOTER, PAGE_MARGINS, THIN_BORDERS, titleStyle } from './writeStyles'

/** The values offered for each controlled list, read from the database by the caller. */
export type VocabularyLists = Partial<Record<VocabularyRef, readonly string[]>>

export const TEMPLATE_BLANK_ROWS = 50
export const GUIDE_SHEET = '填表说明'
export const OPTIONS_SHEET = '选项'
export const GUIDE_HEADERS = ['列名', '是否必填', '填写说明', '可选值'] as const

/** Excel's limit for an inline list ("a,b,c"); see inlineList for how it is counted. */
const INLINE_LIST_LIMIT = 255

interface SheetValidations {
  dataValidations: { add: (address: string, validation: DataValidation) => void }
}

interface TemplateOptions {
  lists: VocabularyLists
  blankRows?: number
  creator?: string
  now?: Date
}

function columnLetter(index: number): string {
  let letters = ''
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  return letters
}

/** Lays out long lists on the hidden 选项 sheet, one column per list, and returns range formulas. */
class OptionRanges {
  private sheet: Worksheet | null = null
  private readonly ranges = new Map<VocabularyRef, string>()

  constructor(private readonly workbook: ExcelJS.Workbook) {}

  formulaFor(vocabulary: VocabularyRef, label: string, values: readonly string[]): string {
    const known = this.ranges.get(vocabulary)
    if (known) return known
    if (!this.sheet) {
      this.sheet = this.workbook.addWorksheet(OPTIONS_SHEET)
      // Hidden, not very hidden: a clerk who knows Excel can still look at the lists.
      this.sheet.state = 'hidden'
    }
    const column = this.ranges.size + 1
    this.sheet.getCell(1, column).value = label
    values.forEach((value, index) => {
      const cell = this.sheet?.getCell(index + 2, column)
      if (cell) cell.value = value
    })
    const letter = columnLetter(column)
    const formula = `'${OPTIONS_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`
    this.ranges.set(vocabulary, formula)
    return formula
  }
}

/**
 * Excel's limit for an inline list is 255 characters; older Excel and WPS count a Chinese
 * character as two (the GBK code page), so the length is measured that way to stay on the safe
 * side. Commas and quotes would break the inline syntax. Such lists go to the 选项 sheet.
 */
function inlineList(values: readonly string[]): string | null {
  if (values.some((value) => /[,"]/.test(value))) return null
  const list = values.join(',')
  let length = 0
  for (const char of list) length += char.charCodeAt(0) > 0x7f ? 2 : 1
  return length <= INLINE_LIST_LIMIT ? `"${list}"` : null
}

/**
 * Drop-downs on every column bound to a vocabulary. They warn rather than stop: the importer
 * accepts short forms and variants (回 → 回族, 东乡县) and several departments in one cell, so a
 * school that types such a value must be able to keep it.
 */
function addDropDowns(written: WrittenSheet, sheet: FormSheet, lists: VocabularyLists, options: OptionRanges): void {
  if (written.lastDataRow < written.firstDataRow) return
  sheet.columns.forEach((column, index) => {
    const values = column.vocabulary ? lists[column.vocabulary] : undefined
    if (!column.vocabulary || !values || values.length === 0) return
    const formula = inlineList(values) ?? options.formulaFor(column.vocabulary, column.name, values)
    const validation: DataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: column.name,
      error: `“${column.name}”请从下拉列表中选择；确需填写其他内容请点“是”。`,
    }
    // One range, through the sheet's (untyped) validation list: setting it cell by cell makes
    // exceljs 4.4 merge the cells into overlapping ranges (C10:C53 and C4:C53), which Excel
    // reports as a damaged file.
    const letter = columnLetter(index + 1)
    const validations = (written.worksheet as unknown as SheetValidations).dataValidations
    validations.add(`${letter}${written.firstDataRow}:${letter}${written.lastDataRow}`, validation)
  })
}

function allowedValues(column: FormColumn, lists: VocabularyLists): string {
  const values = column.vocabulary ? lists[column.vocabulary] : undefined
  return values ? values.join('、') : ''
}

const GENERAL_NOTES = [
  '1. 请从数据表第 4 行起逐行填写，一人（一项）一行；不要修改第 1–3 行的标题和表头，不要插入空行。',
  '2. 身份证号码、联系电话等列已设置为“文本”格式：请直接输入，粘贴时选择“只粘贴值”；以数字保存的身份证号码末尾几位会丢失。',
  '3. 带下拉箭头的列请从列表中选择；表尾的单位负责人、审核人、填表人、联系电话请填写完整并加盖单位公章。',
]

/** One line per column of every sheet: name, 必填 or not, what to write, the allowed values. */
function writeGuide(workbook: ExcelJS.Workbook, form: FormDefinition, lists: VocabularyLists): Worksheet {
  // Printed like the forms: A4, margins of about 1.5 cm, and the whole explanation on one page
  // (without a page setup Excel prints on Letter, split across three pages).
  const guide = workbook.addWorksheet(GUIDE_SHEET, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
      horizontalCentered: true,
      margins: PAGE_MARGINS,
    },
    headerFooter: { oddFooter: PAGE_FOOTER },
  })
  guide.columns = [{ width: 16 }, { width: 10 }, { width: 56 }, { width: 60 }]
  const body = { font: FONTS.body, border: THIN_BORDERS, alignment: { vertical: 'middle', wrapText: true } } as const
  guide.getCell('A1').value = `${form.label}填表说明`
  guide.getCell('A1').style = titleStyle
  guide.mergeCells('A1:D1')
  guide.getRow(1).height = 36
  GUIDE_HEADERS.forEach((text, index) => {
    guide.getCell(2, index + 1).value = text
    guide.getCell(2, index + 1).style = headerStyle
  })
  let row = 3
  for (const sheet of form.sheets) {
    if (form.sheets.length > 1) {
      guide.getCell(row, 1).value = `【${sheet.name}】工作表`
      guide.getCell(row, 1).style = { font: FONTS.header }
      row++
    }
    for (const column of sheet.columns) {
      const values = [column.name, column.required ? '必填' : '选填', column.help, allowedValues(column, lists) || null]
      values.forEach((value, index) => {
        guide.getCell(row, index + 1).value = value
        guide.getCell(row, index + 1).style = body
      })
      row++
    }
  }
  row++
  for (const note of GENERAL_NOTES) {
    guide.getCell(row, 1).value = note
    guide.getCell(row, 1).style = { font: FONTS.body, alignment: { vertical: 'middle', wrapText: true } }
    guide.mergeCells(row, 1, row, 4)
    guide.getRow(row).height = 32
    row++
  }
  return guide
}

/** A school fills in what it knows; columns the app computes on export (完成情况) are left out. */
function fillableForm(form: FormDefinition): FormDefinition {
  return {
    ...form,
    sheets: form.sheets.map((sheet) => ({ ...sheet, columns: sheet.columns.filter((column) => !column.exportOnly) })),
  }
}

/** The whole blank template workbook of a form: data sheet(s), then 填表说明, then the hidden 选项. */
export function writeTemplateWorkbook(declared: FormDefinition, options: TemplateOptions): ExcelJS.Workbook {
  const form = fillableForm(declared)
  const workbook = new ExcelJS.Workbook()
  workbook.creator = options.creator ?? '志愿服务台账'
  if (options.now) workbook.created = options.now
  const written = form.sheets.map((sheet) => ({
    sheet,
    written: writeFormSheet(workbook, sheet, {
      unitName: null,
      date: null,
      rows: [],
      blankRows: options.blankRows ?? TEMPLATE_BLANK_ROWS,
    }),
  }))
  writeGuide(workbook, form, options.lists)
  const ranges = new OptionRanges(workbook)
  for (const { sheet, written: sheetWritten } of written) addDropDowns(sheetWritten, sheet, options.lists, ranges)
  return workbook
}
