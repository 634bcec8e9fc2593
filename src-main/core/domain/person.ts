// The one validation of a volunteer's data (FORMS.md 表1), shared by the edit form, the CLI and the
// importer. The ID number is the authority: gender and birth month are derived from it, and a
// typed value that disagrees is reported and overruled rather than stored beside a contradiction.
// Errors reject the record; warnings keep it with the doubtful value dropped or kept as typed.
import { formatBirthMonth, parseBirthMonth } from './birth'
import { ageOn, GUARDIAN_AGE } from './age'
import { parseDay } from './day'
import { checkIdNumber, type IdCheckResult } from './idNumber'
import { normalizeFreeText, normalizeText } from './normalize'
import { checkPhone } from './phone'
import {
  EDUCATION_LEVELS,
  POLITICAL_STATUSES,
  TEAMS,
  VOLUNTEER_CATEGORIES,
  findCounty,
  normalizeEducation,
  normalizeEthnic,
  normalizeGender,
  normalizePolitical,
  vocabularyKey,
} from './vocabularies'

export type PersonField =
  | 'name'
  | 'gender'
  | 'ethnic'
  | 'birth'
  | 'political'
  | 'idNumber'
  | 'education'
  | 'unit'
  | 'post'
  | 'county'
  | 'phone'
  | 'category'
  | 'speciality'
  | 'team'
  | 'note'
  | 'volunteerNo'
  | 'guardianName'
  | 'guardianConsentOn'

export const PERSON_FIELD_LABELS: Record<PersonField, string> = {
  name: '姓名',
  gender: '性别',
  ethnic: '民族',
  birth: '出生年月',
  political: '政治面貌',
  idNumber: '身份证号码',
  education: '学历',
  unit: '工作单位',
  post: '职务/职称',
  county: '所在县市',
  phone: '联系电话',
  category: '志愿者类别',
  speciality: '特长',
  team: '所属服务队',
  note: '备注',
  volunteerNo: '志愿者编号',
  guardianName: '监护人姓名',
  guardianConsentOn: '监护人同意日期',
}

export type PersonInput = Partial<Record<PersonField, unknown>>

export interface Person {
  name: string
  gender: '男' | '女'
  ethnic: string | null
  /** YYYY.MM */
  birth: string
  political: string | null
  idNumber: string
  education: string | null
  unit: string | null
  post: string | null
  countyCode: string | null
  phone: string | null
  category: string | null
  speciality: string | null
  team: string | null
  note: string | null
  /** 全国志愿服务信息系统 volunteer number; optional. */
  volunteerNo: string | null
  /** Required for a volunteer under 14 (PIPL): the guardian's name and consent day (YYYY-MM-DD). */
  guardianName: string | null
  guardianConsentOn: string | null
}

export interface FieldIssue {
  field: PersonField
  level: 'error' | 'warning'
  message: string
}

/** The extendable lists, read from the database; the constants are the defaults. */
export interface PersonVocabulary {
  categories: readonly string[]
  teams: readonly string[]
}

export const DEFAULT_PERSON_VOCABULARY: PersonVocabulary = {
  categories: VOLUNTEER_CATEGORIES,
  teams: TEAMS.map((team) => team.name),
}

const NAME_MIN = 2
const NAME_MAX = 30
const FREE_TEXT_MAX = 200

type Report = (field: PersonField, level: FieldIssue['level'], message: string) => void
type ValidId = Extract<IdCheckResult, { ok: true }>

function nameProblem(name: string): string | null {
  if (name === '') return '姓名不能为空，请填写志愿者姓名'
  if (/\d/.test(name)) return `姓名不能含数字：“${name}”，请删除其中的数字`
  const length = [...name].length
  if (length < NAME_MIN) return `姓名“${name}”只有 ${length} 个字，请填写完整姓名`
  if (length > NAME_MAX)
    return `姓名“${name.slice(0, 10)}…”过长（${length} 个字），最多 ${NAME_MAX} 个字，请核对是否填错列`
  return null
}

function checkName(raw: unknown, report: Report): string | null {
  // Schools pad two-character names with spaces to line them up ("王  芳"); spaces between
  // Chinese characters are layout, not part of the name.
  const name = normalizeText(raw).replace(/(?<=[\u3400-\u9fff])\s+(?=[\u3400-\u9fff])/g, '')
  const problem = nameProblem(name)
  if (problem === null) return name
  report('name', 'error', problem)
  return null
}

