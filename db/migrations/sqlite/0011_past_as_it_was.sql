-- The past as it was (issue 15). A task or an assignment counts at an as-of date from its
-- exists_from day: the directive's date for what came with the directive (a directive typed
-- in late still held from the day it was issued, as late evidence counts from its document's
-- date), the day it was added for anything added later. Rows of the past are backfilled so.
ALTER TABLE tasks ADD COLUMN exists_from TEXT NOT NULL DEFAULT '0001-01-01';
ALTER TABLE assignments ADD COLUMN exists_from TEXT NOT NULL DEFAULT '0001-01-01';
UPDATE tasks SET exists_from = (
  SELECT min(coalesce(d.issued_on, substr(d.imported_at, 1, 10)), substr(d.imported_at, 1, 10))
  FROM directives d WHERE d.id = tasks.directive_id);
UPDATE assignments SET exists_from = (SELECT t.exists_from FROM tasks t WHERE t.id = assignments.task_id);

-- Kept states (the past's checkpoints): every assignment as it was at the end of a past day
-- (the end of a week), so that a past date is rewound from the nearest kept day after it
-- instead of from today. Written only by the store's keep_assignment_states, from the journal
-- and the assignments themselves; the journal being append-only, a kept day never changes,
-- except if the journal gains a row dated on or before it (a clock set back) or an assignment
-- that counts from on or before it is added: the triggers below then forget the kept days
-- from that day on, and they are made again when next asked for.
CREATE TABLE kept_days (
  day     TEXT PRIMARY KEY,
  kept_at TEXT NOT NULL
);
CREATE TABLE assignment_states (
  day           TEXT NOT NULL,
  assignment_id INTEGER NOT NULL,
  status        TEXT NOT NULL,
  progress      INTEGER NOT NULL,
  owner         TEXT NOT NULL,
  due           TEXT,
  completed_on  TEXT,
  review_note   TEXT NOT NULL,
  difficulties  TEXT NOT NULL,
  proposals     TEXT NOT NULL,
  PRIMARY KEY (day, assignment_id)
);
CREATE TRIGGER journal_forgets_kept_days AFTER INSERT ON journal
WHEN EXISTS (SELECT 1 FROM kept_days WHERE day >= substr(NEW.at, 1, 10))
BEGIN
  DELETE FROM assignment_states WHERE day >= substr(NEW.at, 1, 10);
  DELETE FROM kept_days WHERE day >= substr(NEW.at, 1, 10);
END;
CREATE TRIGGER assignment_forgets_kept_days AFTER INSERT ON assignments
WHEN EXISTS (SELECT 1 FROM kept_days WHERE day >= NEW.exists_from)
BEGIN
  DELETE FROM assignment_states WHERE day >= NEW.exists_from;
  DELETE FROM kept_days WHERE day >= NEW.exists_from;
END;
