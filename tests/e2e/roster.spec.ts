// The roster flows in the built renderer, against the real core on a temp SQLite file.
// Screenshots of every screen land in tests/output/screenshots for a person to look at.
import { join } from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { makeId, makePeople } from '../support/people'
import { configuredDbPath } from '../../src-main/core/settings/location'
import { expect, test, type LedgerFixture } from './harness'

const MA_JIANGUO = makeId('622901', '19850312', 1, true)
const MA_LI = makeId('622921', '19900504', 2, false)
const WANG_FANG = makeId('622926', '19880701', 3, false)

interface Seed {
  name: string
  idNumber: string
  unit?: string
  phone?: string
  county?: string
  category?: string
  team?: string
  political?: string
  ethnic?: string
  education?: string
  post?: string
}

async function seed(ledger: LedgerFixture, people: Seed[]): Promise<number[]> {
  const ids: number[] = []
  for (const fields of people) {
    const saved = (await ledger.call('roster.save', { fields, mode: 'keep' })) as { id: number }
    ids.push(saved.id)
  }
  return ids
}

async function seedThree(ledger: LedgerFixture): Promise<number[]> {
  return seed(ledger, [
    {
      name: '马建国',
      idNumber: MA_JIANGUO,
      unit: '临夏州中学',
      phone: '13812345678',
      county: '临夏市',
      political: '中共党员',
    },
    {
      name: '马丽',
      idNumber: MA_LI,
      unit: '临夏县土桥中学',
      phone: '13909301234',
      county: '临夏县',
      political: '群众',
    },
    {
      name: '王芳',
      idNumber: WANG_FANG,
      unit: '东乡县锁南中学',
      phone: '15193001122',
      county: '东乡县',
      political: '共青团员',
    },
  ])
}

/** Thirty realistic volunteers with the columns a school's return would carry. */
function thirtyPeople(): Seed[] {
  const categories = [
    '骨干教师',
    '名师',
    '学科带头人',
    '教学能手',
    '优秀党员',
    '音体美特长教师',
    '双师型教师',
    '名班主任',
  ]
  const political = ['中共党员', '群众', '共青团员', '中共党员', '民主党派成员']
  const ethnic = ['回族', '汉族', '东乡族', '汉族', '保安族', '撒拉族', '回族']
  const posts = ['一级教师', '高级教师', '校长', '二级教师', '教研组长', '副校长']
  const teams = ['临夏州新时代助学支教志愿服务队', '教育宣讲团']
  return makePeople(30, 7).map((person, index) => ({
    name: person.name,
    idNumber: person.idNumber,
    unit: person.unit,
    phone: person.phone,
    county: person.county,
    category: categories[index % categories.length],
    political: political[index % political.length],
    ethnic: ethnic[index % ethnic.length],
    education: index % 3 === 0 ? '研究生' : '大学本科',
    post: posts[index % posts.length],
    team: teams[index % 4 === 0 ? 1 : 0],
  }))
}

function rosterRows(page: Page): Locator {
  return page.locator('.el-table__body-wrapper tr.el-table__row')
}

function rowOf(page: Page, name: string): Locator {
  return rosterRows(page).filter({ has: page.getByText(name, { exact: true }) })
}

function dialog(page: Page): Locator {
  return page.locator('.el-dialog:visible')
}

async function choose(page: Page, field: Locator, option: string): Promise<void> {
  await field.locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown:visible').getByRole('option', { name: option, exact: true }).click()
}

/** Screenshots wait for toasts and dialog transitions to finish, so they show the screen at rest. */
async function shot(page: Page, ledger: LedgerFixture, name: string): Promise<void> {
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 8000 })
  await page.waitForTimeout(400)
  await ledger.shot(name)
}

async function stats(ledger: LedgerFixture): Promise<number> {
  return ((await ledger.call('system.stats')) as { volunteers: number }).volunteers
}

