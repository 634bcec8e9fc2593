// Contact numbers as schools type them: mobiles with "+86" or spaces, landlines with the area code
// in brackets or run together. Stored in one form so that search and masking work on every row.
import { maskNumbersInText } from './mask'
import { normalizeText } from './normalize'

export type PhoneCheckResult = { ok: true; phone: string } | { ok: false; message: string }

const MOBILE = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/
// 010 and 02x are the three-digit area codes; every other one has four digits (0930 for 临夏).
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))([1-9]\d{6,7})$/
const LOCAL = /^[2-9]\d{6,7}$/

export function checkPhone(raw: unknown): PhoneCheckResult {
  const text = normalizeText(raw)
  if (text === '') return { ok: true, phone: '' }
  const compact = text.replace(/[\s\-()\u2010-\u2015]/g, '')
  const mobile = MOBILE.exec(compact)
  if (mobile?.[1]) return { ok: true, phone: mobile[1] }
  const landline = LANDLINE.exec(compact)
  if (landline?.[1] && landline[2]) return { ok: true, phone: `${landline[1]}-${landline[2]}` }
  if (LOCAL.test(compact)) return { ok: true, phone: compact }
  return {
    ok: false,
    // Two mobiles in one cell (“13812345678/13912345678”) are still two numbers: the message masks them.
    message: `联系电话“${maskNumbersInText(text)}”格式不正确，应为 11 位手机号码或“区号-号码”格式的固定电话（如 0930-1234567），请核对`,
  }
}
