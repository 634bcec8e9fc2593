// The programme's reference data (DOMAIN.md, FORMS.md 表1) and the one way to read a typed value
// against it. The database is seeded from these constants; the clerk may extend categories and teams.
import { normalizeText } from './normalize'

export interface VocabularyEntry {
  value: string
  aliases?: readonly string[]
}

/** GB 3304 names, in the standard's order (which is also the order of the drop-down). */
export const ETHNIC_GROUPS = [
  '汉族',
  '蒙古族',
  '回族',
  '藏族',
  '维吾尔族',
  '苗族',
  '彝族',
  '壮族',
  '布依族',
  '朝鲜族',
  '满族',
  '侗族',
  '瑶族',
  '白族',
  '土家族',
  '哈尼族',
  '哈萨克族',
  '傣族',
  '黎族',
  '傈僳族',
  '佤族',
  '畲族',
  '高山族',
  '拉祜族',
  '水族',
  '东乡族',
  '纳西族',
  '景颇族',
  '柯尔克孜族',
  '土族',
  '达斡尔族',
  '仫佬族',
  '羌族',
  '布朗族',
  '撒拉族',
  '毛南族',
  '仡佬族',
  '锡伯族',
  '阿昌族',
  '普米族',
  '塔吉克族',
  '怒族',
  '乌孜别克族',
  '俄罗斯族',
  '鄂温克族',
  '德昂族',
  '保安族',
  '裕固族',
  '京族',
  '塔塔尔族',
  '独龙族',
  '鄂伦春族',
  '赫哲族',
  '门巴族',
  '珞巴族',
  '基诺族',
] as const

// Short forms are whole-word aliases ("土" and "土家" are separate entries), never prefixes, so
// 土 cannot swallow 土家族. 维族/蒙族 are the everyday spoken forms.
const ETHNIC_ENTRIES: readonly VocabularyEntry[] = ETHNIC_GROUPS.map((value) => ({
  value,
  aliases: [value.slice(0, -1), ...(value === '维吾尔族' ? ['维族'] : value === '蒙古族' ? ['蒙族'] : [])],
}))

export const POLITICAL_STATUSES: readonly VocabularyEntry[] = [
  { value: '中共党员', aliases: ['党员', '共产党员', '中国共产党党员', '中国共产党员'] },
  { value: '中共预备党员', aliases: ['预备党员', '中国共产党预备党员'] },
  { value: '共青团员', aliases: ['团员', '中国共产主义青年团团员'] },
  {
    value: '民主党派成员',
    aliases: [
      '民主党派',
      '民革党员',
      '民盟盟员',
      '民建会员',
      '民进会员',
      '农工党党员',
      '致公党党员',
      '九三学社社员',
      '台盟盟员',
    ],
  },
  { value: '无党派人士', aliases: ['无党派', '无党派民主人士'] },
  { value: '群众', aliases: ['普通群众'] },
]

export const EDUCATION_LEVELS: readonly VocabularyEntry[] = [
  { value: '研究生', aliases: ['博士', '博士研究生', '硕士', '硕士研究生', '研究生学历'] },
  { value: '大学本科', aliases: ['本科', '大学', '大本'] },
  { value: '大学专科', aliases: ['专科', '大专'] },
  { value: '中专', aliases: ['中师', '中等专科', '中等专业', '职高', '技校'] },
  { value: '高中', aliases: ['普高'] },
  { value: '初中及以下', aliases: ['初中', '小学', '初中以下'] },
]

export const GENDERS: readonly VocabularyEntry[] = [
  { value: '男', aliases: ['男性', 'M'] },
  { value: '女', aliases: ['女性', 'F'] },
]

export interface County {
  code: string
  name: string
  shortNames: readonly string[]
}

// "临夏" alone is deliberately absent: it could be 临夏市 or 临夏县.
export const COUNTIES: readonly County[] = [
  { code: '622901', name: '临夏市', shortNames: [] },
  { code: '622921', name: '临夏县', shortNames: [] },
  { code: '622922', name: '康乐县', shortNames: ['康乐'] },
  { code: '622923', name: '永靖县', shortNames: ['永靖'] },
  { code: '622924', name: '广河县', shortNames: ['广河'] },
  { code: '622925', name: '和政县', shortNames: ['和政'] },
  { code: '622926', name: '东乡族自治县', shortNames: ['东乡县', '东乡'] },
  { code: '622927', name: '积石山保安族东乡族撒拉族自治县', shortNames: ['积石山县', '积石山'] },
]

