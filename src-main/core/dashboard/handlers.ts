import { z } from 'zod'
import { handler } from '../handler'
import { localDay } from '../plan/plannedTime'
import { yearDashboard } from './year'

export const dashboardHandlers = {
  'dashboard.year': handler({
    input: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
    run: (ctx, input) => yearDashboard(ctx.db, input.year, localDay(ctx.now())),
  }),
}
