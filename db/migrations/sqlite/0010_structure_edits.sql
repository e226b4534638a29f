-- The structure the office corrects after an import (issue 13, items 7 and 8): tasks and
-- assignments that had work on them are closed with a reason instead of deleted, and the later
-- documents (công văn, quyết định, thông báo kết luận) that change a directive are recorded.

-- A closed task or assignment stays, with its history, but is no longer open work: it leaves
-- the lists, counts and reports from the day it was closed (closed_on, a date).
ALTER TABLE tasks ADD COLUMN closed_on TEXT;
ALTER TABLE tasks ADD COLUMN closed_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE assignments ADD COLUMN closed_on TEXT;
ALTER TABLE assignments ADD COLUMN closed_reason TEXT NOT NULL DEFAULT '';

-- An amendment: a later document recorded against a directive, which a deadline change, an
-- added or an ended task cites (the journal names it).
CREATE TABLE amendments (
  id           INTEGER PRIMARY KEY,
  directive_id INTEGER NOT NULL REFERENCES directives(id),
  number       TEXT NOT NULL,
  issued_on    TEXT,
  kind         TEXT NOT NULL DEFAULT '',
  summary      TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  created_by   INTEGER REFERENCES users(id)
);
CREATE INDEX amendments_by_directive ON amendments(directive_id);

-- What the office once recorded stays as recorded.
CREATE TRIGGER amendments_no_delete BEFORE DELETE ON amendments
BEGIN SELECT RAISE(ABORT, 'an amendment is never deleted'); END;
