-- Records as the national rules ask (《志愿服务记录与证明出具办法（试行）》): who led an activity, its
-- last day, whether it is concentrated service, late entries (补录) with their reason, and a log of
-- every change to a participant's hours. (Numbered 005 on this branch; the certificates migration
-- may take 005 first, in which case this file becomes 006 unchanged.)

ALTER TABLE activities ADD COLUMN leader TEXT;                 -- 活动负责人
ALTER TABLE activities ADD COLUMN ended_on TEXT;               -- YYYY-MM-DD, null for a one-day activity
-- 集中服务: counts toward "全年不少于12次，原则上每月至少一次". Activities recorded so far counted
-- toward the rule, so they keep counting; new ones take the core's default (the team's own ones).
ALTER TABLE activities ADD COLUMN concentrated INTEGER NOT NULL DEFAULT 1 CHECK (concentrated IN (0, 1));
ALTER TABLE activities ADD COLUMN late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1));  -- 补录
ALTER TABLE activities ADD COLUMN late_reason TEXT;            -- 补录原因

CREATE INDEX activities_late ON activities(late) WHERE late = 1;

-- SQLite cannot alter a CHECK: participations is rebuilt (in this migration's one transaction) to drop
-- "hours <= 24", which is now 24 per day of the activity and checked by the core, and to record when a
-- participant was entered and why late. Rows are copied as they are.
CREATE TABLE participations_rebuilt (
  activity_id  INTEGER NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  volunteer_id INTEGER NOT NULL REFERENCES volunteers(id),
  hours        REAL NOT NULL CHECK (hours > 0),
  note         TEXT,
  batch_id     INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
  entered_at   TEXT,                                            -- null for rows entered before this version
  late         INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
  late_reason  TEXT,
  PRIMARY KEY (activity_id, volunteer_id)
) STRICT, WITHOUT ROWID;

INSERT INTO participations_rebuilt (activity_id, volunteer_id, hours, note, batch_id)
  SELECT activity_id, volunteer_id, hours, note, batch_id FROM participations;
DROP TABLE participations;
ALTER TABLE participations_rebuilt RENAME TO participations;
CREATE INDEX participations_volunteer ON participations(volunteer_id, activity_id);
CREATE INDEX participations_late ON participations(late) WHERE late = 1;

-- Every change of a participant's hours (办法 Art. 13): before, after, why, who and when. No foreign
-- keys: the log outlives a deleted activity, and names are kept so it still reads.
CREATE TABLE hours_changes (
  id            INTEGER PRIMARY KEY,
  activity_id   INTEGER NOT NULL,
  volunteer_id  INTEGER NOT NULL,
  activity_name TEXT NOT NULL,
  held_on       TEXT NOT NULL,
  before        REAL,                                           -- null: the participant was added
  after         REAL,                                           -- null: the participant was removed
  reason        TEXT NOT NULL,
  operator      TEXT,
  at            TEXT NOT NULL
) STRICT;

CREATE INDEX hours_changes_volunteer ON hours_changes(volunteer_id, at);
