-- Reference data, settings, the roster and the audit trail.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE departments (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  aliases    TEXT NOT NULL DEFAULT '',      -- 、-separated short forms (安全办, 基础教科, …)
  head       TEXT,
  phone      TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE tasks (
  code        INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE task_departments (
  task_code     INTEGER NOT NULL REFERENCES tasks(code) ON DELETE CASCADE,
  department_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
  PRIMARY KEY (task_code, department_id)
) STRICT;

CREATE TABLE counties (
  code        TEXT PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  short_names TEXT NOT NULL DEFAULT '',
  sort_order  INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Controlled lists: ethnic, political, education, category. Categories are extendable by the clerk.
CREATE TABLE vocabulary (
  kind       TEXT NOT NULL,
  value      TEXT NOT NULL,
  sort_order INTEGER NOT NULL DEFAULT 0,
  builtin    INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (kind, value)
) STRICT;

CREATE TABLE teams (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  parent_id  INTEGER REFERENCES teams(id) ON DELETE SET NULL,
  kind       TEXT NOT NULL DEFAULT '本系统',
  note       TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE leading_group (
  id         INTEGER PRIMARY KEY,
  role       TEXT NOT NULL CHECK (role IN ('组长', '副组长', '成员')),
  name       TEXT NOT NULL,
  post       TEXT,
  phone      TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE units (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  county_code TEXT REFERENCES counties(code),
  kind        TEXT,
  note        TEXT
) STRICT;

CREATE TABLE volunteers (
  id            INTEGER PRIMARY KEY,
  id_number     TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  gender        TEXT NOT NULL CHECK (gender IN ('男', '女')),
  ethnic        TEXT,
  birth         TEXT NOT NULL,               -- YYYY.MM
  political     TEXT,
  education     TEXT,
  unit          TEXT,
  post          TEXT,
  county_code   TEXT REFERENCES counties(code),
  phone         TEXT,
  category      TEXT,
  speciality    TEXT,
  team          TEXT,
  note          TEXT,
  name_pinyin   TEXT NOT NULL,               -- full pinyin without tones or spaces, for sorting
  search_text   TEXT NOT NULL,               -- lower-cased haystack: name, pinyin, initials, id, phone, unit
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT
) STRICT;

CREATE INDEX volunteers_live_pinyin ON volunteers(deleted_at, name_pinyin, id);
CREATE INDEX volunteers_county ON volunteers(county_code) WHERE deleted_at IS NULL;
CREATE INDEX volunteers_unit ON volunteers(unit) WHERE deleted_at IS NULL;

CREATE TABLE audit (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  operator  TEXT,
  action    TEXT NOT NULL,                   -- create, update, delete, restore, import, undo-import, …
  entity    TEXT NOT NULL,
  entity_id INTEGER,
  summary   TEXT NOT NULL DEFAULT '',
  before    TEXT,                            -- JSON, ID and phone numbers masked
  after     TEXT
) STRICT;

CREATE INDEX audit_entity ON audit(entity, entity_id);

-- Bumped by triggers on every change to the roster, by any connection (the app, the CLI), so the
-- in-memory search index knows when to rebuild without rescanning the table.
CREATE TABLE change_counters (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT;

INSERT INTO change_counters (name, value) VALUES ('volunteers', 0);

CREATE TRIGGER volunteers_counted_insert AFTER INSERT ON volunteers
BEGIN UPDATE change_counters SET value = value + 1 WHERE name = 'volunteers'; END;
CREATE TRIGGER volunteers_counted_update AFTER UPDATE ON volunteers
BEGIN UPDATE change_counters SET value = value + 1 WHERE name = 'volunteers'; END;
CREATE TRIGGER volunteers_counted_delete AFTER DELETE ON volunteers
BEGIN UPDATE change_counters SET value = value + 1 WHERE name = 'volunteers'; END;
