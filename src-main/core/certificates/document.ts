// 志愿服务证明 as a printed page, in the four parts of the national guidance (民发〔2015〕149号;
// 《志愿服务记录与证明出具办法（试行）》): the volunteer, the service, the issuer, the certificate's
// own number and date with space for the seal. Made from the snapshot kept in the register, so a
// reprint is the paper that was issued; a voided certificate reprints marked 已作废.
import { personalNumbers } from '../export/personalNumbers'
import { escapeHtml, htmlDocument, type HtmlDocument } from '../print/html'
import { FONT_STACKS } from '../print/styles'
import type { CertificateRow, CertificateSnapshot } from './repository'

const CERTIFICATE_CSS = `
@page certificate { size: A4 portrait; margin: 18mm 20mm 15mm; @bottom-center { content: none; } }
section.certificate { page: certificate; position: relative; font-size: 11.5pt; line-height: 1.55; }
section.certificate + section.certificate { break-before: page; }
section.certificate h1 { font-size: 22pt; letter-spacing: 0.5em; margin-bottom: 2mm; }
section.certificate .number { text-align: right; margin: 0 0 4mm; }
section.certificate h2 { font-family: ${FONT_STACKS.header}; font-size: 12.5pt; margin: 4mm 0 1.5mm; }
section.certificate p { margin: 1mm 0 2mm; }
section.certificate table.facts { width: 100%; border-collapse: collapse; }
section.certificate table.facts th, section.certificate table.facts td { border: 0.6pt solid #000; padding: 1mm 2mm; text-align: left; }
section.certificate table.facts td { width: 34%; }
section.certificate table.facts th { width: 16%; background: #f2f2f2; font-family: ${FONT_STACKS.header}; font-weight: normal; }
section.certificate table.form { font-size: 10.5pt; }
section.certificate .seal { display: flex; justify-content: flex-end; margin-top: 6mm; break-inside: avoid; }
section.certificate .seal p { margin: 0 0 1mm; }
section.certificate .seal div { text-align: center; min-width: 70mm; }
section.certificate .void { position: absolute; top: 80mm; left: 0; right: 0; text-align: center; font-size: 60pt; color: rgba(200,0,0,.35); transform: rotate(-20deg); font-family: ${FONT_STACKS.header}; }
`

function dayText(day: string): string {
  const [year, month, date] = day.split('-')
  return `${year}年${Number(month)}月${Number(date)}日`
}

/** Label–value pairs, two to a row, so the four parts fit one A4 page. */
function facts(pairs: readonly [string, string][]): string {
  const cells = pairs.map(([label, value]) => `<th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td>`)
  const rows: string[] = []
  for (let index = 0; index < cells.length; index += 2) {
    const second = cells[index + 1]
    rows.push(`<tr>${cells[index]}${second ?? '<th></th><td></td>'}</tr>`)
  }
  return `<table class="facts">${rows.join('')}</table>`
}

function serviceTable(snapshot: CertificateSnapshot): string {
  const lines = snapshot.lines
    .map((line, index) => {
      // 2026-07-13至07-17: the end without its year when it is the same, so the cell stays one line.
      const end =
        line.endedOn && line.endedOn !== line.heldOn
          ? line.endedOn.slice(0, 4) === line.heldOn.slice(0, 4)
            ? line.endedOn.slice(5)
            : line.endedOn
          : null
      const days = end ? `${line.heldOn}至${end}` : line.heldOn
      return `<tr><td class="sequence">${index + 1}</td><td class="code">${days}</td><td>${escapeHtml(line.name)}</td><td>${escapeHtml(line.leader ?? '')}</td><td class="number">${line.hours}</td></tr>`
    })
    .join('')
  return `<table class="form"><colgroup><col style="width:7%"><col style="width:25%"><col style="width:38%"><col style="width:13%"><col style="width:17%"></colgroup>
<thead><tr><th>序号</th><th>日期</th><th>活动名称</th><th>活动负责人</th><th>服务时长（小时）</th></tr></thead><tbody>${lines}</tbody></table>`
}

