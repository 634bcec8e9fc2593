import { describe, it, expect } from 'vitest'
import { idCheckChar, validatePerson, type PersonInput } from '../../../src-main/core/domain'

const TODAY = new Date(2026, 4, 20)
const MAN = '622901198503120012' // hand-verified: male, born 1985-03-12
const WOMAN = `62292619900715002${idCheckChar('62292619900715002')}` // female, born 1990-07

function validate(input: PersonInput, vocabulary?: { categories: string[]; teams: string[] }) {
  return validatePerson(input, { today: TODAY, ...(vocabulary ? { vocabulary } : {}) })
}

function messages(input: PersonInput) {
  return validate(input).issues.map((issue) => `${issue.field}:${issue.level}:${issue.message}`)
}

describe('validatePerson', () => {
  it('builds a person from the minimum: name and ID, taking gender and birth month from the ID', () => {
    const { person, issues } = validate({ name: '马建国', idNumber: MAN })
    expect(issues).toEqual([])
    expect(person).toEqual({
      name: '马建国',
      gender: '男',
      ethnic: null,
      birth: '1985.03',
      political: null,
      idNumber: MAN,
      education: null,
      unit: null,
      post: null,
      countyCode: null,
      phone: null,
      category: null,
      speciality: null,
      team: null,
      note: null,
      volunteerNo: null,
      guardianName: null,
      guardianConsentOn: null,
    })
  })

  it('normalises every controlled field', () => {
    const { person, issues } = validate({
      name: ' 马丽 ',
      idNumber: WOMAN,
      gender: '女性',
      ethnic: '东乡',
      birth: '1990年7月',
      political: '团员',
      education: '本科',
      county: '东乡县',
      phone: '138 1234 1234',
      category: '名师',
      team: '教育宣讲团',
    })
    expect(issues).toEqual([])
    expect(person).toMatchObject({
      name: '马丽',
      gender: '女',
      ethnic: '东乡族',
      birth: '1990.07',
      political: '共青团员',
      education: '大学本科',
      countyCode: '622926',
      phone: '13812341234',
      category: '名师',
      team: '教育宣讲团',
    })
  })

  it('warns when the gender contradicts the ID and keeps the ID’s gender', () => {
    const { person, issues } = validate({ name: '马建国', idNumber: MAN, gender: '女' })
    expect(person?.gender).toBe('男')
    expect(issues).toEqual([
      { field: 'gender', level: 'warning', message: '性别“女”与身份证号码不符，已按身份证号码记为“男”' },
    ])
  })

  it('warns about an unknown gender and takes the ID’s', () => {
    const { person, issues } = validate({ name: '马建国', idNumber: MAN, gender: '未知' })
    expect(person?.gender).toBe('男')
    expect(issues[0]?.message).toContain('“未知”')
  })

  it('warns when the birth month contradicts the ID and keeps the ID’s', () => {
    const { person, issues } = validate({ name: '马建国', idNumber: MAN, birth: '1985.04' })
    expect(person?.birth).toBe('1985.03')
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ field: 'birth', level: 'warning' })
    expect(issues[0]?.message).toContain('“1985.04”')
    expect(issues[0]?.message).toContain('“1985.03”')
  })

  it('warns about an unknown ethnic group and leaves it empty', () => {
    const { person, issues } = validate({ name: '马建国', idNumber: MAN, ethnic: '穿青人' })
    expect(person?.ethnic).toBeNull()
    expect(issues).toEqual([
      {
        field: 'ethnic',
        level: 'warning',
        message: expect.stringContaining('民族“穿青人”不是标准民族名称（GB 3304），请改为如“回族”“汉族”'),
      },
    ])
  })

  it('rejects a missing name with an error and no person', () => {
    const { person, issues } = validate({ name: '  ', idNumber: MAN })
    expect(person).toBeNull()
    expect(issues).toEqual([{ field: 'name', level: 'error', message: expect.stringContaining('姓名不能为空') }])
  })

  it('rejects a name with digits or of one character', () => {
    expect(messages({ name: '张三1', idNumber: MAN })[0]).toContain('姓名不能含数字')
    expect(validate({ name: '王', idNumber: MAN }).person).toBeNull()
  })

  it('removes padding spaces inside a Chinese name', () => {
    expect(validate({ name: '王\u3000\u3000芳', idNumber: WOMAN }).person?.name).toBe('王芳')
  })

  it('rejects an invalid ID with the ID check’s message, still reporting other fields', () => {
    const { person, issues } = validate({ name: '马建国', idNumber: '622901198503120013', ethnic: 'xx' })
    expect(person).toBeNull()
    expect(issues.find((issue) => issue.field === 'idNumber')).toMatchObject({
      level: 'error',
      message: expect.stringContaining('校验位'),
    })
    expect(issues.some((issue) => issue.field === 'ethnic' && issue.level === 'warning')).toBe(true)
  })

  it('rejects an ID that arrived as a number cell', () => {
    const { person, issues } = validate({ name: '马建国', idNumber: 622901198503120000 })
    expect(person).toBeNull()
    expect(issues[0]?.message).toContain('文本')
  })

  it('trims free text and turns empty free text into null', () => {
    const { person } = validate({
      name: '马建国',
      idNumber: MAN,
      unit: '\u3000临夏州中学 ',
      post: "'高级教师",
      speciality: '',
      note: '  ',
    })
    expect(person).toMatchObject({ unit: '临夏州中学', post: '高级教师', speciality: null, note: null })
  })

  it('rejects free text over 200 characters', () => {
    const { person, issues } = validate({ name: '马建国', idNumber: MAN, note: '很'.repeat(201) })
    expect(person).toBeNull()
    expect(issues[0]).toMatchObject({ field: 'note', level: 'error', message: expect.stringContaining('201 个字') })
  })

  it('keeps a malformed phone as typed, with a warning', () => {
    const { person, issues } = validate({ name: '马建国', idNumber: MAN, phone: '138-1234' })
    expect(person?.phone).toBe('138-1234')
    expect(issues[0]).toMatchObject({ field: 'phone', level: 'warning' })
  })

  it('warns about unknown political status, education, county and category and drops them', () => {
    const { person, issues } = validate({
      name: '马建国',
      idNumber: MAN,
      political: '党外',
      education: '幼儿',
      county: '临夏',
      category: '名人',
    })
    expect(person).toMatchObject({ political: null, education: null, countyCode: null, category: null })
    expect(issues.map((issue) => issue.field)).toEqual(['political', 'education', 'county', 'category'])
    expect(issues.every((issue) => issue.level === 'warning')).toBe(true)
    expect(issues[2]?.message).toContain('临夏市或临夏县')
  })

  it('keeps a team that is not in the list, with a warning', () => {
    const { person, issues } = validate({ name: '马建国', idNumber: MAN, team: '某某服务队' })
    expect(person?.team).toBe('某某服务队')
    expect(issues).toEqual([
      { field: 'team', level: 'warning', message: expect.stringContaining('所属服务队“某某服务队”不在服务队名单中') },
    ])
  })

  it('accepts categories and teams the clerk added to the database', () => {
    const { person, issues } = validate(
      { name: '马建国', idNumber: MAN, category: '家长志愿者', team: '康乐县分队' },
      { categories: ['家长志愿者'], teams: ['康乐县分队'] },
    )
    expect(issues).toEqual([])
    expect(person).toMatchObject({ category: '家长志愿者', team: '康乐县分队' })
  })
})
