// 报送情况 in the built renderer against the real core (clock 2026-11-29): the units directory with
// returns imported from schools, one file per school as the bureau's template is filled in — one
// school complete (its 表1 sent twice), one with a refused row, one with only 表1 (sent in October),
// one with nothing — by year and by month, filtered by type; the 未报送提醒名单 exported and printed.
// At 1366×768.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Locator, Page } from '@playwright/test'
import { idCheckChar } from '../../src-main/core/domain'
import { ACTIVITIES_FORM } from '../../src-main/core/forms/activities'
import { addFormSheet, addStandardSheet, standardRow } from '../fixtures/returns'
import type { TestPerson } from '../support/people'
import { expect, SCREENSHOT_DIR, test, type LedgerFixture } from './harness'

test.use({ viewport: { width: 1366, height: 768 } })

function person(n: number, name: string, unit: string, county: string): TestPerson {
  const first17 = `${county}19850312${String(n).padStart(3, '0')}`
  return { name, idNumber: first17 + idCheckChar(first17), unit, county, phone: `1389301${String(n).padStart(4, '0')}` }
}

const MA = person(1, '马建国', '临夏州中学', '622901')
const WANG = person(2, '王芳', '东乡县第一中学', '622926')
const LI = person(3, '李明', '和政县城关小学', '622925')
const [ACTIVITY_SHEET, PARTICIPANT_SHEET] = ACTIVITIES_FORM.sheets as [
  (typeof ACTIVITIES_FORM.sheets)[0],
  (typeof ACTIVITIES_FORM.sheets)[0],
]

async function save(ledger: LedgerFixture, name: string, book: ExcelJS.Workbook): Promise<string> {
  const path = join(ledger.dir, name)
  await book.xlsx.writeFile(path)
  return path
}

/** A school's 表1: the bureau's 花名册 as filled in, any extra raw rows after its people. */
function rosterReturn(
  ledger: LedgerFixture,
  name: string,
  unit: string,
  people: TestPerson[],
  extra: (string | number)[][] = [],
) {
  const book = new ExcelJS.Workbook()
  addStandardSheet(book, unit, [...people.map((one, index) => standardRow(one, index + 1)), ...extra])
  return save(ledger, name, book)
}

/** A school's 表3: its 活动登记 and 参与名单, both sheets of the template. */
function activitiesReturn(
  ledger: LedgerFixture,
  name: string,
  unit: string,
  activity: { name: string; heldOn: string; hours: number },
  people: TestPerson[],
) {
  const book = new ExcelJS.Workbook()
  addFormSheet(book, ACTIVITY_SHEET, unit, [
    {
      活动名称: activity.name,
      活动类别: '送教下乡',
      开展日期: activity.heldOn,
      组织单位: unit,
      '服务时长（小时）': activity.hours,
      活动负责人: people[0]?.name ?? null,
    },
  ])
  addFormSheet(
    book,
    PARTICIPANT_SHEET,
    unit,
    people.map((one) => ({
      活动名称: activity.name,
      开展日期: activity.heldOn,
      姓名: one.name,
      身份证号码: one.idNumber,
      '服务时长（小时）': activity.hours,
    })),
  )
  return save(ledger, name, book)
}

/** Element Plus selects open on their wrapper, found here by the combobox's accessible name. */
function select(page: Page, name: string): Locator {
  return page.locator('.el-select__wrapper', { has: page.getByRole('combobox', { name }) })
}

async function choose(page: Page, name: string, option: string): Promise<void> {
  await select(page, name).click()
  await page.locator('.el-select-dropdown:visible').getByRole('option', { name: option, exact: true }).click()
}

/** Runs an import as if on another day: the core's clock moved, then put back. */
async function importOn(ledger: LedgerFixture, at: string, form: string, files: string[]): Promise<void> {
  const now = ledger.ctx.now
  ledger.ctx.now = () => new Date(at)
  try {
    await ledger.call('import.run', { form, files })
  } finally {
    ledger.ctx.now = now
  }
}

