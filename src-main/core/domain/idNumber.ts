// The resident ID number (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence
// whose last digit gives the gender, and a check character (ISO 7064 MOD 11-2). It is the key that
// identifies a volunteer, so it is checked strictly and never repaired by guessing.
// Messages do not repeat the full number: they end up in reports sent back to schools and must not
// spread personal information further than the cell they point at.
import { normalizeIdText } from './normalize'

export type IdErrorCode =
  'EMPTY' | 'NUMERIC_CELL' | 'LENGTH_15' | 'LENGTH' | 'CHARS' | 'BIRTH_DATE' | 'CHECKSUM' | 'AREA'

export interface IdBirthDate {
  year: number
  month: number
  day: number
}

export type IdCheckResult =
  | { ok: true; id: string; birth: IdBirthDate; gender: '男' | '女'; areaCode: string }
  | { ok: false; code: IdErrorCode; message: string }

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const CHECK_CHARS = '10X98765432'

/** GB 2260 province-level codes: the first two digits of every resident ID. */
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
  '91',
])

const NUMERIC_CELL_MESSAGE =
  '身份证号码以数字格式保存，Excel 只保留 15 位有效数字，末尾几位已丢失；请将该列设置为“文本”格式后重新录入'

/** The 18th character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`idCheckChar needs 17 digits, got ${first17.length} characters`)
  let sum = 0
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * (WEIGHTS[index] ?? 0)
  return CHECK_CHARS[sum % 11] ?? ''
}

function fail(code: IdErrorCode, message: string): IdCheckResult {
  return { ok: false, code, message }
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  // Date.UTC treats years 0–99 as 1900–1999; IDs never hold those, but stay exact anyway.
  date.setUTCFullYear(year)
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function birthIssue(birth: IdBirthDate, today: Date): string | null {
  const shown = `${birth.year}年${String(birth.month).padStart(2, '0')}月${String(birth.day).padStart(2, '0')}日`
  if (!isRealDate(birth.year, birth.month, birth.day)) {
    return `身份证号码中的出生日期“${shown}”不是有效日期（第 7–14 位），请核对号码`
  }
  if (birth.year < 1900) return `身份证号码中的出生日期“${shown}”早于 1900 年，请核对号码第 7–14 位`
  const todayKey = today.getFullYear() * 10000 + (today.getMonth() + 1) * 100 + today.getDate()
  if (birth.year * 10000 + birth.month * 100 + birth.day > todayKey) {
    return `身份证号码中的出生日期“${shown}”晚于今天，请核对号码第 7–14 位`
  }
  return null
}

function shapeIssue(id: string): IdCheckResult | null {
  if (/^\d+(\.\d+)?E[+-]?\d+$/i.test(id)) return fail('NUMERIC_CELL', NUMERIC_CELL_MESSAGE)
  if (/^\d{15}$/.test(id)) {
    return fail('LENGTH_15', '15 位旧身份证号码不再使用，请填写 18 位身份证号码（可查看本人现行身份证）')
  }
  if (id.length !== 18) {
    return fail('LENGTH', `身份证号码应为 18 位，现为 ${id.length} 位，请核对是否多填或漏填`)
  }
  for (let index = 0; index < 18; index += 1) {
    const char = id[index] ?? ''
    const allowed = index < 17 ? /\d/.test(char) : /[\dX]/.test(char)
    if (!allowed) {
      const rule = index < 17 ? '前 17 位只能是数字' : '第 18 位只能是数字或 X'
      return fail('CHARS', `身份证号码第 ${index + 1} 位“${char}”无效：${rule}，请核对号码`)
    }
  }
  return null
}

/** Checks one ID number; `today` bounds the birth date (injected so tests and reports are stable). */
export function checkIdNumber(raw: unknown, today: Date = new Date()): IdCheckResult {
  // A number cell has already lost digits beyond the 15th: no check could tell which ones.
  if (typeof raw === 'number') return fail('NUMERIC_CELL', NUMERIC_CELL_MESSAGE)
  const id = normalizeIdText(raw)
  if (id === '') return fail('EMPTY', '身份证号码不能为空，请填写 18 位身份证号码')
  const shape = shapeIssue(id)
  if (shape) return shape
  if (!PROVINCE_CODES.has(id.slice(0, 2))) {
    return fail('AREA', `身份证号码前两位“${id.slice(0, 2)}”不是有效的省级行政区划代码，请核对号码`)
  }
  const birth = { year: Number(id.slice(6, 10)), month: Number(id.slice(10, 12)), day: Number(id.slice(12, 14)) }
  const birthMessage = birthIssue(birth, today)
  if (birthMessage) return fail('BIRTH_DATE', birthMessage)
  const expected = idCheckChar(id.slice(0, 17))
  if (id[17] !== expected) {
    return fail(
      'CHECKSUM',
      `身份证号码校验位错误：按前 17 位计算，第18位应为“${expected}”，现为“${id[17]}”；请对照身份证原件核对全部号码（前 17 位也可能有误）`,
    )
  }
  const gender = Number(id[16]) % 2 === 1 ? '男' : '女'
  return { ok: true, id, birth, gender, areaCode: id.slice(0, 6) }
}
