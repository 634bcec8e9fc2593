// A highlight's 信息报送 page: what the 新时代文明实践中心 asks units to send when good practice is
// promoted — title, date, place, organiser, the write-up and up to three photos, on one A4 page.
// Photos are embedded as data: URLs, so the document stays self-contained (no file paths leave
// the core, and the page's CSP allows data: images only).
import { getActivity } from '../activities/repository'
import { listPhotos, readPhoto } from '../activities/photos'
import type { CoreContext } from '../context'
import { CoreError } from '../errors'
import { readSettings } from '../settings/settings'
import { formatFillDate } from '../xlsx/writeForm'
import { escapeHtml, htmlDocument, type HtmlDocument } from './html'
import { FONT_STACKS } from './styles'

const MAX_PHOTOS = 3

const PAGE_CSS = `
@page report { size: A4 portrait; margin: 20mm 20mm 18mm; @bottom-center { content: none; } }
section.report { page: report; font-size: 12pt; line-height: 1.8; }
section.report h1 { font-size: 20pt; margin-bottom: 3mm; }
section.report .byline { text-align: center; font-family: ${FONT_STACKS.body}; margin: 0 0 5mm; }
section.report .facts { margin: 0 0 4mm; padding: 2mm 4mm; border-top: 0.6pt solid #000; border-bottom: 0.6pt solid #000; }
section.report .facts span { margin-right: 8mm; white-space: nowrap; }
section.report p.text { text-indent: 2em; margin: 0 0 3mm; white-space: pre-wrap; }
section.report .photos { display: flex; gap: 3mm; margin-top: 4mm; break-inside: avoid; }
section.report .photos figure { flex: 1; margin: 0; text-align: center; }
section.report .photos img { width: 100%; max-height: 62mm; object-fit: cover; border: 0.6pt solid #999; }
section.report .photos figcaption { font-size: 9pt; color: #333; }
@media screen { section.report { background: #fff; width: 210mm; min-height: 297mm; margin: 0 auto; padding: 20mm; } }
`

function photoFigures(ctx: CoreContext, activityId: number): string {
  return listPhotos(ctx, activityId)
    .slice(0, MAX_PHOTOS)
    .map((photo) => {
      const file = readPhoto(ctx, photo.id)
      const source = `data:${file.type};base64,${Buffer.from(file.data).toString('base64')}`
      return `<figure><img src="${source}" alt=""><figcaption>${escapeHtml(file.name.replace(/\.[^.]+$/, ''))}</figcaption></figure>`
    })
    .join('')
}

export function highlightPageDocument(ctx: CoreContext, activityId: number | undefined): HtmlDocument {
  if (!activityId) throw new CoreError('INVALID_INPUT', '请指定活动（--activity 活动编号）。')
  const activity = getActivity(ctx.db, activityId)
  const text = activity.highlightText ?? activity.summary
  if (!text)
    throw new CoreError(
      'VALIDATION',
      `活动“${activity.name}”还没有经验做法或活动简介，请先在活动登记中填写，再生成信息报送页。`,
    )
  const unit = readSettings(ctx.db).unitName
  const [year, month, day] = activity.heldOn.split('-').map(Number)
  const facts = [
    ['时间', `${year}年${month}月${day}日`],
    ['地点', activity.place ?? activity.countyName ?? ''],
    ['组织单位', activity.organizer ?? unit],
    ['活动类别', activity.taskName ?? ''],
  ].filter(([, value]) => value)
  const photos = photoFigures(ctx, activityId)
  const body = `<section class="report">
<h1>${escapeHtml(activity.name)}</h1>
<p class="byline">${escapeHtml(unit)}\u3000${formatFillDate(ctx.now())}</p>
<div class="facts">${facts.map(([label, value]) => `<span>${label}：${escapeHtml(value ?? '')}</span>`).join('')}</div>
${text
  .split(/\n+/)
  .map((paragraph) => `<p class="text">${escapeHtml(paragraph.trim())}</p>`)
  .join('\n')}
${photos ? `<div class="photos">${photos}</div>` : ''}
</section>`
  return htmlDocument(`信息报送 ${activity.name}`, body, PAGE_CSS)
}