export interface Department {
  name: string
  aliases: readonly string[]
}

export const DEPARTMENTS: readonly Department[] = [
  { name: '办公室', aliases: ['局办公室'] },
  { name: '基础教育科', aliases: ['基础教科', '基教科'] },
  { name: '职教成教科', aliases: ['职成教科'] },
  { name: '教师发展科', aliases: ['教师发展'] },
  { name: '体育卫生与艺术教育科', aliases: ['体卫艺科', '体卫艺'] },
  { name: '教育党工委办公室', aliases: ['党工委办公室', '党工委办'] },
  { name: '教育科学研究所', aliases: ['教科所'] },
  { name: '安全管理办公室', aliases: ['安全办'] },
  { name: '学前教育发展中心', aliases: ['学前中心'] },
  { name: '学生资助管理中心', aliases: ['资助中心'] },
]

export interface Task {
  code: number
  name: string
  description: string
  departments: readonly string[]
}

export const TASKS: readonly Task[] = [
  {
    code: 1,
    name: '教育宣讲',
    description: '组织宣讲团深入各县市学校开展宣讲；假期开展红色研学（博物馆、烈士陵园、青少年活动中心等）',
    departments: ['教育党工委办公室', '基础教育科'],
  },
  {
    code: 2,
    name: '送教下乡',
    description: '名师送教到农村学校；专递课堂、名师课堂、名校网络课堂；讲座、研讨、网络教研',
    departments: ['办公室', '职教成教科', '教师发展科', '教育科学研究所', '教育党工委办公室', '学前教育发展中心'],
  },
  {
    code: 3,
    name: '送艺下乡',
    description:
      '义务教育学校书法、绘画、舞蹈、跆拳道、航模等艺术社团；15 支校园合唱团、7 支校园乐团；艺术展演、合唱节；花儿进校园',
    departments: ['体育卫生与艺术教育科', '基础教育科', '教育科学研究所'],
  },
  {
    code: 4,
    name: '劳动实践',
    description: '劳动实践基地、公益劳动、能工巧匠和土专家讲座；围绕学雷锋纪念日、五一劳动节、中国农民丰收节开展',
    departments: ['体育卫生与艺术教育科', '职教成教科'],
  },
  {
    code: 5,
    name: '送法下乡',
    description: '面向师生的法治教育；学生资助政策宣传（十五年免费教育、营养餐、寄宿生生活补助、国家助学金、助学贷款）',
    departments: ['安全管理办公室', '基础教育科', '职教成教科', '学生资助管理中心'],
  },
]

export const VOLUNTEER_CATEGORIES = [
  '名校长',
  '名班主任',
  '名师',
  '学科带头人',
  '骨干教师',
  '教学能手',
  '优秀党员',
  '优秀教师代表',
  '优秀中小学生',
  '音体美特长教师',
  '双师型教师',
  '能工巧匠',
  '技能大师',
  '土专家',
  '作家/书法/美术协会会员',
  '其他',
] as const

export interface Team {
  name: string
  parent: string | null
  kind: '本系统' | '合作'
  note: string
}

export const TEAMS: readonly Team[] = [
  { name: '临夏州新时代助学支教志愿服务队', parent: null, kind: '本系统', note: '州级助学支教志愿服务队' },
  {
    name: '教育宣讲团',
    parent: '临夏州新时代助学支教志愿服务队',
    kind: '本系统',
    note: '由优秀党员、优秀教师和优秀学生组成的宣讲团',
  },
  {
    name: '临夏州新时代文化文艺服务志愿服务队',
    parent: null,
    kind: '合作',
    note: '教育系统外的合作服务队，参与部分文艺活动',
  },
]

/** The form of a typed value used for comparison: normalised, no spaces, Latin letters upper-case. */
// An import asks for the key of the same few texts (回族, 中共党员, 临夏市) on every row: remember them.
const keys = new Map<string, string>()
const KEYS_KEPT = 10_000

export function vocabularyKey(raw: unknown): string {
  if (typeof raw !== 'string') return normalizeText(raw).replace(/\s/g, '').toUpperCase()
  let key = keys.get(raw)
  if (key === undefined) {
    if (keys.size >= KEYS_KEPT) keys.clear()
    key = normalizeText(raw).replace(/\s/g, '').toUpperCase()
    keys.set(raw, key)
  }
  return key
}

