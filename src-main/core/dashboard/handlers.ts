import { z } from 'zod'
import { handler } from '../handler'
import { localDay } from '../plan/plannedTime'
import { remembered } from '../reports/remembered'
import { compareYears, dashboardCharts } from './charts'
import { yearDashboard } from './year'
import { yearInput } from '../yearInput'

const year = yearInput()

export const dashboardHandlers = {
  'dashboard.year': handler({
    input: z.object({ year }),
    run: (ctx, input) => {
      const today = localDay(ctx.now())
      return remembered(ctx.db, 'dashboard.year', [input.year, today], () => yearDashboard(ctx.db, input.year, today))
    },
  }),
  'dashboard.charts': handler({
    input: z.object({ year }),
    run: (ctx, input) => {
      const today = localDay(ctx.now())
      return remembered(ctx.db, 'dashboard.charts', [input.year, today], () =>
        dashboardCharts(ctx.db, input.year, today),
      )
    },
  }),
  'dashboard.compare': handler({
    input: z.object({ first: year, second: year }),
    run: (ctx, input) => {
      const today = localDay(ctx.now())
      return remembered(ctx.db, 'dashboard.compare', [input.first, input.second, today], () =>
        compareYears(ctx.db, input.first, input.second, today),
      )
    },
    cli: {
      command: 'dashboard compare',
      flags: { first: 'first', second: 'second' },
      summary: '两个年度对比：集中服务次数、时长、达标月数、清单完成率',
    },
  }),
}
