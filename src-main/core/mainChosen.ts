// The places the renderer may not name but an operation needs: the main process asks the clerk with
// a native dialog and hands the answer to the core beside the renderer's input (never inside it).
// Plain data, no zod, so the main process can read it without loading the core.
export interface MainChosenField {
  field: string
  kind: 'folder'
  title: string
  /** Said when the clerk closes the dialog without choosing. */
  cancelled: string
}

export const MAIN_CHOSEN: Readonly<Record<string, MainChosenField>> = {
  'settings.moveData': {
    field: 'folder',
    kind: 'folder',
    title: '选择新的数据文件夹',
    cancelled: '没有选择文件夹，数据未迁移',
  },
  // Answered by the start-up gate (core/db/startup.ts) while the ledger cannot be opened.
  'startup.useFolder': {
    field: 'folder',
    kind: 'folder',
    title: '选择其他数据文件夹（已有台账的文件夹，或空文件夹以新建台账）',
    cancelled: '没有选择文件夹，仍使用原来的数据位置',
  },
}
