// What the school is told, in ONE place. The clerk's issue list (preview, history, CLI) keeps the
// full message: file names, the other row it clashes with, the name already in the roster. The
// workbook sent back to a school may only speak of that school's own file, so every issue passes
// through here first: references to another file become "another return", the roster's data and
// the clerk's own chores (a volunteer in the recycle bin, a repeat merged across schools) are left
// out, and the message is split into 问题 and 如何修改.
import { basename } from 'node:path'
import type { ImportIssue } from './types'

export interface SchoolIssue {
  sheet: string | null
  row: number | null
  column: string | null
  cell: string | null
  level: ImportIssue['level']
  problem: string
  fix: string
}

/** 第 12 行“身份证号码”： — the summary has its own 行 and 列 columns, the comment sits on the cell. */
const ROW_PREFIX = /^第 \d+ 行(?:“[^”]*”)?：/

/** How planning names the first of two clashing rows (import/roster/plan.ts and the others). */
const OTHER_ROW = /“([^”]+)”第 (\d+) 行/

interface Rule {
  pattern: RegExp
  /** `sameFileRow` (第 5 行) is the row it clashes with when that row is in the same file, else null. */
  rewrite: (match: RegExpMatchArray, sameFileRow: string | null) => { problem: string; fix: string } | null
}

const RULES: Rule[] = [
  {
    pattern: /^身份证号码与“[^”]+”第 \d+ 行相同，但姓名不同/,
    rewrite: (_match, same) =>
      same
        ? { problem: `身份证号码与本表${same}相同，但姓名不同`, fix: '请核对这两行的姓名和身份证号码' }
        : { problem: '此身份证号码已在另一份报送的名单中出现，但姓名与本行不同', fix: '请核对本行的姓名和身份证号码' },
  },
  {
    // A repeat across schools was merged by the bureau: nothing for this school to do.
    pattern: /^与“[^”]+”第 \d+ 行是同一身份证号码，已合并/,
    rewrite: (_match, same) =>
      same ? { problem: `与本表${same}是同一身份证号码（同一人填了两行）`, fix: '请删除重复的一行' } : null,
  },
  {
    pattern: /^与“[^”]+”第 \d+ 行是同一活动/,
    rewrite: (_match, same) => ({
      problem: same
        ? `与本表${same}是同一活动（名称和开展日期相同）`
        : '此活动（名称和开展日期相同）已在另一份报送的登记表中登记',
      fix: '同一活动只能登记一次：请删除重复的一行，或核对活动名称和开展日期',
    }),
  },
  {
    pattern: /^与“[^”]+”第 \d+ 行重复：同一志愿者在同一活动中/,
    rewrite: (_match, same) => ({
      problem: same
        ? `与本表${same}重复：同一志愿者在同一活动中只能登记一次`
        : '此志愿者在同一活动中已由另一份报送的名单登记',
      fix: '请删除重复的一行',
    }),
  },
  {
    pattern: /^与“[^”]+”第 \d+ 行重复：同一清单项目/,
    rewrite: (_match, same) => ({
      problem: same ? `与本表${same}重复：同一清单项目只能出现一次` : '此清单项目已在另一份报送的清单中出现',
      fix: '请核对序号和活动名称，删除重复的一行',
    }),
  },
  {
    // The name the roster holds may come from another school: not repeated to this one.
    pattern: /在花名册中登记的姓名是“[^”]*”，与本行的“([^”]*)”不一致/,
    rewrite: (match) => ({
      problem: `此身份证号码在州志愿者花名册中登记的姓名与本行的“${match[1]}”不一致`,
      fix: '请核对姓名和身份证号码',
    }),
  },
  {
    // The bureau restores from its own recycle bin; the school has nothing to fix.
    pattern: /^志愿者“[^”]*”在回收站中/,
    rewrite: () => null,
  },
  {
    pattern: /不在志愿者花名册中/,
    rewrite: () => ({
      problem: '此志愿者不在州志愿者花名册中',
      fix: '请先用表1（志愿者花名册）报送此人，或核对身份证号码',
    }),
  },
  {
    pattern: /^找不到必填列(.+?)：/,
    rewrite: (match) => ({
      problem: `表格中找不到必填列${match[1]}`,
      fix: `请使用本表的模板，把表头写成模板中的列名${match[1]}后重新报送`,
    }),
  },
  {
    pattern: /^(\d+ 年度活动清单中没有序号 \d+ 的项目)/,
    rewrite: (match) => ({
      problem: match[1] ?? '活动清单中没有此序号',
      fix: '请核对清单序号（须为该年度活动清单中的序号），不确定时请留空',
    }),
  },
]

/** The bureau's chores in a message, said to the school as what it can do. */
function forSchoolVoice(text: string): string {
  return text
    .replace(/请让学校重新发送/g, '请重新发送')
    .replace(/(后)?再导入/g, '$1重新报送')
    .replace(/分别导入/g, '分别报送')
    .replace(/导入预览中/g, '')
}

/** "问题：请…" / "问题，请…" → 问题 and 如何修改. */
function splitFix(text: string, level: ImportIssue['level']): { problem: string; fix: string } {
  const at = [text.indexOf('：请'), text.indexOf('，请'), text.indexOf('；请')]
    .filter((index) => index > 0)
    .sort((a, b) => a - b)[0]
  if (at === undefined)
    return {
      problem: text.replace(/[。；]$/, ''),
      fix: level === 'error' ? '请按问题改正' : '请核对，确认无误可不修改',
    }
  return { problem: text.slice(0, at), fix: text.slice(at + 1).replace(/。$/, '') }
}

/** A file name the clerk's machine knows as a path is only its name to the school. */
function withoutPaths(text: string): string {
  return text.replace(/“([^”]*[\\/][^”]*)”/g, (_all, path: string) => `“${basename(path.replace(/\\/g, '/'))}”`)
}

/** The school's wording of a message about `file` (null: nothing for the school to do). */
function rewrite(text: string, file: string, level: ImportIssue['level']): { problem: string; fix: string } | null {
  for (const rule of RULES) {
    const match = text.match(rule.pattern)
    if (!match) continue
    const other = text.match(OTHER_ROW)
    return rule.rewrite(match, other && other[1] === file ? `第 ${other[2]} 行` : null)
  }
  return splitFix(withoutPaths(forSchoolVoice(text)), level)
}

/** The school's view of one issue, or null when there is nothing for the school to do. */
export function schoolIssue(issue: ImportIssue): SchoolIssue | null {
  const rewritten = rewrite(issue.message.replace(ROW_PREFIX, ''), issue.file, issue.level)
  return (
    rewritten && {
      sheet: issue.sheet,
      row: issue.row,
      column: issue.column,
      cell: issue.cell,
      level: issue.level,
      ...rewritten,
    }
  )
}

/**
 * Why a whole file could not be read, told to the school, or null when the fault is on the
 * bureau's side (a path the clerk typed that does not exist): no reply is sent for that.
 */
export function schoolFileError(error: string): { problem: string; fix: string } | null {
  if (/^(找不到或无法打开文件|不是文件|没有提供文件内容)/.test(error)) return null
  return rewrite(error, '', 'error')
}