test('shows who has sent 表1 and 表3 in a period, when, with problems, who has not, and the reminder list', async ({
  page,
  ledger,
}) => {
  for (const [name, countyCode, kind, note] of [
    ['临夏州中学', '622901', '高中', null],
    ['东乡县第一中学', '622926', '初中', null],
    ['和政县城关小学', '622925', '小学', null],
    ['康乐县附城小学', '622922', '小学', '联系人 张老师 0930-5512345'],
  ] as const) {
    await ledger.call('reference.unit.save', { name, countyCode, kind, note })
  }
  // October: two schools send 表1 (file names that do not say who sent them: the rows do).
  await importOn(ledger, '2026-10-15T09:30:00+08:00', 'roster', [
    await rosterReturn(ledger, '花名册.xlsx', '临夏州中学', [MA]),
    await rosterReturn(ledger, '城关小学表1.xlsx', '和政县城关小学', [LI]),
  ])
  // 29 November: 临夏州中学 sends its 表1 again, 东乡县第一中学 one with a truncated ID; two 表3.
  const badRow = [2, '马丽', '女', '东乡族', '1990.07', '群众', '62292619900701123', '大学本科', '东乡县第一中学']
  await ledger.call('import.run', {
    form: 'roster',
    files: [
      await rosterReturn(ledger, '花名册（更正）.xlsx', '临夏州中学', [MA]),
      await rosterReturn(ledger, '东乡一中.xlsx', '东乡县第一中学', [WANG], [badRow]),
    ],
  })
  await ledger.call('import.run', {
    form: 'activities',
    files: await Promise.all(
      (
        [
          ['临夏州中学-活动登记.xlsx', '临夏州中学', '名师送教', '2026-11-20', 3, MA],
          ['表3.xlsx', '东乡县第一中学', '法治进校园', '2026-11-21', 2, WANG],
        ] as const
      ).map(([file, unit, name, heldOn, hours, one]) =>
        activitiesReturn(ledger, file, unit, { name, heldOn, hours }, [one]),
      ),
    ),
  })

  await ledger.open('#/returns')
  const table = page.locator('.returns-table')
  const rowOf = (unit: string) => table.locator('.el-table__body-wrapper tr.el-table__row').filter({ hasText: unit })
  const cell = (unit: string, column: number) => rowOf(unit).locator('td').nth(column)
  await expect(page.locator('.page-subtitle')).toContainText(
    '2026年度：4 个单位，已报送 2，部分报送 1，未报送 1，报表有问题 1',
  )
  // Per unit: what its 表1 cell shows, its 表3 cell, its 状态 (the 5th, 6th and 7th columns).
  const expected: Record<string, [string[], string[], string]> = {
    临夏州中学: [['2026-11-29 10:00', '1 行', '共 2 次'], ['2026-11-29 10:00', '2 行'], '已报送'],
    东乡县第一中学: [['2026-11-29 10:00', '2 行', '退回 1 行'], ['2026-11-29 10:00', '2 行'], '已报送'],
    和政县城关小学: [['2026-10-15 09:30', '1 行'], ['未报送'], '部分报送'],
    康乐县附城小学: [['未报送'], ['未报送'], '未报送'],
  }
  for (const [unit, [roster, activities, status]] of Object.entries(expected)) {
    for (const text of roster) await expect(cell(unit, 4)).toContainText(text)
    for (const text of activities) await expect(cell(unit, 5)).toContainText(text)
    await expect(cell(unit, 6)).toHaveText(status)
  }
  await expect(cell('东乡县第一中学', 5)).not.toContainText('退回')
  await expect(cell('和政县城关小学', 4)).not.toContainText('共')
  await expect(rowOf('康乐县附城小学')).toContainText('联系人 张老师')
  await expect(page.locator('.nav-menu')).toContainText('报送情况')
  await page.waitForTimeout(300)
  await ledger.shot('returns-inbox')

  // The status filter: only those with problems.
  await choose(page, '报送状态', '有问题')
  await expect(table.locator('.el-table__body-wrapper tr.el-table__row')).toHaveCount(1)
  await expect(rowOf('东乡县第一中学')).toHaveCount(1)
  const statusSelect = select(page, '报送状态')
  await statusSelect.hover()
  await statusSelect.locator('.el-select__clear').click()
  await expect(table.locator('.el-table__body-wrapper tr.el-table__row')).toHaveCount(4)

  // November only: the October 表1 of 城关小学 is not in the period, 临夏州中学's came once.
  await page.getByRole('radio', { name: '按月份' }).check({ force: true })
  const range = page.locator('.months')
  await range.click()
  const panel = page.locator('.el-picker-panel:visible')
  await panel.locator('td', { hasText: '十一月' }).first().click()
  await panel.locator('td', { hasText: '十一月' }).first().click()
  await expect(page.locator('.page-subtitle')).toContainText(
    '2026年11月1日至2026年11月30日：4 个单位，已报送 2，部分报送 0，未报送 2，报表有问题 1',
  )
  await expect(cell('和政县城关小学', 4)).toHaveText('未报送')
  await expect(cell('临夏州中学', 4)).not.toContainText('共 2 次')
  await page.getByRole('radio', { name: '按年度' }).check({ force: true })

  await choose(page, '单位类型', '小学')
  await expect(table.locator('.el-table__body-wrapper tr.el-table__row')).toHaveCount(2)

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出未报送提醒名单' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('未报送提醒名单（2026年度）-20261129.xlsx')
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(await file.path())
  const sheet = book.getWorksheet('未报送提醒名单')!
  expect([4, 5].map((row) => sheet.getRow(row).getCell(3).text)).toEqual(['康乐县附城小学', '和政县城关小学'])
  expect(sheet.getRow(5).getCell(5).text).toBe('表3 活动登记')
  expect(sheet.getRow(5).getCell(6).text).toBe('表1 花名册 2026-10-15')
  expect(sheet.getRow(6).getCell(3).text).toBe('')

  // 打印: the same list on paper (a PDF in a plain browser), a page kept as a picture to look at.
  const printed = page.waitForEvent('download')
  await page.getByRole('button', { name: '打印' }).click()
  const pdf = join(SCREENSHOT_DIR, 'returns-reminder.pdf')
  await (await printed).saveAs(pdf)
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
  expect(text).toContain('未报送提醒名单')
  expect(text).toContain('康乐县附城小学')
  expect(text).toContain('和政县城关小学')
  expect(text).not.toContain('东乡县第一中学')
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', pdf, pdf.replace(/\.pdf$/, '')])
})
