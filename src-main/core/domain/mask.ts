// Masked forms shown by default (DOMAIN.md, PIPL): enough to tell people apart, not enough to use.

function stars(count: number): string {
  return '*'.repeat(Math.max(0, count))
}

/** A value that already holds the mask's stars is masked: masking it again must not change it. */
const masked = (value: string): boolean => value.includes('*')

/** 622901********123X; a malformed value keeps only its first 3 and last 2 characters. */
export function maskIdNumber(id: string | null | undefined): string {
  const value = (id ?? '').trim()
  if (value === '' || masked(value)) return value
  if (value.length === 18) return `${value.slice(0, 6)}${stars(8)}${value.slice(14)}`
  if (value.length <= 5) return stars(value.length)
  return `${value.slice(0, 3)}${stars(value.length - 5)}${value.slice(-2)}`
}

/** 138****1234, 0930-***4567; anything else keeps its last 4 characters. */
export function maskPhone(phone: string | null | undefined): string {
  const value = (phone ?? '').trim()
  if (value === '' || masked(value)) return value
  if (/^1\d{10}$/.test(value)) return `${value.slice(0, 3)}****${value.slice(7)}`
  const landline = /^(0\d{2,3})-(\d{7,8})$/.exec(value)
  if (landline?.[1] && landline[2]) return `${landline[1]}-${stars(landline[2].length - 4)}${landline[2].slice(-4)}`
  if (value.length <= 4) return stars(value.length)
  return `${stars(value.length - 4)}${value.slice(-4)}`
}

/**
 * Masks every ID or mobile number inside free text (an error message, a log line), for text that
 * leaves the core without a person's consent: logs, crash output, unexpected errors.
 */
export function maskNumbersInText(text: string): string {
  return text
    .replace(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, (id) => maskIdNumber(id))
    .replace(/(?<!\d)\d{15}(?!\d)/g, (id) => maskIdNumber(id))
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (phone) => maskPhone(phone))
}

/** A person's field as it may be kept or shown without consent: ID and phone numbers masked. */
export function maskPersonField(field: string, value: string | null): string | null {
  if (value === null) return null
  return field === 'idNumber' ? maskIdNumber(value) : field === 'phone' ? maskPhone(value) : value
}
