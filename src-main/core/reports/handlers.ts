// The statistics of 表4 and 表5 for the screens: the same figures the export and the print write
// (reports/tables.ts computes them once). ID numbers leave the core masked, as everywhere.
import { z } from 'zod'
import { maskIdNumber } from '../domain'
import { handler } from '../handler'
import { localDay } from '../plan/plannedTime'
import { describeFilters, reportFiltersSchema, resolveFilters } from './filters'
import { hoursPage } from './hours'
import { HOURS_SORTS } from './hoursScreen'
import { monthlyReport } from './monthly'
import { resolvePeriod } from './period'
import { remembered } from './remembered'
import { yearlyReport } from './yearly'
import { yearInput } from '../yearInput'

const day = z.string().trim().max(10).optional()

/** A year, or --from/--to; neither means the current year (the core's clock). */
export const periodFields = {
  year: yearInput().optional(),
  from: day,
  to: day,
  filters: reportFiltersSchema,
}

const periodInput = z.object(periodFields)

const REPORT_FLAGS = {
  year: 'year',
  from: 'from',
  to: 'to',
  county: 'filters.countyCode',
  unit: 'filters.unit',
  team: 'filters.team',
  task: 'filters.task',
  department: 'filters.department',
  category: 'filters.category',
  star: 'filters.starLevel',
}

export const reportHandlers = {
  'reports.hours': handler({
    input: periodInput.extend({
      offset: z.coerce.number().int().min(0).default(0),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      /** The screen's column sort; the export and the print keep most hours first. */
      sort: z.enum(HOURS_SORTS).default('hours'),
      order: z.enum(['asc', 'desc']).default('desc'),
    }),
    run: (ctx, input) => {
      const period = resolvePeriod(input, ctx.now())
      const filters = resolveFilters(ctx.db, input.filters)
      const page = hoursPage(ctx.db, period, filters, input.offset, input.limit, input.sort, input.order)
      return {
        period,
        scope: describeFilters(filters),
        totals: page.totals,
        total: page.total,
        rows: page.rows.map((row) => ({ ...row, idNumber: maskIdNumber(row.idNumber) })),
      }
    },
    cli: {
      command: 'reports hours',
      flags: REPORT_FLAGS,
      summary:
        '志愿服务时长统计（表4）：[--year 年度 | --from 日期 --to 日期] [--county --unit --team --task --department --category --star 1-5]',
      columns: ['name', 'unit', 'activities', 'hours'],
    },
  }),
  'reports.monthly': handler({
    input: periodInput,
    run: (ctx, input) => {
      const period = resolvePeriod(input, ctx.now())
      const filters = resolveFilters(ctx.db, input.filters)
      const report = remembered(ctx.db, 'reports.monthly', [period, filters], () =>
        monthlyReport(ctx.db, period, filters),
      )
      return { period, scope: describeFilters(filters), ...report }
    },
    cli: {
      command: 'reports monthly',
      flags: REPORT_FLAGS,
      summary: '月度统计（表5）：每月开展活动次数、人次、时长、受益人数、是否达标',
      columns: ['label', 'activities', 'volunteerTimes', 'hours', 'beneficiaries', 'met'],
    },
  }),
  'reports.yearly': handler({
    input: periodInput,
    run: (ctx, input) => {
      const period = resolvePeriod(input, ctx.now())
      const filters = resolveFilters(ctx.db, input.filters)
      const today = localDay(ctx.now())
      return {
        period,
        scope: describeFilters(filters),
        tables: remembered(ctx.db, 'reports.yearly', [period, filters, today], () =>
          yearlyReport(ctx.db, period, filters, today),
        ),
      }
    },
    cli: {
      command: 'reports yearly',
      flags: REPORT_FLAGS,
      summary: '年度统计（表5）：按责任科室、活动类别、所在县市，含合计与完成率',
    },
  }),
}

export { REPORT_FLAGS }
