// The forms that can be imported, each with its pipeline.
import type { Person } from '../domain'
import { CoreError } from '../errors'
import { activitiesPipeline } from './activities/pipeline'
import type { ParsedFile } from './parseFile'
import type { FormPipeline, PipelineOptions } from './pipeline'
import { planPipeline } from './plan/pipeline'
import { awardsPipeline, trainingPipeline } from './training/pipeline'
import { writeRosterBatch, peopleCounts } from './roster/commit'
import { planRoster } from './roster/plan'
import { undoRosterBatch } from './roster/undo'
import { rosterImporter } from './roster/validate'

export const IMPORTABLE_FORMS = ['roster', 'plan', 'activities', 'training', 'awards'] as const

const rosterPipeline: FormPipeline = {
  key: 'roster',
  sheets: [rosterImporter as FormPipeline['sheets'][number]],
  plan: (db, files) => {
    const plan = planRoster(db, files as readonly ParsedFile<Person>[])
    return { rows: plan.rows as FormPipelinePlanRows, issues: plan.issues, counts: peopleCounts(plan) }
  },
  write: (ctx, files, operator, hooks) =>
    writeRosterBatch(ctx, files as readonly ParsedFile<Person>[], operator, hooks),
  undo: (ctx, batch, operator) => undoRosterBatch(ctx, batch, operator),
}

type FormPipelinePlanRows = ReturnType<FormPipeline['plan']>['rows']

export function pipelineFor(form: string, options: PipelineOptions = {}): FormPipeline {
  if (form === 'roster') return rosterPipeline
  if (form === 'plan') return planPipeline(options)
  if (form === 'activities') return activitiesPipeline()
  if (form === 'training') return trainingPipeline
  if (form === 'awards') return awardsPipeline
  throw new CoreError(
    'INVALID_INPUT',
    `不能导入“${form}”：可导入的是 roster（表1 花名册）、plan（表2 活动清单）、activities（表3 活动登记）、training（培训记录）、awards（表彰记录）`,
  )
}
