// Files the clerk picks or drops: whole folders are walked, only spreadsheets are kept (legacy
// .xls/.et/.csv too, so the core can tell the clerk to save them as .xlsx), and Excel's "~$" lock
// files and repeats are left out. Bytes travel to the core as they are (a Uint8Array: Electron's
// IPC clones it as binary; the E2E bridge encodes it for its own transport).

const EXTENSIONS = ['.xlsx', '.xls', '.et', '.csv']
const LEGACY = ['.xls', '.et', '.csv']

export interface ChosenFile {
  /** Path inside the picked folder, or the bare name: also the name the core reports. */
  name: string
  size: number
  legacy: boolean
  file: File
}

export interface PickedFile {
  file: File
  path: string
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot < 0 ? '' : name.slice(dot).toLowerCase()
}

function isSpreadsheet(name: string): boolean {
  const base = name.replace(/^.*\//, '')
  return EXTENSIONS.includes(extensionOf(base)) && !base.startsWith('~$') && !base.startsWith('.')
}

/** Keeps spreadsheets not chosen already; returns them and how many others were ignored. */
export function keepSpreadsheets(
  picked: readonly PickedFile[],
  chosen: readonly ChosenFile[],
): { added: ChosenFile[]; ignored: number } {
  const seen = new Set(chosen.map((item) => `${item.name}|${item.size}`))
  const added: ChosenFile[] = []
  let ignored = 0
  for (const { file, path } of picked) {
    const name = (path || file.name).replace(/^\/+/, '')
    if (!isSpreadsheet(name)) {
      ignored++
      continue
    }
    const key = `${name}|${file.size}`
    if (seen.has(key)) continue
    seen.add(key)
    added.push({ name, size: file.size, legacy: LEGACY.includes(extensionOf(name)), file })
  }
  return { added, ignored }
}

export function fromInput(files: FileList | null): PickedFile[] {
  return Array.from(files ?? [], (file) => ({ file, path: file.webkitRelativePath || file.name }))
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject))
}

async function walk(entry: FileSystemEntry, into: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject))
    into.push({ file, path: entry.fullPath.replace(/^\//, '') })
    return
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader()
  // readEntries answers in chunks (100 in Chromium) until it returns an empty list.
  for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) {
    for (const child of batch) await walk(child, into)
  }
}

/** Dropped files and folders. Entries must be taken synchronously, before the first await. */
export async function fromDrop(transfer: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(transfer.items, (item) => item.webkitGetAsEntry?.() ?? null)
  if (entries.length === 0 || entries.some((entry) => entry === null)) return fromInput(transfer.files)
  const picked: PickedFile[] = []
  for (const entry of entries) if (entry) await walk(entry, picked)
  return picked
}

export async function fileBytes(file: File): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await file.arrayBuffer())
}
