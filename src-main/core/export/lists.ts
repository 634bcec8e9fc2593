// The values a template offers in its drop-downs, read from the database so that categories or
// teams the clerk added appear in the next template handed out.
import type { Database } from 'better-sqlite3'
import { GENDERS } from '../domain'
import { listCounties, listDepartments, listTasks, listTeams } from '../reference/repository'
import { listVocabulary } from '../reference/vocabulary'
import type { VocabularyLists } from '../xlsx/writeTemplate'
import { AWARD_LEVELS } from '../training/rules'

export function loadVocabularyLists(db: Database): VocabularyLists {
  return {
    gender: GENDERS.map((entry) => entry.value),
    ethnic: listVocabulary(db, 'ethnic'),
    political: listVocabulary(db, 'political'),
    education: listVocabulary(db, 'education'),
    county: listCounties(db).map((county) => county.name),
    category: listVocabulary(db, 'category'),
    task: listTasks(db).map((task) => task.name),
    department: listDepartments(db).map((department) => department.name),
    team: listTeams(db).map((team) => team.name),
    yesNo: ['是', '否'],
    awardLevel: [...AWARD_LEVELS],
  }
}
