// 开展日期 is parsed by the domain's one calendar-day reader (also used for 监护人同意日期).
export { parseDay } from '../domain/day'