/** Key → standard value for one list: exact values win over aliases, earlier entries over later ones. */
function vocabularyIndex(list: readonly VocabularyEntry[] | readonly string[]): Map<string, string> {
  const entries: VocabularyEntry[] = list.map((entry) => (typeof entry === 'string' ? { value: entry } : entry))
  const index = new Map<string, string>()
  for (const entry of entries) {
    const key = vocabularyKey(entry.value)
    if (!index.has(key)) index.set(key, entry.value)
  }
  for (const entry of entries) {
    for (const name of entry.aliases ?? []) {
      const key = vocabularyKey(name)
      if (!index.has(key)) index.set(key, entry.value)
    }
  }
  return index
}

// Built once per list: an import looks up several lists for every row, and keying every entry on
// every lookup cost more than the rest of the row's checks. Lists are never mutated once built
// (the extendable ones are read from the database into new arrays), so the list itself is the key.
const indexes = new WeakMap<object, Map<string, string>>()

function indexOf(list: readonly VocabularyEntry[] | readonly string[]): Map<string, string> {
  let index = indexes.get(list)
  if (!index) indexes.set(list, (index = vocabularyIndex(list)))
  return index
}

/** The standard value for a typed one: an exact value first, then an alias; null if neither. */
export function matchVocabulary(list: readonly VocabularyEntry[] | readonly string[], raw: unknown): string | null {
  const key = vocabularyKey(raw)
  if (key === '') return null
  return indexOf(list).get(key) ?? null
}

export function normalizeEthnic(raw: unknown): string | null {
  return matchVocabulary(ETHNIC_ENTRIES, raw)
}

export function normalizePolitical(raw: unknown): string | null {
  return matchVocabulary(POLITICAL_STATUSES, raw)
}

/** "本科学历", "大专学历": the trailing 学历 says nothing, so it is tried without it too. */
export function normalizeEducation(raw: unknown): string | null {
  const direct = matchVocabulary(EDUCATION_LEVELS, raw)
  if (direct) return direct
  const key = vocabularyKey(raw)
  return key.endsWith('学历') ? matchVocabulary(EDUCATION_LEVELS, key.slice(0, -2)) : null
}

export function normalizeGender(raw: unknown): '男' | '女' | null {
  const value = matchVocabulary(GENDERS, raw)
  return value === '男' || value === '女' ? value : null
}

const PREFECTURE_PREFIX = /^(?:甘肃省)?(?:临夏回族自治州|临夏州)/

export function findCounty(raw: unknown): { code: string; name: string } | null {
  const key = vocabularyKey(raw)
  if (key === '') return null
  const withoutPrefecture = key.replace(PREFECTURE_PREFIX, '')
  const county = COUNTIES.find(
    (entry) =>
      entry.code === key ||
      [entry.name, ...entry.shortNames].some((name) => name === key || name === withoutPrefecture),
  )
  return county ? { code: county.code, name: county.name } : null
}

const DEPARTMENT_ENTRIES: readonly VocabularyEntry[] = DEPARTMENTS.map((entry) => ({
  value: entry.name,
  aliases: entry.aliases,
}))

export function normalizeDepartment(raw: unknown): string | null {
  return matchVocabulary(DEPARTMENT_ENTRIES, raw)
}

/**
 * 责任科室 as 表2 and 表3 read it: the departments named, and the one message for names that are
 * not among the ten (null when every name is known).
 */
export function readDepartments(raw: unknown): { names: string[]; unknown: string[]; problem: string | null } {
  const split = splitDepartments(raw)
  const problem =
    split.unknown.length > 0
      ? `责任科室“${split.unknown.join('、')}”不在十个科室之中，请填写科室全称，多个科室用“、”分隔。`
      : null
  return { ...split, problem }
}

/** 责任科室 cells list several departments: "安全办、基础教科，职教成教科". */
export function splitDepartments(raw: unknown): { names: string[]; unknown: string[] } {
  const parts = normalizeText(raw)
    .split(/[、，,；;/\s]+/)
    .filter((part) => part !== '')
  const names: string[] = []
  const unknown: string[] = []
  for (const part of parts) {
    const name = normalizeDepartment(part)
    if (name === null) unknown.push(part)
    else if (!names.includes(name)) names.push(name)
  }
  return { names, unknown }
}
