// The readers the import is measured against, each reading every sheet of the same files and
// touching every row's values: exceljs's streaming reader (what the import used before), SheetJS
// (read + sheet_to_json) and, where Python has it, openpyxl in read-only mode. Each runs in a child
// process of its own, so its peak RSS is its own.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import * as XLSX from 'xlsx'
import { ROSTER_FORM } from '../../src-main/core/forms/roster'
import { readWorkbook } from '../../src-main/core/xlsx/readWorkbook'

/** Values only; styles are cached because exceljs needs them to tell dates from numbers. */
const EXCELJS_OPTIONS = {
  sharedStrings: 'cache',
  styles: 'cache',
  hyperlinks: 'ignore',
  worksheets: 'emit',
  entries: 'ignore',
} as const

function bytesStream(bytes: Buffer): Readable {
  return Readable.from(
    (function* chunks() {
      for (let offset = 0; offset < bytes.length; offset += 1 << 16) yield bytes.subarray(offset, offset + (1 << 16))
    })(),
  )
}

/**
 * This process's peak RSS in MB. VmHWM belongs to the address space, which exec replaces; getrusage's
 * maxrss does not reset on exec, so a child would report its parent's size at fork when that was larger.
 */
export function peakRssMb(): number {
  if (existsSync('/proc/self/status')) {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (match) return Number(match[1]) / 1024
  }
  return process.resourceUsage().maxRSS / 1024
}

export async function exceljsStream(files: readonly string[]): Promise<number> {
  let rows = 0
  for (const file of files) {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(bytesStream(readFileSync(file)), EXCELJS_OPTIONS)
    for await (const sheet of reader) {
      for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>)
        if ((row.values as unknown[]).length > 0) rows++
    }
  }
  return rows
}

/** The project's own reader alone (no checks, no database): what the import pays for reading. */
export async function projectReader(files: readonly string[]): Promise<number> {
  let rows = 0
  for (const file of files) {
    for (const found of (await readWorkbook(file, readFileSync(file), ROSTER_FORM.sheets)).values())
      rows += found.rows.length
  }
  return rows
}

export function sheetjs(files: readonly string[]): number {
  let rows = 0
  for (const file of files) {
    const workbook = XLSX.read(readFileSync(file), { type: 'buffer' })
    for (const name of workbook.SheetNames)
      rows += XLSX.utils.sheet_to_json(workbook.Sheets[name] as XLSX.WorkSheet, { header: 1 }).length
  }
  return rows
}

const OPENPYXL_SCRIPT = `
import json, re, resource, sys, time
import openpyxl
started = time.perf_counter(); cpu = time.process_time(); rows = 0
for path in sys.argv[1:]:
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            rows += 1
    book.close()
try:
    peak = int(re.search(r"^VmHWM:\\s+(\\d+) kB", open("/proc/self/status").read(), re.M).group(1)) / 1024
except (OSError, AttributeError):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": time.perf_counter() - started, "cpuSeconds": time.process_time() - cpu, "rows": rows, "peakRssMb": peak}))
`

/** The Python that has openpyxl (pyenv's python3 may not; Debian's python3-openpyxl is in /usr/bin), or null. */
export function openpyxlPython(): string | null {
  for (const python of ['python3', '/usr/bin/python3']) {
    if (spawnSync(python, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0) return python
  }
  return null
}

export function openpyxlArgs(files: readonly string[]): string[] {
  return ['-c', OPENPYXL_SCRIPT, ...files]
}
