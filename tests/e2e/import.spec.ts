// The import flow in the built renderer against the real core: choose messy school returns, watch
// the check, read the issues at their rows, map an unrecognised column, commit, find the people in
// the roster, see the batch in the history, undo it. Screenshots of every step for a person to look at.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import JSZip from 'jszip'
import { generateReturns, PEOPLE } from '../fixtures/generate'
import { writeStandardStream } from '../fixtures/returns'
import { makePeople } from '../support/people'
import { expect, test, type LedgerFixture } from './harness'

/** The names of the files in a downloaded .zip, in order. */
async function zipNames(path: string): Promise<string[]> {
  return Object.keys((await JSZip.loadAsync(readFileSync(path))).files).sort()
}

type Search = { total: number; rows: { name: string; unit: string | null; post: string | null }[] }

async function returns(): Promise<Awaited<ReturnType<typeof generateReturns>>> {
  return generateReturns(mkdtempSync(join(tmpdir(), 'ledger-e2e-returns-')))
}

async function shot(page: Page, ledger: LedgerFixture, name: string): Promise<void> {
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 8000 })
  await page.waitForTimeout(400)
  await ledger.shot(name)
}

async function search(ledger: LedgerFixture, q?: string): Promise<Search> {
  return (await ledger.call('roster.search', { q, limit: 100 })) as Search
}

function fileRow(page: Page, name: string): Locator {
  return page.locator('.preview-files .el-table__body-wrapper tr.el-table__row').filter({ hasText: name })
}

async function choose(page: Page, select: Locator, option: string): Promise<void> {
  await select.locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown:visible').getByRole('option', { name: option, exact: true }).click()
}

/** A drop as Chromium delivers one from the desktop: a DataTransfer holding the files. */
async function dropFiles(page: Page, paths: string[]): Promise<void> {
  const files = paths.map((path) => ({ name: basename(path), base64: readFileSync(path).toString('base64') }))
  const transfer = await page.evaluateHandle((list) => {
    const data = new DataTransfer()
    for (const file of list)
      data.items.add(new File([Uint8Array.from(atob(file.base64), (char) => char.charCodeAt(0))], file.name))
    return data
  }, files)
  await page.dispatchEvent('[data-testid="drop-zone"]', 'drop', { dataTransfer: transfer })
}

