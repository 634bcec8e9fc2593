// npm run bench -- export: a 100,000-row 表1 export against exceljs's own streaming writer writing
// the same cells unstyled (seconds, peak RSS, ratio; goal ratio ≤ 1.3, RSS ≤ 300 MB), and 表4 for
// 12,000 volunteers printed to PDF through Chromium (the goal names 20,000 volunteers, about 1,000
// pages, in under 60 s; Chromium 156 refuses one document of about 700 pages or more, see
// cli/renderPdf.ts, so this measures the largest table it prints in one go).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import { renderPdf } from '../../src-main/cli/renderPdf'
import { invoke } from '../../src-main/core/api'
import { insertActivity, replaceParticipants } from '../../src-main/core/activities/repository'
import { validatePerson } from '../../src-main/core/domain'
import { rosterRows, selectRosterForExport } from '../../src-main/core/export/roster'
import { personalNumbers } from '../../src-main/core/export/personalNumbers'
import { createContext } from '../../src-main/core/index'
import { insertVolunteer } from '../../src-main/core/roster/repository'
import { makePeople } from '../support/people'

const VOLUNTEERS = 100_000
const WITH_HOURS = 12_000

/** Runs `body` while sampling the process's RSS every 20 ms; returns seconds and the peak in MB. */
async function measured(body: () => Promise<unknown>): Promise<{ seconds: number; peakMb: number }> {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  const started = process.hrtime.bigint()
  try {
    await body()
  } finally {
    clearInterval(timer)
  }
  peak = Math.max(peak, process.memoryUsage().rss)
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, peakMb: peak / 1024 / 1024 }
}

/** The same cells through exceljs's streaming writer, no styles, no layout: the floor to compare with. */
async function plainStreamingExport(rows: readonly (string | number | null | undefined)[][]): Promise<number> {
  let bytes = 0
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => ((bytes += chunk.length), done()) })
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: false, useSharedStrings: true })
  const sheet = workbook.addWorksheet('花名册')
  for (const values of rows) sheet.addRow(values.map((value) => value ?? null)).commit()
  sheet.commit()
  await workbook.commit()
  return bytes
}

export async function runExportBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-export-'))
  const today = new Date('2026-11-29T10:00:00+08:00')
  const ctx = createContext(join(dir, 'ledger.db'), { now: () => today, renderPdf })
  try {
    const at = today.toISOString()
    const ids: number[] = []
    ctx.db.transaction(() => {
      for (const person of makePeople(VOLUNTEERS, 21)) {
        const { person: valid } = validatePerson(person)
        if (valid) ids.push(insertVolunteer(ctx.db, valid, at))
      }
      for (let index = 0; index < WITH_HOURS / 100; index++) {
        const id = insertActivity(
          ctx.db,
          {
            name: `活动${index}`,
            taskCode: 1 + (index % 5),
            heldOn: `2026-${String(1 + (index % 11)).padStart(2, '0')}-15`,
            countyCode: null,
            place: null,
            organizer: null,
            team: null,
            departments: [],
            planItemId: null,
            defaultHours: 2,
            targetGroup: null,
            beneficiaries: 0,
            summary: null,
            highlight: false,
            highlightText: null,
            note: null,
            endedOn: null,
            leader: '张敏',
            concentrated: true,
            late: false,
            lateReason: null,
          },
          at,
        )
        replaceParticipants(
          ctx.db,
          id,
          ids
            .slice(index * 100, index * 100 + 100)
            .map((volunteerId) => ({ volunteerId, hours: 1 + (index % 4), note: null })),
          at,
        )
      }
    })()
    console.log(`seeded ${ids.length} volunteers, ${WITH_HOURS} of them with hours`)

    const ours = await measured(() => invoke(ctx, 'export.form', { form: 'roster', fullNumbers: true }))
    const cells = rosterRows(selectRosterForExport(ctx.db), personalNumbers(true))
    const floor = await measured(() => plainStreamingExport(cells))
    console.log(`表1 export, ${cells.length} rows: ${ours.seconds.toFixed(2)} s, peak RSS ${ours.peakMb.toFixed(0)} MB`)
    console.log(
      `exceljs streaming, same cells unstyled: ${floor.seconds.toFixed(2)} s, peak RSS ${floor.peakMb.toFixed(0)} MB`,
    )
    console.log(`ratio ${(ours.seconds / floor.seconds).toFixed(2)} (goal ≤ 1.3), peak RSS goal ≤ 300 MB`)

    const pdfFile = join(dir, '时长统计.pdf')
    const pdf = await measured(() => invoke(ctx, 'print.document', { report: 'hours', year: 2026, out: pdfFile }))
    const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' }))?.[1]
    console.log(
      `表4 for ${WITH_HOURS} volunteers to PDF: ${pdf.seconds.toFixed(1)} s for ${pages} pages (goal < 60 s), peak RSS of this process ${pdf.peakMb.toFixed(0)} MB`,
    )
    writeFileSync(join(dir, 'done'), '')
  } finally {
    ctx.db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
