import { describe, it, expect } from 'vitest'
import {
  COUNTIES,
  DEPARTMENTS,
  ETHNIC_GROUPS,
  TASKS,
  TEAMS,
  VOLUNTEER_CATEGORIES,
  findCounty,
  matchVocabulary,
  normalizeDepartment,
  normalizeEducation,
  normalizeEthnic,
  normalizeGender,
  normalizePolitical,
  splitDepartments,
} from '../../../src-main/core/domain'

describe('ETHNIC_GROUPS', () => {
  it('holds exactly the 56 unique GB 3304 names, starting with 汉族 and ending with 基诺族', () => {
    expect(ETHNIC_GROUPS).toHaveLength(56)
    expect(new Set(ETHNIC_GROUPS).size).toBe(56)
    expect(ETHNIC_GROUPS[0]).toBe('汉族')
    expect(ETHNIC_GROUPS[2]).toBe('回族')
    expect(ETHNIC_GROUPS[55]).toBe('基诺族')
    for (const name of ETHNIC_GROUPS) expect(name.endsWith('族')).toBe(true)
  })
})

describe('normalizeEthnic', () => {
  it('expands short forms to the standard name', () => {
    expect(normalizeEthnic('回')).toBe('回族')
    expect(normalizeEthnic('汉')).toBe('汉族')
    expect(normalizeEthnic('东乡')).toBe('东乡族')
    expect(normalizeEthnic('维吾尔')).toBe('维吾尔族')
    expect(normalizeEthnic('保安')).toBe('保安族')
  })

  it('keeps 土 and 土家 apart', () => {
    expect(normalizeEthnic('土')).toBe('土族')
    expect(normalizeEthnic('土家')).toBe('土家族')
    expect(normalizeEthnic('土家族')).toBe('土家族')
    expect(normalizeEthnic('土族')).toBe('土族')
  })

  it('accepts the standard name with stray spaces', () => {
    expect(normalizeEthnic(' 回 族\u3000')).toBe('回族')
  })

  it('rejects names that are not among the 56', () => {
    expect(normalizeEthnic('穿青人')).toBeNull()
    expect(normalizeEthnic('其他')).toBeNull()
    expect(normalizeEthnic('回回')).toBeNull()
    expect(normalizeEthnic('')).toBeNull()
  })
})

describe('political status, education and gender', () => {
  it('normalises common political-status variants', () => {
    expect(normalizePolitical('党员')).toBe('中共党员')
    expect(normalizePolitical('中国共产党党员')).toBe('中共党员')
    expect(normalizePolitical('预备党员')).toBe('中共预备党员')
    expect(normalizePolitical('团员')).toBe('共青团员')
    expect(normalizePolitical('九三学社社员')).toBe('民主党派成员')
    expect(normalizePolitical('无党派')).toBe('无党派人士')
    expect(normalizePolitical('普通群众')).toBe('群众')
    expect(normalizePolitical('党外人士')).toBeNull()
  })

  it('normalises common education variants, with or without 学历', () => {
    expect(normalizeEducation('硕士研究生')).toBe('研究生')
    expect(normalizeEducation('本科')).toBe('大学本科')
    expect(normalizeEducation('本科学历')).toBe('大学本科')
    expect(normalizeEducation('大专')).toBe('大学专科')
    expect(normalizeEducation('中师')).toBe('中专')
    expect(normalizeEducation('小学')).toBe('初中及以下')
    expect(normalizeEducation('幼儿园')).toBeNull()
  })

  it('normalises genders', () => {
    expect(normalizeGender('男性')).toBe('男')
    expect(normalizeGender('女')).toBe('女')
    expect(normalizeGender('f')).toBe('女')
    expect(normalizeGender('未知')).toBeNull()
  })

  it('matches a plain string list exactly and an entry list by alias', () => {
    expect(matchVocabulary(['名师', '骨干教师'], ' 名师 ')).toBe('名师')
    expect(matchVocabulary(['名师'], '名')).toBeNull()
    expect(matchVocabulary([{ value: 'A', aliases: ['b'] }], 'B')).toBe('A')
  })
})

