-- The register of 志愿服务证明 (FORMS.md): every certificate issued, with a snapshot of what it
-- certified. 证明编号 is sequential per year (临教志证〔2026〕第0001号) and never reused: the counter
-- only moves forward, a certificate is voided (with a reason) but never deleted or renumbered.

CREATE TABLE certificate_counters (
  year     INTEGER PRIMARY KEY,
  last_seq INTEGER NOT NULL CHECK (last_seq > 0)
) STRICT;

CREATE TABLE certificates (
  id             INTEGER PRIMARY KEY,
  year           INTEGER NOT NULL,
  seq            INTEGER NOT NULL,
  number         TEXT NOT NULL UNIQUE,
  volunteer_id   INTEGER NOT NULL REFERENCES volunteers(id),
  volunteer_name TEXT NOT NULL,
  period_from    TEXT NOT NULL,                  -- YYYY-MM-DD
  period_to      TEXT NOT NULL,
  activities     INTEGER NOT NULL,
  hours          REAL NOT NULL,
  snapshot       TEXT NOT NULL,                  -- JSON: volunteer, service lines, issuer, as printed
  issued_on      TEXT NOT NULL,                  -- YYYY-MM-DD, the clerk's local day
  issued_at      TEXT NOT NULL,
  operator       TEXT,
  voided_at      TEXT,
  void_reason    TEXT,
  UNIQUE (year, seq),
  CHECK ((voided_at IS NULL) = (void_reason IS NULL))
) STRICT;

CREATE INDEX certificates_volunteer ON certificates(volunteer_id);
CREATE INDEX certificates_issued ON certificates(issued_on);

CREATE TRIGGER certificates_never_deleted BEFORE DELETE ON certificates
BEGIN SELECT RAISE(ABORT, '志愿服务证明登记不可删除，只能作废'); END;

CREATE TRIGGER certificates_never_rewritten BEFORE UPDATE OF year, seq, number, volunteer_id, snapshot, issued_on ON certificates
BEGIN SELECT RAISE(ABORT, '已出具的志愿服务证明不可修改，只能作废后重新出具'); END;