test('adds a volunteer through the form and shows it in the list', async ({ page, ledger }) => {
  await ledger.open('#/roster')
  await page.getByRole('button', { name: '新增志愿者' }).click()
  const form = dialog(page)
  await expect(form).toContainText('性别、出生年月可由身份证号码自动识别')
  await form.locator('[data-field="name"] input').fill('马建国')
  await form.locator('[data-field="idNumber"] input').fill(MA_JIANGUO)
  await form.locator('[data-field="idNumber"] input').blur()
  // The core derives gender and birth from the ID; the form fills them in after the live check.
  await expect(form.locator('[data-field="birth"] input')).toHaveValue('1985.03')
  await choose(page, form.locator('[data-field="ethnic"]'), '回族')
  await choose(page, form.locator('[data-field="political"]'), '中共党员')
  await choose(page, form.locator('[data-field="education"]'), '大学本科')
  await form.locator('[data-field="unit"] input').fill('临夏州中学')
  await form.locator('[data-field="post"] input').fill('高级教师')
  await choose(page, form.locator('[data-field="county"]'), '临夏市')
  await form.locator('[data-field="phone"] input').fill('13812345678')
  await choose(page, form.locator('[data-field="category"]'), '骨干教师')
  await form.locator('[data-field="speciality"] input').fill('书法')
  await choose(page, form.locator('[data-field="team"]'), '临夏州新时代助学支教志愿服务队')
  await shot(page, ledger, 'roster-form-filled')
  await form.getByRole('button', { name: '保存' }).click()

  await expect(page.locator('.el-message')).toContainText('已保存')
  await expect(form).toBeHidden()
  const row = rowOf(page, '马建国')
  await expect(row).toContainText('临夏州中学')
  await expect(row).toContainText('男')
  await expect(row).toContainText('1985.03')
  await expect(row).toContainText('骨干教师')
  await expect(row).toContainText(`622901********${MA_JIANGUO.slice(-4)}`)
  expect(await stats(ledger)).toBe(1)
})

test('a bad check digit shows the 校验位 error under the ID field and saves nothing', async ({ page, ledger }) => {
  const bad = MA_JIANGUO.slice(0, 17) + (MA_JIANGUO.endsWith('1') ? '2' : '1')
  await ledger.open('#/roster')
  await page.getByRole('button', { name: '新增志愿者' }).click()
  const form = dialog(page)
  await form.locator('[data-field="name"] input').fill('马建国')
  await form.locator('[data-field="idNumber"] input').fill(bad)
  await form.locator('[data-field="idNumber"] input').blur()
  await expect(form.locator('[data-field="idNumber"]')).toContainText('校验位')

  await form.getByRole('button', { name: '保存' }).click()
  await expect(form.locator('[data-field="idNumber"]')).toContainText('校验位')
  await expect(form.locator('[data-field="idNumber"] .field-issue.error')).toBeVisible()
  await expect(form.locator('[data-field="name"] .field-issue')).toHaveCount(0)
  await expect(form).toBeVisible()
  await shot(page, ledger, 'roster-form-error')
  expect(await stats(ledger)).toBe(0)
})

test('warnings show in amber under their field and do not block saving', async ({ page, ledger }) => {
  await ledger.open('#/roster')
  await page.getByRole('button', { name: '新增志愿者' }).click()
  const form = dialog(page)
  await form.locator('[data-field="name"] input').fill('王芳')
  await form.locator('[data-field="idNumber"] input').fill(WANG_FANG)
  await form.locator('[data-field="idNumber"] input').blur()
  await expect(form.locator('[data-field="gender"] .el-select__wrapper')).toContainText('女')
  await form.locator('[data-field="phone"] input').fill('12345')
  await form.locator('[data-field="phone"] input').blur()
  await expect(form.locator('[data-field="phone"] .field-issue.warning')).toBeVisible()
  await expect(form.locator('.field-issue.error')).toHaveCount(0)
  await shot(page, ledger, 'roster-form-warning')

  await form.getByRole('button', { name: '保存' }).click()
  await expect(page.locator('.el-message').first()).toContainText('已保存')
  await expect(rowOf(page, '王芳')).toBeVisible()
  expect(await stats(ledger)).toBe(1)
})

test('lists seeded volunteers with server-side paging', async ({ page, ledger }) => {
  await seed(ledger, thirtyPeople())
  await ledger.open('#/roster')
  await expect(page.locator('.el-pagination')).toContainText('共 30 条')
  await expect(rosterRows(page)).toHaveCount(30)
  // Masked by default: no full ID number or phone anywhere on the page.
  await expect(page.locator('.roster-table')).not.toContainText(/\d{17}[\dX]/)
  await shot(page, ledger, 'roster-list')

  await seed(
    ledger,
    makePeople(100, 11).map((p) => ({ name: p.name, idNumber: p.idNumber, unit: p.unit, county: p.county })),
  )
  await page.reload()
  await page.waitForSelector('[data-app-ready]')
  await expect(page.locator('.el-pagination')).toContainText('共 130 条')
  await expect(rosterRows(page)).toHaveCount(50)
  await page.locator('.el-pager li', { hasText: /^3$/ }).click()
  await expect(rosterRows(page)).toHaveCount(30)
  await expect(rosterRows(page).first().locator('td').nth(1)).toHaveText('101')
})

