-- Import batches: what came in, from which file, and what it changed, so a batch can be shown,
-- traced and undone as a whole.

CREATE TABLE import_batches (
  id         INTEGER PRIMARY KEY,
  form       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  operator   TEXT,
  files      TEXT NOT NULL,                  -- JSON array of the file names as given
  counts     TEXT NOT NULL,                  -- JSON: files, failedFiles, rows, accepted, rejected, warnings, created, updated, unchanged
  undone_at  TEXT,
  undo_report TEXT                           -- JSON: what the undo restored and what it left because of later edits
) STRICT;

CREATE TABLE import_files (
  id         INTEGER PRIMARY KEY,
  batch_id   INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  name       TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('imported', 'failed')),
  error      TEXT,
  sheet      TEXT,
  header_row INTEGER,
  mapping    TEXT,                           -- JSON: form column → column number
  counts     TEXT NOT NULL,                  -- JSON: rows, accepted, rejected, warnings, created, updated, unchanged
  -- The school's own bytes, kept only for a file with issues, to build its error workbook later.
  -- In the database rather than a folder: one file to back up and move, removed with its batch.
  source     BLOB,
  UNIQUE (batch_id, position)
) STRICT;

CREATE TABLE import_issues (
  id          INTEGER PRIMARY KEY,
  file_id     INTEGER NOT NULL REFERENCES import_files(id) ON DELETE CASCADE,
  sheet       TEXT,
  row         INTEGER,
  column_name TEXT,
  cell        TEXT,                          -- A1 address in the school's sheet
  level       TEXT NOT NULL CHECK (level IN ('error', 'warning')),
  message     TEXT NOT NULL
) STRICT;

CREATE INDEX import_issues_file ON import_issues(file_id);

-- One record per volunteer a batch created or changed. before/after hold only the fields the batch
-- changed (the whole person for a created one), so undo restores exactly those and can tell
-- whether someone edited them since. volunteer_id has no foreign key: undo may delete the row.
CREATE TABLE import_changes (
  id           INTEGER PRIMARY KEY,
  batch_id     INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
  volunteer_id INTEGER NOT NULL,
  action       TEXT NOT NULL CHECK (action IN ('created', 'updated')),
  before       TEXT,
  after        TEXT NOT NULL,
  file_id      INTEGER REFERENCES import_files(id) ON DELETE SET NULL,
  sheet        TEXT,
  row          INTEGER
) STRICT;

CREATE INDEX import_changes_batch ON import_changes(batch_id);
CREATE INDEX import_changes_volunteer ON import_changes(volunteer_id);

-- Column mappings made by hand, offered again for a file with the same header row.
CREATE TABLE import_mappings (
  form       TEXT NOT NULL,
  header_key TEXT NOT NULL,
  mapping    TEXT NOT NULL,                  -- JSON: form column → column number
  updated_at TEXT NOT NULL,
  PRIMARY KEY (form, header_key)
) STRICT;
