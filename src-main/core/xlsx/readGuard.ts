// What one file may cost, and the checks that refuse a file before any parsing starts. A school's
// return is untrusted input: it may be a legacy format, a CSV, half a download, or a zip bomb.
import { listZipEntries, ZipFormatError, type ZipEntry } from './readZip'

export interface ReadLimits {
  /** Bytes of the file itself. */
  maxBytes: number
  /** Declared uncompressed size of all parts together (zip bombs declare or exceed this). */
  maxUncompressed: number
  /** Rows of one sheet. */
  maxRows: number
  /** Columns read per row; cells further right are ignored. */
  maxColumns: number
  /** Merged ranges in one sheet. */
  maxMerges: number
  /** Wall-clock budget for reading one file. */
  maxMillis: number
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxUncompressed: 600 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 64,
  maxMerges: 50_000,
  maxMillis: 180_000,
}

/** A problem with a whole file; the message is for the clerk, in Chinese, and says what to do. */
export class ReadFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ReadFileError'
  }
}

export const MESSAGES = {
  legacy:
    '这是旧版 .xls / WPS .et 格式（或加了密码的工作簿），不能直接导入：请用 Excel 或 WPS 打开，另存为 .xlsx（不设密码）后再导入',
  csv: '.csv 文件不能导入：请用 Excel 或 WPS 打开，另存为 .xlsx 后再导入',
  damaged:
    '文件已损坏或不是有效的 .xlsx 文件（可能未完整下载或传输中断）：请让学校重新发送，或用 Excel/WPS 打开后另存为 .xlsx',
  empty: '文件是空的（0 字节）：请让学校重新发送',
  noHeader:
    '找不到表头：前 20 行中没有一行含有本表的列名（如“姓名”“身份证号码”）；请确认这是本表的文件，或使用本表的模板重新填写',
} as const

export function tooLarge(bytes: number, limit: number): string {
  const mb = (value: number) => (value / 1024 / 1024).toFixed(1)
  return `文件过大（${mb(bytes)} MB，上限 ${mb(limit)} MB）：请删除多余的工作表、图片后另存，或把名单拆成几个文件分别导入`
}

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase()
}

/** Refuses what is not a readable .xlsx and returns the zip's entries for the reader. */
export function checkWorkbookBytes(name: string, bytes: Buffer, limits: ReadLimits): ZipEntry[] {
  if (bytes.length === 0) throw new ReadFileError(MESSAGES.empty)
  if (bytes.length > limits.maxBytes) throw new ReadFileError(tooLarge(bytes.length, limits.maxBytes))
  if (bytes.subarray(0, 8).equals(OLE_SIGNATURE)) throw new ReadFileError(MESSAGES.legacy)
  const isZip = bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50
  if (!isZip && extensionOf(name) === 'csv') throw new ReadFileError(MESSAGES.csv)
  if (!isZip && ['xls', 'et'].includes(extensionOf(name))) throw new ReadFileError(MESSAGES.legacy)
  let entries: ZipEntry[]
  try {
    entries = listZipEntries(bytes)
  } catch (error) {
    if (error instanceof ZipFormatError) throw new ReadFileError(MESSAGES.damaged)
    throw error
  }
  const declared = entries.reduce((sum, entry) => sum + entry.size, 0)
  if (declared > limits.maxUncompressed) {
    throw new ReadFileError(tooLarge(declared, limits.maxUncompressed).replace('文件过大', '文件解压后过大'))
  }
  return entries
}
