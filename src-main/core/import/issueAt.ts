import type { ParsedFile, ParsedRow } from './parseFile'
import { columnLetters } from './source'
import type { ImportIssue } from './types'

/** An issue found while planning (a repeat, a missing link), placed at its row and column. */
export function planIssue(
  file: ParsedFile<unknown>,
  row: ParsedRow<unknown>,
  level: ImportIssue['level'],
  column: string,
  text: string,
): ImportIssue {
  const mapped = file.result.mapping[column]
  return {
    file: file.name,
    fileIndex: file.index,
    sheet: file.result.sheet ?? '',
    row: row.row,
    column,
    level,
    cell: mapped !== undefined ? `${columnLetters(mapped)}${row.row}` : null,
    message: `第 ${row.row} 行“${column}”：${text}`,
  }
}