test('searches by pinyin initials, full pinyin, phone fragment and unit as you type', async ({ page, ledger }) => {
  await seedThree(ledger)
  await ledger.open('#/roster')
  await expect(rosterRows(page)).toHaveCount(3)
  const search = page.getByLabel('查找志愿者')

  await search.fill('mjg')
  await expect(rosterRows(page)).toHaveCount(1)
  await expect(rosterRows(page).first()).toContainText('马建国')
  await shot(page, ledger, 'roster-search')

  await search.fill('wangfang')
  await expect(rosterRows(page)).toHaveCount(1)
  await expect(rosterRows(page).first()).toContainText('王芳')

  await search.fill('0930')
  await expect(rosterRows(page)).toHaveCount(1)
  await expect(rosterRows(page).first()).toContainText('马丽')

  await search.fill('锁南')
  await expect(rosterRows(page)).toHaveCount(1)
  await expect(rosterRows(page).first()).toContainText('王芳')

  await search.fill('zzz')
  await expect(page.locator('.el-table__empty-text')).toHaveText('没有符合条件的志愿者')

  await search.fill('')
  await expect(rosterRows(page)).toHaveCount(3)
  await choose(page, page.locator('.page-toolbar').locator('.el-select', { hasText: '所在县市' }), '东乡族自治县')
  await expect(rosterRows(page)).toHaveCount(1)
  await expect(rosterRows(page).first()).toContainText('王芳')
})

test('reveals a masked ID number only after an explicit click', async ({ page, ledger }) => {
  await seedThree(ledger)
  await ledger.open('#/roster')
  const row = rowOf(page, '马建国')
  await expect(row).toContainText(`622901********${MA_JIANGUO.slice(-4)}`)
  await expect(row).toContainText('138****5678')
  await expect(page.locator('.roster-table')).not.toContainText(MA_JIANGUO)

  await row.getByRole('button', { name: '显示身份证号码' }).click()
  await expect(row).toContainText(MA_JIANGUO)
  // Only that row and that field: the phone stays masked, other rows stay masked.
  await expect(row).toContainText('138****5678')
  await expect(rowOf(page, '王芳')).not.toContainText(WANG_FANG)
  await shot(page, ledger, 'roster-id-revealed')

  await row.getByRole('button', { name: '隐藏身份证号码' }).click()
  await expect(row).not.toContainText(MA_JIANGUO)
})

test('edits a volunteer: the new unit shows in the list, the stored ID and phone are kept', async ({
  page,
  ledger,
}) => {
  const [id] = await seedThree(ledger)
  await ledger.open('#/roster')
  await rowOf(page, '马建国').getByRole('button', { name: '编辑' }).click()
  const form = dialog(page)
  await expect(form.locator('[data-field="idNumber"] input')).toHaveValue(`622901********${MA_JIANGUO.slice(-4)}`)
  await expect(form.locator('[data-field="phone"] input')).toHaveValue('138****5678')
  await form.locator('[data-field="unit"] input').fill('临夏市第一中学')
  await shot(page, ledger, 'roster-form-edit')
  await form.getByRole('button', { name: '保存' }).click()

  await expect(page.locator('.el-message')).toContainText('已保存')
  await expect(rowOf(page, '马建国')).toContainText('临夏市第一中学')
  expect(await ledger.call('roster.reveal', { id, field: 'idNumber' })).toEqual({ value: MA_JIANGUO })
  expect(await ledger.call('roster.reveal', { id, field: 'phone' })).toEqual({ value: '13812345678' })
  expect(await stats(ledger)).toBe(3)
})