/** 培训 and 表彰 as two short lines under the service table; 学时 are said not to be service hours. */
function trainingLines(snapshot: CertificateSnapshot): string {
  const found = snapshot.training
  if (!found || (found.trainings.length === 0 && found.awards.length === 0)) return ''
  const parts: string[] = []
  if (found.trainings.length > 0)
    parts.push(
      `<p class="training">参加志愿服务培训 ${found.trainings.length} 次，共 ${found.trainingHours} 学时（不计入志愿服务时长）：${found.trainings
        .map((training) => `${training.startedOn} ${escapeHtml(training.name)}（${training.hours} 学时）`)
        .join('；')}。</p>`,
    )
  if (found.awards.length > 0)
    parts.push(
      `<p class="awards">获得表彰：${found.awards
        .map(
          (award) =>
            `${award.awardedOn} ${escapeHtml(award.name)}（${escapeHtml(award.grantedBy)}${award.level ? `，${award.level}` : ''}）`,
        )
        .join('；')}。</p>`,
    )
  return parts.join('\n')
}

export function certificateSection(row: CertificateRow, snapshot: CertificateSnapshot, fullNumbers: boolean): string {
  const { volunteer, period, totals, issuer } = snapshot
  const numbers = personalNumbers(fullNumbers)
  return `<section class="certificate">
${row.voidedAt ? `<div class="void">已作废</div>` : ''}
<h1>志愿服务证明</h1>
<p class="number">证明编号：${escapeHtml(row.number)}</p>
<h2>一、志愿者基本信息</h2>
${facts([
  ['姓名', volunteer.name],
  ['性别', volunteer.gender],
  ['证件类型', '居民身份证'],
  ['证件号码', numbers.id(volunteer.idNumber) ?? ''],
  ['工作单位', volunteer.unit ?? ''],
])}
<h2>二、志愿服务情况</h2>
<p>兹证明 ${escapeHtml(volunteer.name)} 同志于 ${dayText(period.from)}至${dayText(period.to)}期间，参加志愿服务活动 ${totals.activities} 次，累计志愿服务时长 ${totals.hours} 小时。具体如下：</p>
${serviceTable(snapshot)}
${trainingLines(snapshot)}
<h2>三、出具单位信息</h2>
${facts([
  ['出具单位', issuer.unit],
  ['负责人', issuer.head ?? ''],
  ['经办人', issuer.handler ?? ''],
  ['联系电话', issuer.phone ?? ''],
])}
<h2>四、证明信息</h2>
${facts([
  ['证明编号', row.number],
  ['出具日期', dayText(snapshot.issuedOn)],
])}
<p>备注：${escapeHtml(snapshot.note ?? '服务时长依据本单位志愿服务活动记录出具（谁记录、谁证明）。')}</p>
${row.voidedAt ? `<p>本证明已于 ${dayText(row.voidedAt.slice(0, 10))} 作废，原因：${escapeHtml(row.voidReason ?? '')}</p>` : ''}
<div class="seal"><div><p>${escapeHtml(issuer.unit)}（盖章）</p><p>${dayText(snapshot.issuedOn)}</p></div></div>
</section>`
}

/** Certificates per rendered part: well below the ~700 pages Chromium prints at once. */
export const CERTIFICATES_PER_PART = 200

/** One page per certificate, all in one document: a bulk issue prints as one PDF. */
export function certificatesDocument(
  entries: readonly { row: CertificateRow; snapshot: CertificateSnapshot }[],
  fullNumbers: boolean,
): HtmlDocument {
  const title =
    entries.length === 1 && entries[0]
      ? `志愿服务证明 ${entries[0].row.number}`
      : `志愿服务证明（${entries.length} 份）`
  const sections = entries.map((entry) => certificateSection(entry.row, entry.snapshot, fullNumbers))
  const document = { ...htmlDocument(title, sections.join('\n'), CERTIFICATE_CSS), rows: entries.length }
  if (sections.length <= CERTIFICATES_PER_PART) return document
  const parts: string[] = []
  for (let start = 0; start < sections.length; start += CERTIFICATES_PER_PART) {
    parts.push(
      htmlDocument(title, sections.slice(start, start + CERTIFICATES_PER_PART).join('\n'), CERTIFICATE_CSS).html,
    )
  }
  return { ...document, parts }
}
