-- What a 表2 or 表3 batch created or changed, so it can be undone as a whole. (表1 keeps its own,
-- field-level records in import_changes.) before holds the record as it was for an update.

CREATE TABLE import_records (
  id           INTEGER PRIMARY KEY,
  batch_id     INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
  entity       TEXT NOT NULL CHECK (entity IN ('plan_item', 'activity', 'participation')),
  entity_id    INTEGER NOT NULL,             -- plan_items.id or activities.id
  volunteer_id INTEGER,                      -- with entity_id, the key of a participation
  action       TEXT NOT NULL CHECK (action IN ('created', 'updated')),
  before       TEXT
) STRICT;

CREATE INDEX import_records_batch ON import_records(batch_id);
