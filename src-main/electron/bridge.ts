// The names shared by the preload and the main process: one invoke channel, one progress channel.
export const INVOKE_CHANNEL = 'ledger:invoke'
export const PROGRESS_CHANNEL = 'ledger:progress'
export const PRINT_CHANNEL = 'ledger:print'