test('moves volunteers to the recycle bin and restores them, one and in a batch', async ({ page, ledger }) => {
  await seedThree(ledger)
  await ledger.open('#/roster')
  await rowOf(page, '马建国').getByRole('button', { name: '删除' }).click()
  await page.locator('.el-message-box').getByRole('button', { name: '移入回收站' }).click()
  await expect(rowOf(page, '马建国')).toHaveCount(0)
  await expect(rosterRows(page)).toHaveCount(2)

  await rowOf(page, '马丽').locator('.el-checkbox').click()
  await rowOf(page, '王芳').locator('.el-checkbox').click()
  await page.getByRole('button', { name: /移入回收站（2）/ }).click()
  await page.locator('.el-message-box').getByRole('button', { name: '移入回收站' }).click()
  // The emptied roster says what to do next: import the schools' returns or send them the template.
  const empty = page.getByTestId('roster-empty')
  await expect(empty).toContainText('花名册中还没有志愿者')
  await expect(empty.getByRole('button', { name: '导入花名册' })).toBeVisible()
  await expect(empty.getByRole('button', { name: '下载空白模板' })).toBeVisible()
  expect(await stats(ledger)).toBe(0)

  await page.locator('.nav-menu').getByText('回收站').click()
  await expect(rosterRows(page)).toHaveCount(3)
  await shot(page, ledger, 'recycle-bin')
  await rowOf(page, '马建国').getByRole('button', { name: '恢复' }).click()
  await expect(rosterRows(page)).toHaveCount(2)
  expect(await stats(ledger)).toBe(1)

  await rowOf(page, '马丽').locator('.el-checkbox').click()
  await rowOf(page, '王芳').locator('.el-checkbox').click()
  await page.getByRole('button', { name: /恢复选中（2）/ }).click()
  await page.locator('.el-message-box').getByRole('button', { name: '恢复' }).click()
  await expect(page.locator('.el-table__empty-text')).toHaveText('回收站是空的')

  await page.locator('.nav-menu').getByText('志愿者花名册').click()
  await expect(rosterRows(page)).toHaveCount(3)
  expect(await stats(ledger)).toBe(3)
})

test('purges a volunteer from the recycle bin for good after a warning about backups', async ({ page, ledger }) => {
  const [ma] = await seedThree(ledger)
  await ledger.call('roster.delete', { ids: [ma] })
  await ledger.open('#/recycle-bin')
  await rowOf(page, '马建国').getByRole('button', { name: '彻底删除' }).click()
  const box = page.locator('.el-message-box')
  await expect(box).toContainText('无法恢复')
  await expect(box).toContainText('备份中仍保留其信息')
  await shot(page, ledger, 'recycle-bin-purge')
  await box.getByRole('button', { name: '彻底删除' }).click()
  await expect(page.locator('.el-message')).toContainText('已彻底删除 1 名志愿者')
  await expect(page.locator('.el-table__empty-text')).toHaveText('回收站是空的')
  expect(((await ledger.call('roster.search', { q: '马建国', deleted: true })) as { total: number }).total).toBe(0)
  expect(await stats(ledger)).toBe(2)
})

test('the reference-data tabs render with data, and each tab edits through the one dialog', async ({
  page,
  ledger,
}) => {
  await seed(ledger, thirtyPeople())
  await ledger.call('reference.leadingGroup.save', {
    role: '组长',
    name: '赵志明',
    post: '州教育局局长',
    phone: '0930-6212345',
    sortOrder: 1,
  })
  await ledger.call('reference.leadingGroup.save', {
    role: '副组长',
    name: '李文华',
    post: '州教育局副局长',
    phone: '0930-6212346',
    sortOrder: 2,
  })
  await ledger.open('#/reference/departments')
  await expect(rosterRows(page)).toHaveCount(10)
  await expect(page.locator('.el-table')).toContainText('安全管理办公室')
  await expect(page.locator('.el-table')).toContainText('安全办')
  await shot(page, ledger, 'reference-departments')
  await rowOf(page, '安全管理办公室').getByRole('button', { name: '编辑' }).click()
  await expect(dialog(page)).toContainText('编辑科室：安全管理办公室')
  await dialog(page).locator('input').first().fill('王立新')
  await dialog(page).getByRole('button', { name: '保存' }).click()
  await expect(rowOf(page, '安全管理办公室')).toContainText('王立新')

  await page.getByRole('tab', { name: '活动类别与责任科室' }).click()
  await expect(rosterRows(page)).toHaveCount(5)
  await expect(rowOf(page, '送法下乡')).toContainText('学生资助管理中心')
  await shot(page, ledger, 'reference-tasks')

  await page.getByRole('tab', { name: '服务队' }).click()
  await expect(page.locator('.el-table')).toContainText('临夏州新时代助学支教志愿服务队')
  await page.getByRole('button', { name: '新增服务队' }).click()
  await dialog(page).locator('input').first().fill('临夏州新时代送法进校园志愿服务分队')
  await dialog(page).locator('.el-select__wrapper').click()
  await page
    .locator('.el-select-dropdown:visible')
    .getByRole('option', { name: '临夏州新时代助学支教志愿服务队', exact: true })
    .click()
  await dialog(page).getByText('合作队伍').click()
  await shot(page, ledger, 'reference-team-dialog')
  await dialog(page).getByRole('button', { name: '保存' }).click()
  await expect(dialog(page)).toHaveCount(0)
  const added = rowOf(page, '临夏州新时代送法进校园志愿服务分队')
  await expect(added).toContainText('临夏州新时代助学支教志愿服务队')
  await expect(added).toContainText('合作队伍')
  await shot(page, ledger, 'reference-teams')

  await page.getByRole('tab', { name: '领导小组' }).click()
  await expect(rowOf(page, '赵志明')).toContainText('组长')
  await rowOf(page, '李文华').getByRole('button', { name: '编辑' }).click()
  await expect(dialog(page)).toContainText('编辑领导小组成员')
  await dialog(page).getByText('成员', { exact: true }).click()
  await dialog(page).locator('.el-input-number input').fill('5')
  await dialog(page).getByRole('button', { name: '保存' }).click()
  await expect(rowOf(page, '李文华')).toContainText('成员')
  const members = (await ledger.call('reference.leadingGroup.list')) as {
    name: string
    role: string
    sortOrder: number
  }[]
  expect(members.find((member) => member.name === '李文华')).toMatchObject({ role: '成员', sortOrder: 5 })
  await shot(page, ledger, 'reference-leading-group')

  await page.getByRole('tab', { name: '单位名录' }).click()
  await expect(page.locator('.el-table')).toContainText('临夏州中学')
  await expect(page.locator('.el-table')).toContainText('未登记')
  await rowOf(page, '临夏州中学').getByRole('button', { name: '登记' }).click()
  await expect(dialog(page)).toContainText('登记单位')
  await dialog(page).locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown:visible').getByRole('option', { name: '临夏市', exact: true }).click()
  await dialog(page).getByPlaceholder('如 中学、小学、幼儿园、教学点').fill('中学')
  await dialog(page).getByRole('button', { name: '保存' }).click()
  await expect(rowOf(page, '临夏州中学')).toContainText('已登记')
  await expect(rowOf(page, '临夏州中学')).toContainText('临夏市')
  // The directory searches as the clerk types, and pages what it found.
  await page.getByLabel('查找单位').fill('积石山')
  await expect(rosterRows(page)).toHaveCount(1)
  await expect(rosterRows(page).first()).toContainText('积石山县吹麻滩中学')
  await expect(page.locator('.el-pagination')).toContainText('共 1 条')
  await page.getByLabel('查找单位').fill('')
  await expect(rowOf(page, '临夏州中学')).toBeVisible()
  await shot(page, ledger, 'reference-units')
})

