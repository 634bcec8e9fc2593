// No ID or phone number on the terminal (issue 11): the CLI's errors, a save's answer and an import's
// report name people by masked numbers only, in human and --json output alike.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateReturns } from '../../fixtures/generate'
import { CoreError } from '../../../src-main/core/errors'

const CLI = fileURLToPath(new URL('../../../src-main/cli/main.ts', import.meta.url))
const ID = '622901198503120012'
const PHONE = '13812345678'
const NEW_PHONE = '13987654321'
const UNKNOWN_ID = '11010519491231002X'
/** A full ID (18 characters) or mobile number (11 digits) standing alone in the text. */
const FULL_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])|(?<!\d)1[3-9]\d{9}(?!\d)/

let dir: string
let db: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-cli-privacy-'))
  db = join(dir, 'ledger.db')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function cli(...args: string[]): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args, '--db', db], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, VOLUNTEER_LEDGER_PASSWORD: '' },
  })
  return { status: run.status, out: `${run.stdout}\n${run.stderr}` }
}

const add = (phone: string, ...more: string[]) =>
  cli(
    'volunteers',
    'add',
    '--name',
    '马建国',
    '--id',
    ID,
    '--unit',
    '临夏州中学',
    '--county',
    '临夏市',
    '--phone',
    phone,
    ...more,
  )

describe('personal numbers on the command line', () => {
  it('activities add with an unknown participant names the ID masked, exits 1', () => {
    expect(add(PHONE).status).toBe(0)
    const run = cli(
      'activities',
      'add',
      '--name',
      '名师送教',
      '--date',
      '2026-10-15',
      '--leader',
      '马建国',
      '--hours',
      '3',
      '--late-reason',
      '月底统一登记',
      '--participants',
      `${ID},${UNKNOWN_ID}`,
    )
    expect(run.status).toBe(1)
    expect(run.out).toContain('110105********002X')
    expect(run.out).toContain('不在志愿者花名册中')
    expect(run.out).not.toMatch(FULL_NUMBER)
  })

  it('changing a phone number answers with both numbers masked, human and JSON', () => {
    const human = add(NEW_PHONE)
    expect(human.status).toBe(0)
    expect(human.out).toContain('138****5678')
    expect(human.out).toContain('139****4321')
    expect(human.out).not.toMatch(FULL_NUMBER)
    const json = add(PHONE, '--json')
    expect(json.status).toBe(0)
    expect(json.out).toContain('"before":"139****4321"')
    expect(json.out).not.toMatch(FULL_NUMBER)
  })

  it('a cell holding two mobiles is refused as a phone without either number in full', () => {
    const run = add(`${PHONE}/${NEW_PHONE}`, '--json')
    expect(run.status).toBe(0)
    expect(run.out).toContain('联系电话“138****5678/139****4321”格式不正确')
    expect(run.out).not.toMatch(FULL_NUMBER)
  })

  it('an import with bad rows and repeats reports them without a full number', async () => {
    const paths = await generateReturns(join(dir, 'returns'))
    for (const args of [['--json'], []]) {
      const run = cli('import', '--form', 'roster', '--dry-run', ...args, paths.messy, paths.repeats, paths.standard)
      expect(run.status).toBe(1)
      expect(run.out).toContain('身份证号码校验位错误')
      expect(run.out).not.toMatch(FULL_NUMBER)
    }
  }, 60_000)

  it('a refusal masks whatever number its message was given', () => {
    const error = new CoreError('CONFLICT', `身份证号码 ${ID} 与手机 ${PHONE} 冲突`)
    expect(error.message).toBe('身份证号码 622901********0012 与手机 138****5678 冲突')
    expect(error.toPayload().message).not.toMatch(FULL_NUMBER)
  })
})
