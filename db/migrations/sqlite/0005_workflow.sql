-- Many people, one database: extensions of deadlines, the office sending a 'done' back,
-- evidence withdrawn (never edited or deleted), and a slow-down after failed sign-ins.

-- The deadline as first assigned survives every extension, so reports can show both.
ALTER TABLE assignments ADD COLUMN original_due TEXT;
ALTER TABLE assignments ADD COLUMN review_note TEXT;  -- why the office sent a 'done' back
UPDATE assignments SET original_due = due;

CREATE TABLE extension_requests (
  id            INTEGER PRIMARY KEY,
  assignment_id INTEGER NOT NULL REFERENCES assignments(id),
  requested_due TEXT NOT NULL,
  reason        TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused')),
  requested_by  INTEGER REFERENCES users(id),
  requested_at  TEXT NOT NULL,
  decided_by    INTEGER REFERENCES users(id),
  decided_at    TEXT,
  decision_note TEXT
);
-- Counting approved extensions per assignment runs inside every assignment query.
CREATE INDEX extension_requests_by_assignment ON extension_requests(assignment_id, status);
-- The service checks this too; the index keeps two racing requests from both landing.
CREATE UNIQUE INDEX extension_requests_one_pending ON extension_requests(assignment_id) WHERE status = 'pending';

ALTER TABLE evidence ADD COLUMN withdrawn_at TEXT;
ALTER TABLE evidence ADD COLUMN withdrawn_by INTEGER REFERENCES users(id);
ALTER TABLE evidence ADD COLUMN withdrawal_reason TEXT;

-- Evidence is what an agency showed the office: it may be withdrawn, with a reason, but
-- what was shown stays as it was, even for someone with a SQL shell.
CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence
BEGIN SELECT RAISE(ABORT, 'evidence is never deleted: withdraw it instead'); END;
CREATE TRIGGER evidence_content_fixed BEFORE UPDATE ON evidence
WHEN NEW.assignment_id IS NOT OLD.assignment_id OR NEW.note IS NOT OLD.note OR NEW.doc_ref IS NOT OLD.doc_ref
  OR NEW.doc_date IS NOT OLD.doc_date OR NEW.file_name IS NOT OLD.file_name OR NEW.file_size IS NOT OLD.file_size
  OR NEW.file_sha256 IS NOT OLD.file_sha256 OR NEW.file_data IS NOT OLD.file_data
  OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
BEGIN SELECT RAISE(ABORT, 'evidence is never edited: withdraw it and add a new one'); END;
-- A withdrawal is final: un-withdrawing would hide that the evidence was once refused.
CREATE TRIGGER evidence_withdrawal_final BEFORE UPDATE ON evidence
WHEN OLD.withdrawn_at IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a withdrawal of evidence is final'); END;

ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN locked_until TEXT;
