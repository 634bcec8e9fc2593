-- The annual checklist (表2), the activities held (表3) and who served in them.

CREATE TABLE plan_items (
  id            INTEGER PRIMARY KEY,
  year          INTEGER NOT NULL,
  seq           INTEGER NOT NULL,                 -- 序号 within the year's checklist
  task_code     INTEGER NOT NULL REFERENCES tasks(code),
  name          TEXT NOT NULL,
  content       TEXT,
  target_group  TEXT,
  planned_text  TEXT NOT NULL DEFAULT '',         -- the time as the bureau wrote it
  planned_start TEXT,                             -- YYYY-MM-DD, null when not checkable
  planned_end   TEXT,
  place         TEXT,
  contact       TEXT,
  phone         TEXT,
  note          TEXT,
  batch_id      INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  UNIQUE (year, seq)
) STRICT;

CREATE INDEX plan_items_year ON plan_items(year, task_code);

CREATE TABLE plan_item_departments (
  item_id       INTEGER NOT NULL REFERENCES plan_items(id) ON DELETE CASCADE,
  department_id INTEGER NOT NULL REFERENCES departments(id),
  PRIMARY KEY (item_id, department_id)
) STRICT;

CREATE INDEX plan_item_departments_department ON plan_item_departments(department_id);

CREATE TABLE activities (
  id             INTEGER PRIMARY KEY,
  name           TEXT NOT NULL,
  task_code      INTEGER REFERENCES tasks(code),
  held_on        TEXT NOT NULL,                   -- YYYY-MM-DD
  county_code    TEXT REFERENCES counties(code),
  place          TEXT,
  organizer      TEXT,
  team           TEXT,
  plan_item_id   INTEGER REFERENCES plan_items(id) ON DELETE SET NULL,
  default_hours  REAL NOT NULL DEFAULT 0,
  target_group   TEXT,
  beneficiaries  INTEGER NOT NULL DEFAULT 0,
  summary        TEXT,
  highlight      INTEGER NOT NULL DEFAULT 0,
  highlight_text TEXT,
  note           TEXT,
  -- Kept in step with participations on every write, so the dashboard never scans a million rows.
  volunteer_count INTEGER NOT NULL DEFAULT 0,
  hours_total     REAL NOT NULL DEFAULT 0,
  batch_id       INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  UNIQUE (name, held_on)
) STRICT;

CREATE INDEX activities_held_on ON activities(held_on);
CREATE INDEX activities_plan_item ON activities(plan_item_id);
CREATE INDEX activities_team ON activities(team, held_on);

CREATE TABLE activity_departments (
  activity_id   INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  department_id INTEGER NOT NULL REFERENCES departments(id),
  PRIMARY KEY (activity_id, department_id)
) STRICT;

CREATE INDEX activity_departments_department ON activity_departments(department_id);

CREATE TABLE participations (
  activity_id  INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
  hours        REAL NOT NULL CHECK (hours > 0 AND hours <= 24),
  note         TEXT,
  batch_id     INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
  PRIMARY KEY (activity_id, volunteer_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX participations_volunteer ON participations(volunteer_id, activity_id);

CREATE TABLE activity_photos (
  id            INTEGER PRIMARY KEY,
  activity_id   INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  file          TEXT NOT NULL,                    -- photos/<sha256>.<ext> in the data folder; same bytes, same file
  original_name TEXT NOT NULL,
  bytes         INTEGER NOT NULL,
  thumb         BLOB,                             -- a small JPEG made by the renderer, kept in the database
  added_at      TEXT NOT NULL
) STRICT;

CREATE INDEX activity_photos_activity ON activity_photos(activity_id);
