-- 培训 and 表彰 (《志愿服务记录与证明出具办法（试行）》 Art. 8–9): training a volunteer took part in
-- and awards granted to them. Kept apart from activities and participations: 学时 are never service
-- hours and never count toward star levels. import_batch_id marks what an import created, so undo
-- removes exactly that (a row added by hand later has no batch).

CREATE TABLE trainings (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL,                       -- 培训名称
  content         TEXT,                                -- 培训内容
  hours           REAL NOT NULL CHECK (hours > 0 AND hours <= 200), -- 学时, one decimal
  organizer       TEXT,                                -- 组织单位
  started_on      TEXT NOT NULL,                       -- 培训日期 (first day), YYYY-MM-DD
  ended_on        TEXT CHECK (ended_on IS NULL OR ended_on >= started_on),
  note            TEXT,
  import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX trainings_started ON trainings(started_on);

CREATE TABLE training_participants (
  training_id     INTEGER NOT NULL REFERENCES trainings(id) ON DELETE CASCADE,
  volunteer_id    INTEGER NOT NULL REFERENCES volunteers(id),
  import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
  PRIMARY KEY (training_id, volunteer_id)
) STRICT;

CREATE INDEX training_participants_volunteer ON training_participants(volunteer_id);

CREATE TABLE awards (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL,                       -- 表彰名称
  awarded_on      TEXT NOT NULL,                       -- 表彰日期
  granted_by      TEXT NOT NULL,                       -- 授予单位
  level           TEXT CHECK (level IS NULL OR level IN ('国家级', '省级', '州级', '县级', '校级')),
  note            TEXT,
  import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;

CREATE INDEX awards_awarded ON awards(awarded_on);

CREATE TABLE award_recipients (
  award_id        INTEGER NOT NULL REFERENCES awards(id) ON DELETE CASCADE,
  volunteer_id    INTEGER NOT NULL REFERENCES volunteers(id),
  import_batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
  PRIMARY KEY (award_id, volunteer_id)
) STRICT;

CREATE INDEX award_recipients_volunteer ON award_recipients(volunteer_id);
