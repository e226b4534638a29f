-- Every generated report is recorded with its figures, so that "since the last report"
-- works and a past report's numbers can be shown again as they were.
CREATE TABLE reports (
  id           INTEGER PRIMARY KEY,
  generated_at TEXT NOT NULL,
  as_of        TEXT NOT NULL,
  since        TEXT,
  directive    TEXT NOT NULL,
  format       TEXT NOT NULL,
  path         TEXT NOT NULL,
  figures      TEXT NOT NULL,  -- JSON: buckets, on-time rate, disbursement rates
  created_by   INTEGER REFERENCES users(id)
);
CREATE INDEX evidence_by_created ON evidence(created_at);
CREATE INDEX journal_by_field_at ON journal(field, at);
