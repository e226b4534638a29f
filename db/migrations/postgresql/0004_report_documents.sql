-- As SQLite's 0008 (reports the office signs): an agency's difficulties and proposals per
-- assignment, a recorded report's document, evidence read by its document's date.
ALTER TABLE assignments ADD COLUMN difficulties text NOT NULL DEFAULT '';
ALTER TABLE assignments ADD COLUMN proposals text NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN document text NOT NULL DEFAULT '{}';
CREATE INDEX evidence_by_effective_date ON evidence((coalesce(doc_date, substr(created_at, 1, 10))));

-- An agency writes its own assignments' difficulties and proposals (row-level security already
-- limits it to its own rows); the office's table-wide grant covers the new columns.
DO $$ BEGIN
  EXECUTE format('GRANT UPDATE (difficulties, proposals) ON assignments TO %I', dtrack_group('agency'));
END $$;

-- The journal's time: the server's clock, unless the database's owner has let the clients'
-- clock stand (dtrack_meta client_clock = on: the test suite, which replays dated changes).
-- A client cannot backdate its changes on a database where the owner has not done so.
CREATE OR REPLACE FUNCTION dtrack_journal_row(p_entity text, p_entity_id bigint, p_assignment bigint, p_field text,
                                              p_old text, p_new text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO journal(at, user_id, user_name, entity, entity_id, assignment_id, field, old_value, new_value)
  VALUES (CASE WHEN EXISTS (SELECT 1 FROM dtrack_meta WHERE key = 'client_clock' AND value = 'on')
                    AND coalesce(current_setting('dtrack.now', true), '') <> ''
               THEN current_setting('dtrack.now', true)
               ELSE to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') END,
          (SELECT id FROM users WHERE name = session_user), session_user, p_entity, p_entity_id, p_assignment,
          p_field, p_old, p_new) $$;
REVOKE ALL ON FUNCTION dtrack_journal_row(text, bigint, bigint, text, text, text) FROM PUBLIC;

CREATE OR REPLACE FUNCTION dtrack_assignment_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public AS $$
BEGIN
  IF NEW.status IS DISTINCT FROM OLD.status THEN
    PERFORM dtrack_journal_row('assignment', NEW.id, NEW.id, 'status', OLD.status, NEW.status); END IF;
  IF NEW.progress IS DISTINCT FROM OLD.progress THEN
    PERFORM dtrack_journal_row('assignment', NEW.id, NEW.id, 'progress', OLD.progress::text, NEW.progress::text); END IF;
  IF NEW.owner IS DISTINCT FROM OLD.owner THEN
    PERFORM dtrack_journal_row('assignment', NEW.id, NEW.id, 'owner', OLD.owner, NEW.owner); END IF;
  IF NEW.due IS DISTINCT FROM OLD.due THEN
    PERFORM dtrack_journal_row('assignment', NEW.id, NEW.id, 'due', OLD.due, NEW.due); END IF;
  IF NEW.completed_on IS DISTINCT FROM OLD.completed_on THEN
    PERFORM dtrack_journal_row('assignment', NEW.id, NEW.id, 'completed_on', OLD.completed_on, NEW.completed_on); END IF;
  IF NEW.review_note IS DISTINCT FROM OLD.review_note THEN
    PERFORM dtrack_journal_row('assignment', NEW.id, NEW.id, 'review', OLD.review_note, NEW.review_note); END IF;
  IF NEW.difficulties IS DISTINCT FROM OLD.difficulties THEN
    PERFORM dtrack_journal_row('assignment', NEW.id, NEW.id, 'difficulties', nullif(OLD.difficulties, ''),
                               nullif(NEW.difficulties, '')); END IF;
  IF NEW.proposals IS DISTINCT FROM OLD.proposals THEN
    PERFORM dtrack_journal_row('assignment', NEW.id, NEW.id, 'proposals', nullif(OLD.proposals, ''),
                               nullif(NEW.proposals, '')); END IF;
  RETURN NULL;
END $$;
