// 导出与打印 and 志愿服务证明 in the built renderer, against the real core (clock fixed at
// 2026-11-29 by the harness), at the clerk's 1366×768 screen. PDFs are rendered by Chromium.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Locator, Page } from '@playwright/test'
import { idCheckChar } from '../../src-main/core/domain'
import { expect, test, type LedgerFixture } from './harness'

test.use({ viewport: { width: 1366, height: 768 } })

function idFor(n: number): string {
  const first17 = `62290119850312${String(n).padStart(3, '0')}`
  return first17 + idCheckChar(first17)
}

async function seed(ledger: LedgerFixture): Promise<number[]> {
  await ledger.call('settings.save', { unitName: '临夏州教育局', operatorName: '李会计' })
  const ids: number[] = []
  for (const [index, [name, unit, county]] of [
    ['马建国', '临夏州中学', '临夏市'],
    ['王芳', '和政县第一中学', '和政县'],
    ['韩玉梅', '东乡县锁南中学', '东乡县'],
  ].entries()) {
    const saved = (await ledger.call('roster.save', {
      fields: { name, idNumber: idFor(11 + index), unit, county },
      mode: 'keep',
    })) as { id: number }
    ids.push(saved.id)
  }
  const [ma, wang, han] = ids as [number, number, number]
  await ledger.call('activities.save', {
    fields: {
      name: '名师送教下乡',
      heldOn: '2026-03-15',
      task: '送教下乡',
      departments: '教师发展科',
      county: '东乡县',
      beneficiaries: 120,
      leader: '张敏',
      lateReason: '年底集中补登',
    },
    participants: [
      { volunteerId: ma, hours: 3 },
      { volunteerId: han, hours: 2 },
    ],
  })
  await ledger.call('activities.save', {
    fields: {
      name: '红色文化宣讲',
      heldOn: '2026-10-08',
      task: '教育宣讲',
      departments: '基础教育科、教育党工委办公室',
      county: '临夏市',
      beneficiaries: 300,
      leader: '张敏',
      lateReason: '年底集中补登',
    },
    participants: [
      { volunteerId: ma, hours: 2 },
      { volunteerId: wang, hours: 4 },
    ],
  })
  return ids
}

function preview(page: Page): Locator {
  return page.frameLocator('iframe[title="打印预览"]').locator('body')
}

/** Element Plus selects open on their wrapper, found here by the combobox's accessible name. */
function select(page: Page, name: string): Locator {
  return page.locator('.el-select__wrapper', { has: page.getByRole('combobox', { name }) })
}

async function choose(page: Page, field: Locator, option: string): Promise<void> {
  await field.click()
  await page.locator('.el-select-dropdown:visible').getByRole('option', { name: option, exact: true }).click()
}

async function shot(page: Page, ledger: LedgerFixture, name: string): Promise<void> {
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 8000 })
  await page.waitForTimeout(400)
  await ledger.shot(name)
}

test('导出与打印: previews 表4 masked, filters it, exports Excel and PDF, then 表5', async ({ page, ledger }) => {
  await seed(ledger)
  await ledger.open('#/outputs')
  await expect(preview(page)).toContainText('临夏州教育系统新时代文明实践志愿服务时长统计表（2026年度）')
  await expect(preview(page)).toContainText(`622901********${idFor(11).slice(-4)}`)
  await expect(preview(page)).not.toContainText(idFor(11))
  await expect(preview(page).locator('tbody tr').first()).toContainText('马建国')

  await choose(page, select(page, '所在县市'), '临夏市')
  await expect(preview(page)).toContainText('统计范围：临夏市')
  await expect(preview(page).locator('tbody tr')).toHaveCount(2) // 马建国 and the 合计 row
  await shot(page, ledger, 'outputs-hours')

  const excel = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出 Excel' }).click()
  expect((await excel).suggestedFilename()).toMatch(/^志愿服务时长统计表（2026年度）-\d{8}\.xlsx$/)

  const pdf = page.waitForEvent('download')
  await page.getByRole('button', { name: '另存 PDF' }).click()
  const file = await pdf
  expect(file.suggestedFilename()).toBe('志愿服务时长统计表（2026年度）.pdf')
  const bytes = await readFile(await file.path())
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')

  await choose(page, select(page, '表格'), '表5 年度统计')
  await expect(preview(page)).toContainText('年度统计表（2026年度·按责任科室）')
  await expect(preview(page)).toContainText('合计')
  await shot(page, ledger, 'outputs-yearly')
})