function resolveGender(raw: unknown, id: ValidId | null, report: Report): '男' | '女' | null {
  const text = normalizeText(raw)
  if (text === '') return id?.gender ?? null
  const gender = normalizeGender(text)
  if (gender === null) {
    const fix = id ? `已按身份证号码记为“${id.gender}”` : '请改为“男”或“女”'
    report('gender', 'warning', `性别“${text}”无法识别，应填“男”或“女”；${fix}`)
    return id?.gender ?? null
  }
  if (id && gender !== id.gender) {
    report('gender', 'warning', `性别“${text}”与身份证号码不符，已按身份证号码记为“${id.gender}”`)
    return id.gender
  }
  return gender
}

function resolveBirth(raw: unknown, id: ValidId | null, report: Report): string | null {
  const fromId = id ? formatBirthMonth(id.birth) : null
  const text = normalizeText(raw)
  if (text === '') return fromId
  const parsed = parseBirthMonth(raw)
  if (parsed === null) {
    const fix = fromId ? `已按身份证号码记为“${fromId}”` : '请改为如“1985.03”的格式'
    report('birth', 'warning', `出生年月“${text}”无法识别，应写作如“1985.03”；${fix}`)
    return fromId
  }
  const typed = formatBirthMonth(parsed)
  if (fromId && typed !== fromId) {
    report('birth', 'warning', `出生年月“${typed}”与身份证号码不符，已按身份证号码记为“${fromId}”`)
    return fromId
  }
  return typed
}

function listOf(entries: readonly { value: string }[]): string {
  return entries.map((entry) => entry.value).join('、')
}

function resolveChoices(raw: PersonInput, report: Report) {
  const ethnicText = normalizeText(raw.ethnic)
  const ethnic = normalizeEthnic(ethnicText)
  if (ethnicText !== '' && ethnic === null) {
    report('ethnic', 'warning', `民族“${ethnicText}”不是标准民族名称（GB 3304），请改为如“回族”“汉族”；此项暂不记录`)
  }
  const politicalText = normalizeText(raw.political)
  const political = normalizePolitical(politicalText)
  if (politicalText !== '' && political === null) {
    report(
      'political',
      'warning',
      `政治面貌“${politicalText}”不是规定选项，请改为：${listOf(POLITICAL_STATUSES)}；此项暂不记录`,
    )
  }
  const educationText = normalizeText(raw.education)
  const education = normalizeEducation(educationText)
  if (educationText !== '' && education === null) {
    report(
      'education',
      'warning',
      `学历“${educationText}”不是规定选项，请改为：${listOf(EDUCATION_LEVELS)}；此项暂不记录`,
    )
  }
  return { ethnic, political, education }
}

function resolveCounty(raw: unknown, report: Report): string | null {
  const text = normalizeText(raw)
  if (text === '') return null
  const county = findCounty(text)
  if (county) return county.code
  const hint =
    vocabularyKey(text).replace(/^(?:甘肃省)?(?:临夏回族自治州|临夏州)/, '') === '临夏'
      ? '“临夏”可能指临夏市或临夏县，请写明'
      : '请填写临夏州八个县市之一（如临夏市、东乡县、积石山县）'
  report('county', 'warning', `所在县市“${text}”无法识别，${hint}；此项暂不记录`)
  return null
}

function resolvePhone(raw: unknown, report: Report): string | null {
  const result = checkPhone(raw)
  if (result.ok) return result.phone === '' ? null : result.phone
  // Kept as typed: a number the clerk cannot parse is still better than no number at all.
  report('phone', 'warning', result.message)
  return normalizeText(raw)
}

// Key → entry, built once per list (see matchVocabulary): the first entry with a key wins.
const listedIndexes = new WeakMap<readonly string[], Map<string, string>>()

function listedIndex(listed: readonly string[]): Map<string, string> {
  let index = listedIndexes.get(listed)
  if (!index) {
    index = new Map()
    for (const entry of listed) {
      const key = vocabularyKey(entry)
      if (!index.has(key)) index.set(key, entry)
    }
    listedIndexes.set(listed, index)
  }
  return index
}

function resolveListed(raw: unknown, listed: readonly string[]): { text: string; value: string | null } {
  const text = normalizeText(raw)
  if (text === '') return { text, value: null }
  const key = vocabularyKey(text)
  return { text, value: key === '' ? null : (listedIndex(listed).get(key) ?? null) }
}

function resolveCategory(raw: unknown, vocabulary: PersonVocabulary, report: Report): string | null {
  const { text, value } = resolveListed(raw, vocabulary.categories)
  if (text !== '' && value === null) {
    const examples = vocabulary.categories.slice(0, 5).join('、')
    report(
      'category',
      'warning',
      `志愿者类别“${text}”不在类别名单中，请从名单中选择（如 ${examples} 等）；此项暂不记录`,
    )
  }
  return value
}

