// Issue #9 items 7 and 8 on the roster: a volunteer under 14 needs a guardian's name and consent date
// (form, CLI and import alike), 志愿者编号 is optional and checked, and a 16-column 表1 return made
// before these columns were appended still imports unchanged.
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { ageFromId } from '../../../src-main/core/domain'
import { makeId } from '../../support/people'
import { openLedger, type Ledger } from '../import/support'

// The clock is 2026-11-29: born 2013-06-01 is 13, born 2012-11-29 turned 14 today.
const THIRTEEN = makeId('622901', '20130601', 12, true)
const FOURTEEN_TODAY = makeId('622901', '20121129', 13, false)
const ADULT = makeId('622901', '19850312', 1, true)

let ledger: Ledger
beforeEach(() => {
  ledger = openLedger()
})
afterEach(() => ledger.close())

const save = (fields: Record<string, string>) => invoke(ledger.ctx, 'roster.save', { fields, mode: 'keep' })

describe('age from the ID number', () => {
  it('counts whole years, a birthday from that day on', () => {
    expect(ageFromId(FOURTEEN_TODAY, '2026-11-28')).toBe(13)
    expect(ageFromId(FOURTEEN_TODAY, '2026-11-29')).toBe(14)
    expect(ageFromId('not an id', '2026-11-29')).toBeNull()
  })
})

describe('a volunteer under 14 needs the guardian', () => {
  it('refuses a 13-year-old without guardian name and consent date, naming both fields', async () => {
    await expect(save({ name: '马小明', idNumber: THIRTEEN })).rejects.toMatchObject({
      message: expect.stringMatching(/须填写监护人姓名.*须填写监护人同意日期/),
    })
    await expect(save({ name: '马小明', idNumber: THIRTEEN, guardianName: '马福' })).rejects.toMatchObject({
      message: expect.stringContaining('监护人同意日期'),
    })
    expect(ledger.ctx.db.prepare('SELECT COUNT(*) FROM volunteers').pluck().get()).toBe(0)
  })

  it('saves the 13-year-old with a guardian and a consent date, and keeps both', async () => {
    const result = await save({
      name: '马小明',
      idNumber: THIRTEEN,
      guardianName: '马福',
      guardianConsentOn: '2026年9月1日',
    })
    const view = await invoke(ledger.ctx, 'roster.get', { id: result.id })
    expect(view).toMatchObject({
      guardianName: '马福',
      guardianConsentOn: '2026-09-01',
      idMasked: expect.stringContaining('*'),
    })
  })

  it('refuses a consent date that cannot be read or is after today', async () => {
    await expect(
      save({ name: '马小明', idNumber: THIRTEEN, guardianName: '马福', guardianConsentOn: '九月' }),
    ).rejects.toMatchObject({ message: expect.stringContaining('监护人同意日期“九月”无法识别') })
    await expect(
      save({ name: '马小明', idNumber: THIRTEEN, guardianName: '马福', guardianConsentOn: '2026-12-01' }),
    ).rejects.toMatchObject({ message: expect.stringContaining('晚于今天') })
  })

  it('does not ask for a guardian from the 14th birthday on', async () => {
    await expect(save({ name: '李小红', idNumber: FOURTEEN_TODAY })).resolves.toMatchObject({ created: true })
  })
})

describe('志愿者编号', () => {
  it('is kept when given and refused with the field named when malformed', async () => {
    const { id } = await save({ name: '马建国', idNumber: ADULT, volunteerNo: 'ZY62290100012' })
    expect(await invoke(ledger.ctx, 'roster.get', { id })).toMatchObject({ volunteerNo: 'ZY62290100012' })
    await expect(save({ name: '马建国', idNumber: ADULT, volunteerNo: '编号一' })).rejects.toMatchObject({
      message: expect.stringContaining('志愿者编号“编号一”'),
    })
  })
})