test('imports messy returns: issues at their rows, a hand-made mapping, commit, history and undo', async ({
  page,
  ledger,
}) => {
  const paths = await returns()
  // Already in the roster before the import, with another unit: the import updates this person.
  const before = (await ledger.call('roster.save', {
    fields: { name: PEOPLE.zhang.name, idNumber: PEOPLE.zhang.idNumber, unit: '临夏县土桥中学' },
    mode: 'keep',
  })) as { id: number }

  await ledger.open('#/import')
  await page.getByTestId('file-input').setInputFiles([paths.standard, paths.messy, paths.unmapped, paths.legacy])
  const chosen = page.locator('.file-table .el-table__body-wrapper tr.el-table__row')
  await expect(chosen).toHaveCount(4)
  await expect(page.locator('.file-table')).toContainText('旧格式，检查时会提示另存为 .xlsx')
  await shot(page, ledger, 'import-1-files-chosen')

  await page.getByRole('button', { name: '开始检查' }).click()
  await expect(page.getByTestId('import-totals')).toBeVisible()
  await expect(fileRow(page, '01-临夏州中学.xlsx')).toContainText('可导入')
  await expect(fileRow(page, '02-东乡县锁南中学.xlsx')).toContainText('可导入')
  await expect(fileRow(page, '08-证件号码列.xlsx')).toContainText('需指定列')
  await expect(fileRow(page, '04-旧格式.xls')).toContainText('失败')
  await expect(fileRow(page, '04-旧格式.xls')).toContainText('另存为 .xlsx')
  await expect(page.locator('.mapping-alert')).toContainText('有 1 个文件找不到必填列')
  await shot(page, ledger, 'import-3-preview-files')

  // The issues, each at its file, row and column; the bad check character and the numeric ID.
  await page.getByRole('tab', { name: /错误和警告/ }).click()
  const issues = page.locator('.issue-table .el-table__body-wrapper tr.el-table__row')
  const checksum = issues.filter({ hasText: '校验位错误' })
  await expect(checksum).toContainText('02-东乡县锁南中学.xlsx')
  await expect(checksum.locator('td').nth(3)).toHaveText('10')
  await expect(checksum).toContainText('身份证号码C10')
  await expect(checksum).toContainText('错误')
  const numeric = issues.filter({ hasText: '以数字格式保存' }).first()
  await expect(numeric.locator('td').nth(3)).toHaveText('9')
  await expect(issues.filter({ hasText: '火星族' })).toContainText('警告')
  await page.locator('.issue-filters').getByText('错误', { exact: true }).click()
  await expect(issues).toHaveCount(4)
  await checksum.locator('.el-table__expand-icon').click()
  await expect(page.locator('.values').first()).toContainText('冶学军')
  await expect(page.locator('.value.marked')).toContainText('622921')
  await shot(page, ledger, 'import-4-preview-issues')
  await page.locator('.issue-filters').getByText('全部', { exact: true }).click()

  // The file whose ID column is called 证件号码: map it by hand, the core checks again.
  await page.getByRole('tab', { name: /文件/ }).click()
  await fileRow(page, '08-证件号码列.xlsx').getByRole('button', { name: '指定列' }).click()
  const dialog = page.locator('.el-dialog:visible')
  await expect(dialog).toContainText('08-证件号码列.xlsx')
  await expect(dialog.getByRole('button', { name: '应用并重新检查' })).toBeDisabled()
  await choose(page, dialog.locator('[data-column="身份证号码"]'), 'C 列：证件号码')
  await shot(page, ledger, 'import-5-mapping-dialog')
  await dialog.getByRole('button', { name: '应用并重新检查' }).click()
  await expect(fileRow(page, '08-证件号码列.xlsx')).toContainText('可导入')
  await expect(fileRow(page, '08-证件号码列.xlsx')).toContainText('已手动指定列')
  await expect(page.locator('.mapping-alert')).toHaveCount(0)

  // What changes for the person already in the roster.
  await page.getByRole('tab', { name: /逐行预览/ }).click()
  const update = page
    .locator('.planned-table .el-table__body-wrapper tr.el-table__row')
    .filter({ hasText: PEOPLE.zhang.name })
  await expect(update).toContainText('工作单位')
  await expect(update.locator('.before').first()).toBeVisible()
  await expect(update).toContainText('临夏县土桥中学')
  await expect(update).toContainText('临夏州中学')
  await shot(page, ledger, 'import-6-preview-changes')

  // The answers of the previewed batch: the school file with issues marked, and a reply for the
  // .xls that could not be read; two files, so one .zip.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出错误标注表' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('错误标注表（导入前）.zip')
  expect(await zipNames(await download.path())).toEqual([
    '02-东乡县锁南中学（错误标注）.xlsx',
    '04-旧格式（问题说明）.xlsx',
  ])

  await page.getByRole('button', { name: '导入', exact: true }).click()
  await expect(page.getByTestId('confirm-summary')).toContainText('新增 10、更新 1、拒绝 4')
  await expect(page.locator('.import-confirm')).toContainText('04-旧格式.xls（无法读取）')
  await shot(page, ledger, 'import-7-confirm')
  await page.getByRole('button', { name: '确认导入' }).click()
  await expect(page.getByTestId('import-result')).toContainText('导入完成：批次 1')
  await expect(page.getByTestId('import-result')).toContainText('新增 10 人，更新 1 人')
  await shot(page, ledger, 'import-8-result')

  expect((await search(ledger)).total).toBe(11)
  expect((await search(ledger, PEOPLE.qi.name)).rows[0]?.unit).toBe('临夏县土桥中学')
  expect((await search(ledger, PEOPLE.zhang.name)).rows[0]?.unit).toBe('临夏州中学')
  await ledger.open('#/roster')
  await expect(page.locator('.roster-table')).toContainText(PEOPLE.qi.name)
  await expect(page.locator('.roster-table')).toContainText(PEOPLE.han.name)
  await shot(page, ledger, 'import-8b-roster-after-import')
  const [exported] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出花名册' }).click(),
  ])
  expect(exported.suggestedFilename()).toMatch(/^志愿者花名册.*\.xlsx$/)
  const [template] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载空白模板' }).click(),
  ])
  expect(template.suggestedFilename()).toBe('志愿者花名册-空白模板.xlsx')

  // A later hand edit of a field the batch wrote: undo must keep it.
  await ledger.call('roster.save', {
    id: before.id,
    fields: { name: PEOPLE.zhang.name, idNumber: PEOPLE.zhang.idNumber, post: '高级教师' },
    mode: 'keep',
  })

  await ledger.open('#/import')
  await page.getByRole('tab', { name: '导入历史' }).click()
  const batch = page.locator('.history-table .el-table__body-wrapper tr.el-table__row').first()
  await expect(batch).toContainText('表1 花名册')
  await expect(batch.locator('td').nth(3)).toHaveText('4')
  await expect(batch.locator('td').nth(5)).toHaveText('10')
  await expect(batch).toContainText('已导入')
  await shot(page, ledger, 'import-9-history')
  const [marked] = await Promise.all([
    page.waitForEvent('download'),
    batch.getByRole('button', { name: '下载错误标注表' }).click(),
  ])
  expect(marked.suggestedFilename()).toBe('错误标注表-批次1.zip')
  expect(await zipNames(await marked.path())).toEqual([
    '02-东乡县锁南中学（错误标注）.xlsx',
    '04-旧格式（问题说明）.xlsx',
  ])
  await batch.getByRole('button', { name: '详情' }).click()
  await expect(page.locator('.batch-drawer')).toContainText('02-东乡县锁南中学.xlsx')
  await expect(page.locator('.batch-drawer')).toContainText('校验位错误')
  await shot(page, ledger, 'import-10-batch-detail')
  await page.locator('.batch-drawer .el-drawer__close-btn').click()

  await batch.getByRole('button', { name: '撤销' }).click()
  const box = page.locator('.el-message-box')
  await expect(box).toContainText('撤销将删除本批新增的志愿者，并恢复本批修改前的值；之后的手工修改会保留')
  await box.getByRole('button', { name: '确认撤销' }).click()
  const report = page.getByTestId('undo-report')
  await expect(report).toContainText('10删除本批新增的志愿者')
  await expect(report).toContainText('1恢复为导入前的值')
  await expect(report).toContainText('高级教师')
  await shot(page, ledger, 'import-11-undo-report')
  await page.getByRole('button', { name: '知道了' }).click()
  await expect(batch).toContainText('已撤销')

  const after = await search(ledger)
  expect(after.total).toBe(1)
  expect(after.rows[0]).toMatchObject({ name: PEOPLE.zhang.name, unit: '临夏县土桥中学', post: '高级教师' })
  await ledger.open('#/roster')
  await expect(page.locator('.roster-table .el-table__body-wrapper tr.el-table__row')).toHaveCount(1)
})