test('按模板填写: the clerk’s own template comes back with one row per volunteer', async ({ page, ledger }) => {
  await seed(ledger)
  const template = new ExcelJS.Workbook()
  const sheet = template.addWorksheet('平台导入')
  sheet.getRow(1).values = ['姓名', '证件号码', '服务时长']
  sheet.getRow(2).values = ['{{姓名}}', '{{身份证号码}}', '{{累计服务时长}}']
  const path = join(ledger.dir, '平台模板.xlsx')
  await template.xlsx.writeFile(path)
  await ledger.open('#/outputs')
  await choose(page, select(page, '表格'), '表1 志愿者花名册')
  const download = page.waitForEvent('download')
  await page.getByLabel('选择模板').setInputFiles(path)
  const file = await download
  expect(file.suggestedFilename()).toBe('平台模板（已填写）.xlsx')
  const filled = new ExcelJS.Workbook()
  await filled.xlsx.readFile(await file.path())
  const names = [2, 3, 4].map((row) => filled.getWorksheet('平台导入')?.getCell(row, 1).value)
  expect(names.sort()).toEqual(['王芳', '马建国', '韩玉梅'].sort())
  const ma = [2, 3, 4].find((row) => filled.getWorksheet('平台导入')?.getCell(row, 1).value === '马建国') ?? 0
  expect(filled.getWorksheet('平台导入')?.getCell(ma, 2).value).toBe(`622901********${idFor(11).slice(-4)}`)
  expect(filled.getWorksheet('平台导入')?.getCell(ma, 3).value).toBe(5)
})

test('打印 on a list screen hands over the same document (a PDF in a plain browser)', async ({ page, ledger }) => {
  await seed(ledger)
  await ledger.open('#/roster')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '打印' }).click()
  const file = await download
  expect(file.suggestedFilename()).toBe('志愿者花名册.pdf')
  expect((await readFile(await file.path())).subarray(0, 5).toString()).toBe('%PDF-')
})

test('志愿服务证明: issues a numbered certificate as PDF, lists it, voids it keeping the number', async ({
  page,
  ledger,
}) => {
  await seed(ledger)
  await ledger.open('#/certificates')
  await expect(page.locator('.register')).toContainText('本年度尚未出具志愿服务证明')
  await page.getByRole('button', { name: '出具证明' }).click()
  const field = select(page, '志愿者')
  await field.click()
  await page.keyboard.type('马建国')
  await page
    .locator('.el-select-dropdown:visible')
    .getByRole('option', { name: /马建国/ })
    .click()
  await page.keyboard.press('Escape')
  await shot(page, ledger, 'certificates-issue')
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '出具并生成 PDF' }).click()
  expect((await download).suggestedFilename()).toBe('志愿服务证明 临教志证〔2026〕第0001号.pdf')
  const row = page.locator('.register tr.el-table__row').first()
  await expect(row).toContainText('临教志证〔2026〕第0001号')
  await expect(row).toContainText('5')
  await expect(row).toContainText('有效')

  await row.getByRole('button', { name: '作废' }).click()
  await page.locator('.el-message-box input').fill('服务时段填错')
  await page.locator('.el-message-box').getByRole('button', { name: '作废' }).click()
  await expect(row).toContainText('已作废')
  await expect(row).toContainText('服务时段填错')
  await expect(row).toContainText('临教志证〔2026〕第0001号')
  await shot(page, ledger, 'certificates-register')
})
