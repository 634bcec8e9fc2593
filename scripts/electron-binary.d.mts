// Types for scripts/electron-binary.mjs (plain JavaScript, so the script runs with bare node).
export type ElectronBinaryState =
  { version: string; installed: true; executable: string } | { version: string; installed: false; reason: string }
export function electronBinaryState(packageDir: string): ElectronBinaryState
export function notDownloadedMessage(version: string, reason: string): string
