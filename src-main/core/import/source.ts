// Turns what the host passed (a path from the CLI, bytes from the UI) into bytes, within limits.
import { readFileSync, statSync } from 'node:fs'
import { ReadFileError, tooLarge, type ReadLimits } from '../xlsx/readGuard'
import type { ImportSource } from './types'

export function sourceBytes(source: ImportSource, limits: ReadLimits): Buffer {
  if (source.data) {
    if (source.data.byteLength > limits.maxBytes)
      throw new ReadFileError(tooLarge(source.data.byteLength, limits.maxBytes))
    return Buffer.from(source.data.buffer, source.data.byteOffset, source.data.byteLength)
  }
  if (!source.path) throw new ReadFileError('没有提供文件内容')
  let size: number
  try {
    const stat = statSync(source.path)
    if (!stat.isFile()) throw new ReadFileError(`不是文件：${source.name}`)
    size = stat.size
  } catch (error) {
    if (error instanceof ReadFileError) throw error
    throw new ReadFileError(`找不到或无法打开文件：${source.name}`)
  }
  if (size > limits.maxBytes) throw new ReadFileError(tooLarge(size, limits.maxBytes))
  return readFileSync(source.path)
}

/** Column number → letters: 1 → A, 28 → AB. */
export function columnLetters(column: number): string {
  let letters = ''
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters
  return letters
}
