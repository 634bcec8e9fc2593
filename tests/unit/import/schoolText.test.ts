// What the school is told, issue by issue: only its own file, and only what it can fix.
import { describe, expect, it } from 'vitest'
import { schoolFileError, schoolIssue } from '../../../src-main/core/import/schoolText'
import type { ImportIssue } from '../../../src-main/core/import/types'
import { MESSAGES, tooLarge } from '../../../src-main/core/xlsx/readGuard'

const OWN = 'D:\\教育局\\2026\\03-东乡县锁南中学.xlsx'
const OTHER = 'D:\\教育局\\2026\\01-临夏州中学.xlsx'

function issue(message: string, level: ImportIssue['level'] = 'error'): ImportIssue {
  return {
    file: OWN,
    fileIndex: 1,
    sheet: '花名册',
    row: 7,
    column: '姓名',
    cell: 'B7',
    level,
    message: `第 7 行“姓名”：${message}`,
  }
}

const told = (message: string, level: ImportIssue['level'] = 'error') => {
  const school = schoolIssue(issue(message, level))
  return school && `${school.problem}｜${school.fix}`
}

describe('schoolIssue', () => {
  it('speaks of a clash with another file without naming it or its people', () => {
    expect(told(`身份证号码与“${OTHER}”第 5 行相同，但姓名不同（“王芳”）：请核对姓名和身份证号码`)).toBe(
      '此身份证号码已在另一份报送的名单中出现，但姓名与本行不同｜请核对本行的姓名和身份证号码',
    )
    expect(told(`与“${OTHER}”第 5 行是同一活动（名称和开展日期相同），只能登记一次`)).not.toMatch(/临夏州中学|第 5 行/)
    expect(told(`与“${OTHER}”第 5 行重复：同一志愿者在同一活动中只能登记一次`)).not.toMatch(/临夏州中学|第 5 行/)
    expect(told(`与“${OTHER}”第 5 行重复：同一清单项目只能出现一次，请核对序号`)).not.toMatch(/临夏州中学|第 5 行/)
  })

  it('names the other row when it is in the school’s own file', () => {
    expect(told(`身份证号码与“${OWN}”第 5 行相同，但姓名不同（“王芳”）：请核对姓名和身份证号码`)).toBe(
      '身份证号码与本表第 5 行相同，但姓名不同｜请核对这两行的姓名和身份证号码',
    )
    expect(told(`与“${OWN}”第 5 行是同一身份证号码，已合并为同一位志愿者（以后出现的非空信息为准）`, 'warning')).toBe(
      '与本表第 5 行是同一身份证号码（同一人填了两行）｜请删除重复的一行',
    )
  })

  it('leaves out what only the bureau can act on', () => {
    expect(
      told(`与“${OTHER}”第 5 行是同一身份证号码，已合并为同一位志愿者（以后出现的非空信息为准）`, 'warning'),
    ).toBeNull()
    expect(told('志愿者“王芳”在回收站中：请先恢复，再导入其参与记录')).toBeNull()
  })

  it('does not repeat the roster’s name for an ID number', () => {
    expect(
      told('身份证号码 622926********0022 在花名册中登记的姓名是“王芳”，与本行的“王丽”不一致：请核对姓名和身份证号码'),
    ).toBe('此身份证号码在州志愿者花名册中登记的姓名与本行的“王丽”不一致｜请核对姓名和身份证号码')
  })

  it('splits a plain message into the problem and what to do, without the row prefix', () => {
    expect(told('身份证号码校验位错误：按前 17 位计算，第18位应为“9”，现为“1”；请对照身份证原件核对全部号码')).toBe(
      '身份证号码校验位错误：按前 17 位计算，第18位应为“9”，现为“1”｜请对照身份证原件核对全部号码',
    )
    expect(told('姓名必填。')).toBe('姓名必填｜请按问题改正')
  })
})

describe('schoolFileError', () => {
  it('tells why a file could not be read and what to do, in the school’s terms', () => {
    expect(schoolFileError(MESSAGES.legacy)?.fix).toMatch(/另存为 \.xlsx（不设密码）后重新报送$/)
    expect(schoolFileError(MESSAGES.damaged)?.fix).toMatch(/^请重新发送/)
    expect(schoolFileError(tooLarge(40 * 1024 * 1024, 30 * 1024 * 1024))?.fix).toMatch(/分别报送$/)
    expect(
      schoolFileError(
        '找不到必填列“身份证号码”：请在导入预览中手动指定它对应表格的哪一列（指定一次后，同样表头的文件会自动沿用）',
      ),
    ).toEqual({
      problem: '表格中找不到必填列“身份证号码”',
      fix: '请使用本表的模板，把表头写成模板中的列名“身份证号码”后重新报送',
    })
  })

  it('sends nothing for a fault on the bureau’s side (a path that does not exist)', () => {
    expect(schoolFileError(`找不到或无法打开文件：${OTHER}`)).toBeNull()
  })
})