async function rosterFile(headers: string[], rows: (string | null)[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('花名册')
  sheet.addRow(['临夏州教育系统新时代文明实践志愿服务队志愿者花名册'])
  sheet.addRow(['填报单位（盖章）：临夏州中学'])
  sheet.addRow(headers)
  for (const row of rows) sheet.addRow(row)
  return new Uint8Array(await book.xlsx.writeBuffer())
}

const OLD_HEADERS = [
  '序号',
  '姓名',
  '性别',
  '民族',
  '出生年月',
  '政治面貌',
  '身份证号码',
  '学历',
  '工作单位',
  '职务/职称',
  '所在县市',
  '联系电话',
  '志愿者类别',
  '特长',
  '所属服务队',
  '备注',
]

describe('表1 returns and the appended columns', () => {
  it('imports an old 16-column return unchanged', async () => {
    const data = await rosterFile(OLD_HEADERS, [
      [
        '1',
        '马建国',
        '男',
        '回族',
        '1985.03',
        '群众',
        ADULT,
        '大学本科',
        '临夏州中学',
        '一级教师',
        '临夏市',
        '13893012345',
        null,
        '书法',
        null,
        null,
      ],
    ])
    const result = await invoke(ledger.ctx, 'import.run', {
      form: 'roster',
      files: [{ name: '临夏州中学.xlsx', data }],
    })
    expect(result.files[0]).toMatchObject({ status: 'imported', accepted: 1 })
    expect(
      ledger.ctx.db.prepare('SELECT name, unit, speciality, volunteer_no, guardian_name FROM volunteers').get(),
    ).toEqual({ name: '马建国', unit: '临夏州中学', speciality: '书法', volunteer_no: null, guardian_name: null })
  })

  it('refuses a 13-year-old row without guardian, naming the column, and takes the row that has one', async () => {
    const headers = [...OLD_HEADERS, '志愿者编号', '监护人姓名', '监护人同意日期']
    const blank = Array<null>(13).fill(null)
    const data = await rosterFile(headers, [
      ['1', '马小明', null, null, null, null, THIRTEEN, ...blank.slice(0, 9), 'ZY001', null, null],
      [
        '2',
        '李小红',
        null,
        null,
        null,
        null,
        makeId('622901', '20140301', 14, false),
        ...blank.slice(0, 9),
        null,
        '李梅',
        '2026-10-08',
      ],
    ])
    const result = await invoke(ledger.ctx, 'import.run', {
      form: 'roster',
      files: [{ name: '临夏州中学.xlsx', data }],
    })
    expect(result.files[0]).toMatchObject({ accepted: 1 })
    const issues = JSON.stringify(result)
    expect(issues).toContain('监护人姓名')
    expect(ledger.ctx.db.prepare('SELECT name, guardian_name, guardian_consent_on FROM volunteers').all()).toEqual([
      { name: '李小红', guardian_name: '李梅', guardian_consent_on: '2026-10-08' },
    ])
  })
})

describe('a participant under 10 (age at the activity date)', () => {
  const NINE = makeId('622901', '20170501', 21, true) // 9 on 2026-11-20, 10 from 2027-05-01

  async function youngAndActivity(youngReason?: string) {
    const { id } = await save({ name: '马小宝', idNumber: NINE, guardianName: '马福', guardianConsentOn: '2026-09-01' })
    return invoke(ledger.ctx, 'activities.save', {
      fields: { name: '红色研学', heldOn: '2026-11-20', defaultHours: 2, leader: '张敏' } as never,
      participants: [{ volunteerId: id, youngReason }],
    })
  }

  it('is refused without the clerk’s reason, naming the field', async () => {
    await expect(youngAndActivity()).rejects.toMatchObject({
      message: expect.stringMatching(/未满 10 周岁（9 岁）.*未满10周岁确认原因/),
    })
    expect(ledger.ctx.db.prepare('SELECT COUNT(*) FROM activities').pluck().get()).toBe(0)
  })

  it('is accepted with a reason, which is kept in the audit history', async () => {
    const { id } = await youngAndActivity('随家长参加亲子志愿服务')
    expect(ledger.ctx.db.prepare('SELECT COUNT(*) FROM participations WHERE activity_id = ?').pluck().get(id)).toBe(1)
    expect(
      ledger.ctx.db.prepare("SELECT summary FROM audit WHERE summary LIKE '确认未满10周岁%'").pluck().get(),
    ).toMatch(/马小宝.*原因：随家长参加亲子志愿服务/)
  })
})

describe('表4 hours rounded to 0.5 h for a platform upload', () => {
  it('rounds in the export only; the record keeps its hours', async () => {
    const { reportTables } = await import('../../../src-main/core/reports/tables')
    const { id } = await save({ name: '马建国', idNumber: ADULT })
    await invoke(ledger.ctx, 'activities.save', {
      fields: { name: '送教下乡', heldOn: '2026-11-20', defaultHours: 2, leader: '张敏' } as never,
      participants: [{ volunteerId: id, hours: 2.3 }],
    })
    const hoursOf = (roundHalf: boolean) => {
      const tables = reportTables(ledger.ctx, 'hours', { year: 2026, roundHalf })
      return JSON.stringify(tables.sheets[0]?.content.rows)
    }
    expect(hoursOf(true)).toContain('2.5')
    expect(hoursOf(true)).not.toContain('2.3')
    expect(hoursOf(false)).toContain('2.3')
    expect(ledger.ctx.db.prepare('SELECT hours FROM participations').pluck().get()).toBe(2.3)
  })
})
