// Types for scripts/native-abi.mjs (plain JavaScript, so the script runs with bare node).
export function abiOfBinary(bytes: Uint8Array): number
export function abiOfFile(path: string, read?: (path: string) => Uint8Array): number
export function electronAbi(require: NodeJS.Require, version: string): { abi: number; source: string }
export function checkAbi(built: number, wanted: number, electronVersion: string): void
export function nativeTargetDir(platform: string, arch: string): string
