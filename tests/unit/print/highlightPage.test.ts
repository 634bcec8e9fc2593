// A highlight's 信息报送 page: one A4 page with the title, date, place, organiser, the write-up and
// up to three of its photos.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invoke } from '../../../src-main/core/api'
import { renderPdf } from '../../../src-main/cli/renderPdf'
import { seedReports, type ReportSeed } from '../reports/seedReports'
import { pageText, pdfPages } from './pdf'
import { png } from '../../support/png'

let seed: ReportSeed
let activityId: number
beforeAll(async () => {
  seed = await seedReports('ledger-highlight-page-')
  seed.db.ctx.renderPdf = renderPdf
  const saved = await invoke(seed.db.ctx, 'activities.save', {
    fields: {
      name: '“行走的思政课”进校园',
      heldOn: '2026-10-08',
      task: '教育宣讲',
      place: '临夏州中学',
      organizer: '临夏州教育局教育党工委办公室',
      departments: '教育党工委办公室',
      leader: '张敏',
      lateReason: '年底集中补登',
      highlight: '是',
      highlightText: '宣讲团走进八路军驻临夏办事处旧址，以现场教学带学生读懂红色历史。\n全年覆盖八县市 42 所学校。',
    },
    participants: [],
  })
  activityId = saved.id
  for (const [index, colour] of (
    [
      [200, 40, 40],
      [40, 120, 200],
      [60, 160, 60],
      [120, 120, 120],
    ] as [number, number, number][]
  ).entries()) {
    await invoke(seed.db.ctx, 'activities.photo.add', {
      activityId,
      name: `现场照片${index + 1}.png`,
      data: png(160, 120, colour),
    } as never)
  }
})
afterAll(() => seed.db.close())

describe('信息报送 page', () => {
  it('puts title, date, place, organiser, the write-up and three photos on one A4 page', async () => {
    const out = `${seed.db.dir}/信息报送.pdf`
    await invoke(seed.db.ctx, 'print.document', { report: 'highlight-page', activity: activityId, out })
    expect(pdfPages(out)).toBe(1)
    const text = pageText(out, 1).replace(/\s+/g, '')
    for (const part of [
      '“行走的思政课”进校园',
      '时间：2026年10月8日',
      '地点：临夏州中学',
      '组织单位：临夏州教育局教育党工委办公室',
      '以现场教学带学生读懂红色历史',
      '全年覆盖八县市42所学校',
    ]) {
      expect(text).toContain(part)
    }
    const images = execFileSync('pdfimages', ['-list', out], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((line) => line.trim())
    expect(images).toHaveLength(3)
    mkdirSync('tests/output/print', { recursive: true })
    copyFileSync(out, 'tests/output/print/highlight-page.pdf')
  }, 30_000)

  it('refuses an activity without a write-up, saying what to fill in', async () => {
    const bare = await invoke(seed.db.ctx, 'activities.save', {
      fields: {
        name: '无简介的活动',
        heldOn: '2026-10-09',
        task: '教育宣讲',
        leader: '张敏',
        lateReason: '年底集中补登',
      },
      participants: [],
    })
    await expect(
      invoke(seed.db.ctx, 'print.document', { report: 'highlight-page', activity: bare.id }),
    ).rejects.toThrow(/还没有经验做法或活动简介/)
  })
})
