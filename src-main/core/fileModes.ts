// Owner-only permissions for everything the ledger writes into its data folder: on a shared office
// PC other accounts must not read the roster, its backups or its photos (PIPL). No-ops on Windows,
// where the user's profile folder is already private.
export const OWNER_ONLY_DIR = 0o700
export const OWNER_ONLY_FILE = 0o600
