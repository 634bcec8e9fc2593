// Realistic test people: common surnames and given names of 临夏, valid ID numbers.
import { idCheckChar } from '../../src-main/core/domain'

export const SURNAMES = [
  '马',
  '王',
  '张',
  '李',
  '赵',
  '刘',
  '杨',
  '何',
  '韩',
  '罗',
  '冶',
  '妥',
  '喇',
  '孔',
  '陈',
  '周',
  '苏',
  '穆',
  '虎',
  '祁',
  '曾',
  '单',
  '包',
  '丁',
  '蒲',
]
export const GIVEN = [
  '建国',
  '丽',
  '芳',
  '明',
  '海燕',
  '志强',
  '秀兰',
  '文华',
  '玉梅',
  '国福',
  '晓东',
  '雪',
  '建华',
  '娟',
  '伟',
  '学军',
  '淑珍',
  '永福',
  '春花',
  '亮',
  '忠',
  '德明',
  '小红',
  '玲',
  '正清',
  '有福',
  '梅',
  '晶',
  '鹏',
  '慧',
]
export const COUNTY_CODES = ['622901', '622921', '622922', '622923', '622924', '622925', '622926', '622927']
export const UNITS = [
  '临夏州中学',
  '临夏市第一中学',
  '临夏县土桥中学',
  '康乐县第一中学',
  '永靖县移民中学',
  '广河县三甲集中学',
  '和政县第一中学',
  '东乡县锁南中学',
  '积石山县吹麻滩中学',
  '临夏州职业技术学校',
  '临夏市枹罕小学',
  '临夏市第二实验小学',
]

/** A valid 18-character ID: area code, birth date YYYYMMDD, a two-digit sequence, male or female. */
export function makeId(area: string, birth: string, sequence: number, male: boolean): string {
  const first17 = `${area}${birth}${String(sequence % 100).padStart(2, '0')}${male ? 1 : 2}`
  return first17 + idCheckChar(first17)
}

/** A deterministic pseudo-random generator, so failures reproduce. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

export function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T
}

export interface TestPerson {
  name: string
  idNumber: string
  unit: string
  phone: string
  county: string
}

export function makePeople(count: number, seed = 1): TestPerson[] {
  const random = seededRandom(seed)
  const used = new Set<string>()
  return Array.from({ length: count }, (_, index) => {
    const year = 1960 + Math.floor(random() * 45)
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0')
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0')
    const area = pick(random, COUNTY_CODES)
    let sequence = index % 1000
    let first17 = `${area}${year}${month}${day}${String(sequence).padStart(3, '0')}`
    while (used.has(first17)) {
      sequence = (sequence + 1) % 1000
      first17 = `${area}${year}${month}${day}${String(sequence).padStart(3, '0')}`
    }
    used.add(first17)
    return {
      name: pick(random, SURNAMES) + pick(random, GIVEN),
      idNumber: first17 + idCheckChar(first17),
      unit: pick(random, UNITS),
      phone: `1${pick(random, ['38', '39', '51', '77', '80', '99'])}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
      county: area,
    }
  })
}