describe('counties', () => {
  it('lists the eight divisions with their codes', () => {
    expect(COUNTIES.map((county) => county.code)).toEqual([
      '622901',
      '622921',
      '622922',
      '622923',
      '622924',
      '622925',
      '622926',
      '622927',
    ])
  })

  it('finds a county by full name, short name, code and with the prefecture prefix', () => {
    expect(findCounty('临夏市')).toEqual({ code: '622901', name: '临夏市' })
    expect(findCounty('临夏县')?.code).toBe('622921')
    expect(findCounty('东乡县')).toEqual({ code: '622926', name: '东乡族自治县' })
    expect(findCounty('东乡')?.code).toBe('622926')
    expect(findCounty('积石山县')).toEqual({ code: '622927', name: '积石山保安族东乡族撒拉族自治县' })
    expect(findCounty('622923')?.name).toBe('永靖县')
    expect(findCounty('临夏州临夏市')?.code).toBe('622901')
    expect(findCounty('临夏回族自治州广河县')?.code).toBe('622924')
  })

  it('refuses the ambiguous 临夏 and unknown places', () => {
    expect(findCounty('临夏')).toBeNull()
    expect(findCounty('临夏州临夏')).toBeNull()
    expect(findCounty('兰州市')).toBeNull()
    expect(findCounty('')).toBeNull()
  })
})

describe('departments', () => {
  it('lists the ten departments in DOMAIN.md order', () => {
    expect(DEPARTMENTS).toHaveLength(10)
    expect(DEPARTMENTS[0]?.name).toBe('办公室')
    expect(DEPARTMENTS[9]?.name).toBe('学生资助管理中心')
  })

  it('reads the plan’s short forms as the full names', () => {
    expect(normalizeDepartment('安全办')).toBe('安全管理办公室')
    expect(normalizeDepartment('基础教科')).toBe('基础教育科')
    expect(normalizeDepartment('教科所')).toBe('教育科学研究所')
    expect(normalizeDepartment('体卫艺科')).toBe('体育卫生与艺术教育科')
    expect(normalizeDepartment('办')).toBeNull()
  })

  it('splits a list of departments on Chinese and Latin separators, deduplicating', () => {
    expect(splitDepartments('安全办、基础教科，职教成教科')).toEqual({
      names: ['安全管理办公室', '基础教育科', '职教成教科'],
      unknown: [],
    })
    expect(splitDepartments('办公室; 资助中心/基础教育科 基础教科')).toEqual({
      names: ['办公室', '学生资助管理中心', '基础教育科'],
      unknown: [],
    })
  })

  it('reports the parts it does not know', () => {
    expect(splitDepartments('安全办；财务科')).toEqual({ names: ['安全管理办公室'], unknown: ['财务科'] })
    expect(splitDepartments('')).toEqual({ names: [], unknown: [] })
  })
})

describe('tasks, categories and teams', () => {
  it('declares the five tasks with departments that all exist', () => {
    expect(TASKS.map((task) => `${task.code}${task.name}`)).toEqual([
      '1教育宣讲',
      '2送教下乡',
      '3送艺下乡',
      '4劳动实践',
      '5送法下乡',
    ])
    const names = new Set(DEPARTMENTS.map((department) => department.name))
    for (const task of TASKS) for (const name of task.departments) expect(names.has(name)).toBe(true)
    expect(TASKS[4]?.departments).toEqual(['安全管理办公室', '基础教育科', '职教成教科', '学生资助管理中心'])
  })

  it('lists the sixteen volunteer categories ending with 其他', () => {
    expect(VOLUNTEER_CATEGORIES).toHaveLength(16)
    expect(VOLUNTEER_CATEGORIES).toContain('土专家')
    expect(VOLUNTEER_CATEGORIES[15]).toBe('其他')
  })

  it('declares teams whose parents are declared before them', () => {
    const seen = new Set<string>()
    for (const team of TEAMS) {
      if (team.parent !== null) expect(seen.has(team.parent)).toBe(true)
      seen.add(team.name)
    }
    expect(TEAMS.find((team) => team.kind === '合作')?.name).toBe('临夏州新时代文化文艺服务志愿服务队')
  })
})
