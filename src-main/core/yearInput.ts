// 年度 as an operation's input: the range every year-bound operation accepts (2000–2100) and its
// message, in one place. The feature handlers add .optional() or their own "missing" message.
import { z } from 'zod'

const OUT_OF_RANGE = '年度应在 2000—2100 之间'

export const yearInput = (missing?: string) =>
  z.coerce
    .number(missing ? { error: missing } : undefined)
    .int({ error: '年度应为四位整数，如 2026' })
    .min(2000, { error: OUT_OF_RANGE })
    .max(2100, { error: OUT_OF_RANGE })
