// Types for scripts/dist.mjs (plain JavaScript, so the script runs with bare node).
export const ELECTRON_BUILDER: string
export interface Build {
  platform: string
  arch: string
}
export const TARGETS: Record<'win' | 'linux', { builds: Build[]; builderArgs: string[] }>
export function chooseTarget(argument: string | undefined, platform?: string): 'win' | 'linux'
export function electronZipUrl(
  version: string,
  platform: string,
  arch: string,
  env?: Readonly<Record<string, string | undefined>>,
): string
export function electronMissingMessage(
  version: string,
  platform: string,
  arch: string,
  url: string,
  reason: string,
): string
export function distSteps(
  target: 'win' | 'linux',
  builder: string[],
): { what: string; command: string; args: string[] }[]
