// A county as a filter is typed by people (`--county 临夏市`, `--county 东乡`) as well as chosen
// from a list (the code): every form findCounty knows is accepted, and a value it does not know is
// an error listing the choices — never a filter that silently matches nobody.
import { z } from 'zod'
import { COUNTIES, findCounty } from '../domain/vocabularies'

const CHOICES = COUNTIES.map((county) => [county.name, ...county.shortNames].join('/')).join('、')

/** '' or absent: no filter; otherwise the county's code. */
export const countyFilter = z
  .string()
  .max(50)
  .optional()
  .transform((value, context) => {
    if (value === undefined || value.trim() === '') return undefined
    const county = findCounty(value)
    if (county) return county.code
    context.addIssue({
      code: 'custom',
      message: `所在县市“${value}”无法识别，可选：${CHOICES}（也可写代码，如 622901）`,
    })
    return z.NEVER
  })
