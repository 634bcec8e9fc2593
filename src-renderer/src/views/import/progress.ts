// Turns the core's progress events into what the clerk reads: one overall bar for the batch and a
// line for the file in hand. The core reports per file while reading ('读取', done = files so far),
// per row while checking a big file ('校验' with a file), then once for the whole batch.
import type { ProgressEvent } from '../../api'
import { formatCount as number } from '../../format'

export interface ImportProgress {
  /** 0–100, never going back. */
  percent: number
  /** 准备 (reading the files here), 读取, 校验, 比对, 写入. */
  phase: string
  fileIndex: number
  fileCount: number
  file: string
  detail: string
  /**
   * False while a file streams in and its length is not known yet (an .xlsx names no row count the
   * reader can trust before the end): the bar then moves as an indeterminate one, never a frozen 0%.
   */
  measured: boolean
}

export function startProgress(fileCount: number): ImportProgress {
  return { percent: 0, phase: '准备', fileIndex: 0, fileCount, file: '', detail: '正在读取所选文件', measured: true }
}

/** Reading and checking the files is 95% of the bar; comparing with the roster the rest. */
export function advance(progress: ImportProgress, event: ProgressEvent): ImportProgress {
  const next = { ...progress, measured: true }
  if (event.phase === '写入') {
    Object.assign(next, { phase: '写入', file: '', detail: '正在写入台账（写入前已自动备份数据库）' })
    next.percent = event.total > 0 ? Math.round((event.done / event.total) * 100) : 0
    return next
  }
  let fraction = 0
  if (event.phase === '读取' && event.file) {
    // While a file streams, the core counts the rows read so far; their total comes with the check.
    const streaming = event.message !== undefined
    Object.assign(next, {
      phase: '读取',
      fileIndex: event.done,
      fileCount: event.total,
      file: event.file,
      measured: !streaming,
      detail: streaming ? `${event.message}（总行数读完才知道）` : '正在读取',
    })
  } else if (event.phase === '校验' && event.file) {
    fraction = event.total > 0 ? event.done / event.total : 0
    Object.assign(next, {
      phase: '校验',
      file: event.file,
      detail: `已检查 ${number(event.done)} / ${number(event.total)} 行`,
    })
  } else {
    // The batch as a whole: every file read; now each row is matched against the roster.
    Object.assign(next, {
      phase: '比对',
      fileIndex: next.fileCount,
      file: '',
      detail: '正在与花名册比对，找出新增和更新的人员',
    })
    fraction = 0
  }
  const files = Math.max(next.fileCount, 1)
  const share = Math.min(1, (next.fileIndex + fraction) / files)
  const percent = next.phase === '比对' ? 96 + (event.total > 0 && event.done >= event.total ? 3 : 0) : share * 95
  next.percent = Math.max(progress.percent, Math.min(99, Math.round(percent)))
  return next
}

/** Before the core has the files: the renderer reads them from disk. */
export function preparing(progress: ImportProgress, done: number, file: string): ImportProgress {
  return {
    ...progress,
    phase: '准备',
    file,
    detail: `正在读取本机文件 ${done + 1} / ${progress.fileCount}`,
    fileIndex: done,
  }
}
