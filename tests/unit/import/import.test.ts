// Importing the generated messy returns: the exact outcome for every row of every file.
import { rmSync } from 'node:fs'
import { basename } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { listBackups } from '../../../src-main/core/db/backup'
import { MESSAGES } from '../../../src-main/core/xlsx/readGuard'
import { PEOPLE } from '../../fixtures/generate'
import { issueKey, makeFixtures, openLedger, storedIds, type FixturePaths, type Ledger } from './support'

let fixtures: { dir: string; paths: FixturePaths }
let ledger: Ledger

beforeAll(async () => {
  fixtures = await makeFixtures()
})
afterAll(() => rmSync(fixtures.dir, { recursive: true, force: true }))
beforeEach(() => {
  ledger = openLedger()
})
afterEach(() => ledger.close())

const BATCH = () => Object.values(fixtures.paths)

async function rowActions(previewId: string): Promise<Record<string, string>> {
  const { rows } = await invoke(ledger.ctx, 'import.previewRows', { previewId, limit: 1000 })
  return Object.fromEntries(rows.map((row) => [`${basename(row.file)}:${row.row}`, row.action]))
}

describe('importing school returns (表1)', () => {
  it('imports the readable files and refuses the others with a file-level reason', async () => {
    const result = await invoke(ledger.ctx, 'import.run', { form: 'roster', files: BATCH() })
    const byName = Object.fromEntries(result.files.map((file) => [basename(file.file), file]))
    expect(byName['01-临夏州中学.xlsx']).toMatchObject({
      status: 'imported',
      sheet: '花名册',
      headerRow: 3,
      rows: 5,
      accepted: 5,
      rejected: 0,
      warnings: 0,
    })
    expect(byName['02-东乡县锁南中学.xlsx']).toMatchObject({
      status: 'imported',
      sheet: 'Sheet1',
      headerRow: 4,
      rows: 9,
      accepted: 5,
      rejected: 4,
      warnings: 2,
    })
    expect(byName['03-重复与补充.xlsx']).toMatchObject({
      status: 'imported',
      sheet: '名单',
      headerRow: 1,
      rows: 5,
      accepted: 4,
      rejected: 1,
      warnings: 3,
    })
    expect(byName['04-旧格式.xls']).toMatchObject({ status: 'failed', error: MESSAGES.legacy })
    expect(byName['09-WPS表格.et']).toMatchObject({ status: 'failed', error: MESSAGES.legacy })
    expect(byName['05-损坏.xlsx']).toMatchObject({ status: 'failed', error: MESSAGES.damaged })
    expect(byName['06-截断.xlsx']).toMatchObject({ status: 'failed', error: MESSAGES.damaged })
    expect(byName['07-名单.csv']).toMatchObject({ status: 'failed', error: MESSAGES.csv })
    expect(byName['08-证件号码列.xlsx']?.status).toBe('failed')
    expect(byName['08-证件号码列.xlsx']?.error).toMatch(/找不到必填列“身份证号码”/)
    expect(result.totals).toEqual({ accepted: 14, rejected: 5, warnings: 5, created: 11, updated: 0, unchanged: 0 })
    expect(result.batch).toBeGreaterThan(0)
  })

  it('reports each problem at its file, row and column, and nothing for skipped rows', async () => {
    const result = await invoke(ledger.ctx, 'import.run', { form: 'roster', files: BATCH() })
    expect(result.issues.map(issueKey)).toEqual([
      '02-东乡县锁南中学.xlsx:9:身份证号码:error',
      '02-东乡县锁南中学.xlsx:10:身份证号码:error',
      '02-东乡县锁南中学.xlsx:11:性别:warning',
      '02-东乡县锁南中学.xlsx:11:民族:warning',
      '02-东乡县锁南中学.xlsx:12:身份证号码:error',
      '02-东乡县锁南中学.xlsx:13:身份证号码:error',
      '03-重复与补充.xlsx:2:身份证号码:warning',
      '03-重复与补充.xlsx:3:姓名:error',
      '03-重复与补充.xlsx:5:身份证号码:warning',
      '03-重复与补充.xlsx:6:身份证号码:warning',
    ])
    const messages = Object.fromEntries(result.issues.map((issue) => [issueKey(issue), issue.message]))
    expect(messages['02-东乡县锁南中学.xlsx:9:身份证号码:error']).toMatch(/^第 9 行“身份证号码”：.*文本/)
    expect(messages['02-东乡县锁南中学.xlsx:13:身份证号码:error']).toMatch(/数字格式/)
    expect(messages['02-东乡县锁南中学.xlsx:12:身份证号码:error']).toMatch(/数字格式/)
    expect(messages['02-东乡县锁南中学.xlsx:10:身份证号码:error']).toMatch(/校验位/)
    expect(messages['03-重复与补充.xlsx:3:姓名:error']).toMatch(/姓名不同/)
    expect(result.issues.every((issue) => issue.sheet !== null)).toBe(true)
  })

  it('plans every row: created, updated, unchanged or rejected', async () => {
    const preview = await invoke(ledger.ctx, 'import.preview', { form: 'roster', files: BATCH() })
    expect(await rowActions(preview.previewId)).toEqual({
      '01-临夏州中学.xlsx:4': 'create',
      '01-临夏州中学.xlsx:5': 'create',
      '01-临夏州中学.xlsx:6': 'create',
      '01-临夏州中学.xlsx:7': 'create',
      '01-临夏州中学.xlsx:8': 'create',
      '02-东乡县锁南中学.xlsx:5': 'create',
      '02-东乡县锁南中学.xlsx:6': 'create',
      '02-东乡县锁南中学.xlsx:7': 'create',
      '02-东乡县锁南中学.xlsx:8': 'create',
      '02-东乡县锁南中学.xlsx:9': 'rejected',
      '02-东乡县锁南中学.xlsx:10': 'rejected',
      '02-东乡县锁南中学.xlsx:11': 'create',
      '02-东乡县锁南中学.xlsx:12': 'rejected',
      '02-东乡县锁南中学.xlsx:13': 'rejected',
      '03-重复与补充.xlsx:2': 'update',
      '03-重复与补充.xlsx:3': 'rejected',
      '03-重复与补充.xlsx:4': 'create',
      '03-重复与补充.xlsx:5': 'unchanged',
      '03-重复与补充.xlsx:6': 'unchanged',
    })
    const messy = preview.files[1]
    expect(messy?.extraColumns).toEqual(['邮箱'])
    expect(messy?.mapping).toMatchObject({ 姓名: 2, 身份证号码: 3, 工作单位: 8, 所在县市: 10, 联系电话: 7 })
    const { rows } = await invoke(ledger.ctx, 'import.previewRows', { previewId: preview.previewId, action: 'update' })
    expect(rows[0]?.changes).toEqual([{ field: 'phone', before: '138****1234', after: '139****1111' }])
    expect(JSON.stringify(preview)).not.toContain(PEOPLE.ma.idNumber)
    expect(await invoke(ledger.ctx, 'system.stats', {})).toEqual({ volunteers: 0 })
  })

  it('stores normalised IDs: full-width, zero-width, apostrophe and lower-case x cleaned', async () => {
    await invoke(ledger.ctx, 'import.run', { form: 'roster', files: BATCH() })
    const { liu, yang, he, han, tuo, kong, luo, ye, su, mu } = PEOPLE
    const ids = storedIds(ledger.ctx)
    for (const person of [liu, yang, he, han, tuo, kong]) expect(ids).toContain(person.idNumber)
    for (const person of [luo, ye, su, mu]) expect(ids).not.toContain(person.idNumber)
    expect(han.idNumber.endsWith('X')).toBe(true)
    expect(ids).toHaveLength(11)
  })

  it('gives a merged 学校 cell to every row it covers and reads dates and warnings as the rules say', async () => {
    await invoke(ledger.ctx, 'import.run', { form: 'roster', files: BATCH() })
    const row = (id: string) =>
      ledger.ctx.db
        .prepare('SELECT unit, gender, birth, ethnic, phone FROM volunteers WHERE id_number = ?')
        .get(id) as Record<string, string | null>
    for (const person of [PEOPLE.liu, PEOPLE.he, PEOPLE.han, PEOPLE.tuo])
      expect(row(person.idNumber).unit).toBe('东乡县锁南中学')
    expect(row(PEOPLE.liu.idNumber).birth).toBe('1995.01')
    expect(row(PEOPLE.tuo.idNumber)).toMatchObject({ gender: '女', ethnic: null })
    expect(row(PEOPLE.ma.idNumber).phone).toBe('13900001111')
    expect(row(PEOPLE.zhang.idNumber).unit).toBe('临夏州中学')
  })

  it('changes nothing when the same files are imported again', async () => {
    await invoke(ledger.ctx, 'import.run', { form: 'roster', files: BATCH() })
    const before = ledger.ctx.db.prepare('SELECT * FROM volunteers ORDER BY id').all()
    const again = await invoke(ledger.ctx, 'import.run', { form: 'roster', files: BATCH() })
    expect(again.totals).toEqual({ accepted: 14, rejected: 5, warnings: 5, created: 0, updated: 0, unchanged: 11 })
    expect(ledger.ctx.db.prepare('SELECT * FROM volunteers ORDER BY id').all()).toEqual(before)
    const changes = ledger.ctx.db
      .prepare('SELECT count(*) AS n FROM import_changes WHERE batch_id = ?')
      .get(again.batch) as { n: number }
    expect(changes.n).toBe(0)
  })

  it('writes nothing on a dry run', async () => {
    const result = await invoke(ledger.ctx, 'import.run', { form: 'roster', files: BATCH(), dryRun: true })
    expect(result.batch).toBeNull()
    expect(result.totals.created).toBe(11)
    expect(await invoke(ledger.ctx, 'system.stats', {})).toEqual({ volunteers: 0 })
    expect((await invoke(ledger.ctx, 'import.history', {})).total).toBe(0)
  })

  it('accepts bytes from the UI as well as paths', async () => {
    const { readFileSync } = await import('node:fs')
    const data = new Uint8Array(readFileSync(fixtures.paths.standard))
    const result = await invoke(ledger.ctx, 'import.run', {
      form: 'roster',
      files: [{ name: '临夏州中学.xlsx', data }],
    })
    expect(result.files[0]).toMatchObject({ file: '临夏州中学.xlsx', status: 'imported', accepted: 5 })
  })

  it('takes a backup before committing and records the batch in the history', async () => {
    await invoke(ledger.ctx, 'settings.save', { operatorName: '王老师' })
    const result = await invoke(ledger.ctx, 'import.run', { form: 'roster', files: [fixtures.paths.standard] })
    expect(listBackups(ledger.ctx).map((backup) => backup.reason)).toContain('import')
    const history = await invoke(ledger.ctx, 'import.history', {})
    expect(history.rows[0]).toMatchObject({
      id: result.batch,
      form: 'roster',
      operator: '王老师',
      undoneAt: null,
      files: [fixtures.paths.standard],
    })
    expect(history.rows[0]?.counts).toMatchObject({ created: 5, rows: 5 })
  })

  it('reports progress while reading, checking and writing', async () => {
    const events: { phase: string; job: string }[] = []
    ledger.ctx.progress = (event) => events.push(event)
    await invoke(ledger.ctx, 'import.run', { form: 'roster', files: BATCH() })
    expect(new Set(events.map((event) => event.phase))).toEqual(new Set(['读取', '校验', '写入']))
    expect(events.every((event) => event.job === 'import')).toBe(true)
  })

  it('shows one batch with its files and issues', async () => {
    const result = await invoke(ledger.ctx, 'import.run', {
      form: 'roster',
      files: [fixtures.paths.messy, fixtures.paths.legacy],
    })
    const detail = await invoke(ledger.ctx, 'import.batch', { batch: result.batch as number })
    expect(detail.fileResults.map((file) => [file.status, file.hasErrorWorkbook])).toEqual([
      ['imported', true],
      ['failed', false],
    ])
    expect(detail.fileResults[1]?.error).toBe(MESSAGES.legacy)
    expect(detail.issues.map(issueKey)).toEqual(result.issues.map(issueKey))
    expect(detail.issues[0]?.cell).toBe('C9')
  })
})
