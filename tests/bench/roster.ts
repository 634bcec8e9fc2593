// npm run bench -- roster: 100,000 realistic volunteers, then search latency through the real handler.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { invoke } from '../../src-main/core/api'
import { createContext } from '../../src-main/core/index'
import { insertVolunteer } from '../../src-main/core/roster/repository'
import { validatePerson } from '../../src-main/core/domain'
import { loadPersonVocabulary } from '../../src-main/core/reference/vocabulary'
import { makePeople, pick, seededRandom } from '../support/people'
import { formatLatency, measure } from './latency'

const VOLUNTEERS = 100_000
const GOAL_MS = 30

export async function runRosterBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-roster-'))
  const ctx = createContext(join(dir, 'ledger.db'))
  try {
    const started = Date.now()
    const people = makePeople(VOLUNTEERS, 7)
    const vocabulary = loadPersonVocabulary(ctx.db)
    const random = seededRandom(11)
    const categories = vocabulary.categories
    const at = new Date().toISOString()
    ctx.db.transaction(() => {
      for (const person of people) {
        const { person: valid } = validatePerson(
          { ...person, category: pick(random, categories), team: '临夏州新时代助学支教志愿服务队' },
          { vocabulary },
        )
        if (valid) insertVolunteer(ctx.db, valid, at)
      }
    })()
    const count = (await invoke(ctx, 'system.stats', {})).volunteers
    console.log(`seeded ${count} volunteers in ${((Date.now() - started) / 1000).toFixed(1)} s`)

    const sample = (field: 'name' | 'idNumber' | 'unit' | 'phone', run: number) =>
      people[(run * 7919) % people.length]![field]
    const queries: [string, (run: number) => string][] = [
      ['name (2 chars)', (run) => sample('name', run).slice(0, 2)],
      ['name (full)', (run) => sample('name', run)],
      ['pinyin initials', (run) => ['mjg', 'wf', 'zxq', 'lyf', 'mhy', 'hxd'][run % 6]!],
      ['full pinyin', (run) => ['majianguo', 'wangfang', 'zhangzhiqiang', 'liyumei'][run % 4]!],
      ['ID fragment (8 digits)', (run) => sample('idNumber', run).slice(6, 14)],
      ['phone fragment (4 digits)', (run) => sample('phone', run).slice(-4)],
      ['unit', (run) => sample('unit', run).slice(0, 4)],
      ['no match', () => '查无此人'],
    ]
    console.log(`\nroster.search over ${count} volunteers, first page of 50 with total count:`)
    for (const [label, query] of queries) {
      await invoke(ctx, 'roster.search', { q: query(0), limit: 50 })
      const latency = await measure(label, 200, (run) => invoke(ctx, 'roster.search', { q: query(run), limit: 50 }))
      console.log(formatLatency(latency, GOAL_MS))
    }
    const filtered = await measure('county filter, no text', 200, (run) =>
      invoke(ctx, 'roster.search', { countyCode: ['622901', '622926'][run % 2], limit: 50 }),
    )
    console.log(formatLatency(filtered, GOAL_MS))
    const deep = await measure('no filter, page 1000', 100, () =>
      invoke(ctx, 'roster.search', { offset: 50_000, limit: 50 }),
    )
    console.log(formatLatency(deep, GOAL_MS))
  } finally {
    ctx.db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