test('shows the progress of a large return while the core checks it, files dropped on the zone', async ({
  page,
  ledger,
}) => {
  const paths = await returns()
  const big = join(mkdtempSync(join(tmpdir(), 'ledger-e2e-big-')), '10-全州汇总.xlsx')
  await writeStandardStream(big, '临夏州教育局', makePeople(25_000, 11))

  await ledger.open('#/import')
  await dropFiles(page, [paths.standard, big, paths.messy])
  await expect(page.locator('.file-table .el-table__body-wrapper tr.el-table__row')).toHaveCount(3)
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 8000 })
  await page.getByRole('button', { name: '开始检查' }).click()
  const progress = page.getByTestId('import-progress')
  await expect(progress.locator('.current-file')).toHaveText('10-全州汇总.xlsx')
  await expect(progress.locator('.current-detail')).toContainText(/已(读|检查)/)
  // Never a frozen empty bar while rows are being read: either it moves (indeterminate) or it shows progress.
  const snapshot = await progress.evaluate((element) => ({
    detail: element.querySelector('.current-detail')?.textContent ?? '',
    bar: element.querySelector('[data-testid="import-bar"]')?.getAttribute('data-state'),
    percent: element.querySelector('.percent')?.textContent?.trim() ?? '',
  }))
  expect(snapshot.bar === 'indeterminate' || snapshot.percent !== '0%', JSON.stringify(snapshot)).toBe(true)
  // Taken at once: the check does not wait for the camera.
  await ledger.shot('import-2-progress')
  await expect(page.getByTestId('import-totals')).toBeVisible({ timeout: 60_000 })
  await expect(fileRow(page, '10-全州汇总.xlsx')).toContainText('25,000')
})

test('remembers a hand-made mapping for files with the same header', async ({ page, ledger }) => {
  const paths = await returns()
  const first = (await ledger.call('import.preview', {
    form: 'roster',
    files: [{ name: '08.xlsx', data: { base64: readFileSync(paths.unmapped).toString('base64') } }],
  })) as {
    previewId: string
  }
  await ledger.call('import.preview', {
    form: 'roster',
    files: [{ name: '08.xlsx', data: { base64: readFileSync(paths.unmapped).toString('base64') } }],
    mappings: [{ fileIndex: 0, columns: { 身份证号码: 3 } }],
  })
  await ledger.call('import.cancel', first)

  await ledger.open('#/import')
  await page.getByTestId('file-input').setInputFiles([paths.unmapped])
  await page.getByRole('button', { name: '开始检查' }).click()
  await expect(fileRow(page, '08-证件号码列.xlsx')).toContainText('可导入')
  await expect(fileRow(page, '08-证件号码列.xlsx')).toContainText('沿用上次指定的列')
})