function resolveTeam(raw: unknown, vocabulary: PersonVocabulary, report: Report): string | null {
  const { text, value } = resolveListed(raw, vocabulary.teams)
  if (text === '') return null
  if (value !== null) return value
  // An overlong text is an error already; a "not in the list" warning on top would only add noise.
  if ([...text].length > FREE_TEXT_MAX) return freeText('team', text, report)
  report('team', 'warning', `所属服务队“${text}”不在服务队名单中，已按原文记录；如是新服务队，请先在服务队名单中添加`)
  return text
}

function freeText(field: PersonField, raw: unknown, report: Report): string | null {
  const text = normalizeFreeText(raw, { multiline: field === 'note' })
  if (text === '') return null
  const length = [...text].length
  if (length > FREE_TEXT_MAX) {
    const label = PERSON_FIELD_LABELS[field]
    report(field, 'error', `${label}“${text.slice(0, 10)}…”过长（${length} 个字），最多 ${FREE_TEXT_MAX} 个字，请精简`)
  }
  return text
}

function resolveVolunteerNo(raw: unknown, report: Report): string | null {
  const text = normalizeText(raw).replace(/\s+/g, '')
  if (text === '') return null
  if (!/^[0-9A-Za-z-]{1,40}$/.test(text)) {
    report(
      'volunteerNo',
      'error',
      `志愿者编号“${text.slice(0, 20)}”只能由数字、字母和“-”组成（最多 40 位），请按全国志愿服务信息系统中的编号填写`,
    )
  }
  return text
}

/**
 * 监护人姓名 and 监护人同意日期: kept for anyone, required for a volunteer under 14 on `today`
 * (PIPL Art. 31: a child's data is processed only with the guardian's consent).
 */
function resolveGuardian(raw: PersonInput, id: ValidId | null, today: Date, report: Report) {
  const guardianName = freeText('guardianName', raw.guardianName, report)
  const consentText = normalizeText(raw.guardianConsentOn)
  let guardianConsentOn =
    consentText === '' && !(raw.guardianConsentOn instanceof Date) ? null : parseDay(raw.guardianConsentOn)
  const todayDay = localDayOf(today)
  if (consentText !== '' && guardianConsentOn === null) {
    report('guardianConsentOn', 'error', `监护人同意日期“${consentText}”无法识别，应写作如“2026-03-05”`)
  } else if (guardianConsentOn !== null && guardianConsentOn > todayDay) {
    report('guardianConsentOn', 'error', `监护人同意日期“${guardianConsentOn}”晚于今天，请核对`)
    guardianConsentOn = null
  }
  if (id && ageOn(id.birth, todayDay) < GUARDIAN_AGE) {
    const age = ageOn(id.birth, todayDay)
    if (guardianName === null)
      report('guardianName', 'error', `该志愿者未满 ${GUARDIAN_AGE} 周岁（${age} 岁），须填写监护人姓名后才能保存`)
    if (guardianConsentOn === null && consentText === '')
      report(
        'guardianConsentOn',
        'error',
        `该志愿者未满 ${GUARDIAN_AGE} 周岁（${age} 岁），须填写监护人同意日期后才能保存`,
      )
  }
  return { guardianName, guardianConsentOn }
}

function localDayOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

export function validatePerson(
  raw: PersonInput,
  options: { vocabulary?: PersonVocabulary; today?: Date } = {},
): { person: Person | null; issues: FieldIssue[] } {
  const vocabulary = options.vocabulary ?? DEFAULT_PERSON_VOCABULARY
  const issues: FieldIssue[] = []
  const report: Report = (field, level, message) => issues.push({ field, level, message })

  const name = checkName(raw.name, report)
  const idResult = checkIdNumber(raw.idNumber, options.today ?? new Date())
  if (!idResult.ok) report('idNumber', 'error', idResult.message)
  const id = idResult.ok ? idResult : null
  const gender = resolveGender(raw.gender, id, report)
  const birth = resolveBirth(raw.birth, id, report)
  const rest = {
    ...resolveChoices(raw, report),
    unit: freeText('unit', raw.unit, report),
    post: freeText('post', raw.post, report),
    countyCode: resolveCounty(raw.county, report),
    phone: resolvePhone(raw.phone, report),
    category: resolveCategory(raw.category, vocabulary, report),
    speciality: freeText('speciality', raw.speciality, report),
    team: resolveTeam(raw.team, vocabulary, report),
    note: freeText('note', raw.note, report),
    volunteerNo: resolveVolunteerNo(raw.volunteerNo, report),
    ...resolveGuardian(raw, id, options.today ?? new Date(), report),
  }
  // name, gender and birth are only missing when an error was reported, but the compiler
  // cannot know that; checking them here keeps Person honest without a cast.
  if (name === null || id === null || gender === null || birth === null) return { person: null, issues }
  if (issues.some((issue) => issue.level === 'error')) return { person: null, issues }
  return { person: { name, gender, birth, idNumber: id.id, ...rest }, issues }
}