test('settings show the unit and data paths, save the operator, and make a backup', async ({ page, ledger }) => {
  await ledger.open('#/settings')
  await expect(page.getByLabel('填报单位名称')).toHaveValue('临夏州教育局')
  await expect(page.locator('.settings-body')).toContainText(ledger.dir)
  await page.getByLabel('操作员姓名').fill('张敏')
  await page.getByRole('button', { name: '保存设置' }).click()
  await expect(page.locator('.app-header')).toContainText('操作员：张敏')
  const saved = (await ledger.call('settings.get')) as { operatorName: string }
  expect(saved.operatorName).toBe('张敏')

  await page.getByRole('button', { name: '立即备份' }).click()
  await expect(page.locator('.backup-section .el-table')).toContainText('手动备份')
  expect(((await ledger.call('backup.list')) as unknown[]).length).toBeGreaterThan(0)

  // Moving the data: a copy in the folder chosen in main's dialog (the harness plays it: 新位置), used from the next start.
  await page.getByRole('button', { name: '选择新文件夹并迁移…' }).click()
  await expect(page.locator('.moved')).toContainText('请重新启动本程序')
  expect(configuredDbPath()).toBe(join(ledger.dir, '新位置', 'ledger.db'))
  await shot(page, ledger, 'settings')
})

test('the audit log lists changes with personal numbers masked', async ({ page, ledger }) => {
  await ledger.call('settings.save', { operatorName: '张敏' })
  const [id] = await seedThree(ledger)
  await ledger.call('roster.save', {
    id,
    fields: { name: '马建国', unit: '临夏市第一中学', county: '临夏市' },
    mode: 'keep',
  })
  await ledger.call('roster.delete', { ids: [id] })
  await ledger.open('#/audit')
  await expect(page.locator('.el-table').first()).toContainText('新增志愿者 马建国')
  await expect(page.locator('.el-table').first()).toContainText('移入回收站')
  await rosterRows(page).filter({ hasText: '修改志愿者 马建国' }).locator('.el-table__expand-icon').click()
  await expect(page.locator('.audit-changes')).toContainText('临夏市第一中学')
  await expect(page.locator('body')).not.toContainText(MA_JIANGUO)
  await shot(page, ledger, 'audit-log')
})
