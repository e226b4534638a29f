-- As SQLite's 0011 (the past as it was, issue 15). A task or an assignment counts at an as-of
-- date from its exists_from day: the directive's date for what came with the directive, the
-- day it was added for anything added later. Nobody changes it once written: the office's
-- table-wide UPDATE grant is narrowed by the guard below, agencies never had it.
ALTER TABLE tasks ADD COLUMN exists_from text NOT NULL DEFAULT '0001-01-01';
ALTER TABLE assignments ADD COLUMN exists_from text NOT NULL DEFAULT '0001-01-01';
UPDATE tasks SET exists_from = (
  SELECT LEAST(coalesce(d.issued_on, substr(d.imported_at, 1, 10)), substr(d.imported_at, 1, 10))
  FROM directives d WHERE d.id = tasks.directive_id);
UPDATE assignments SET exists_from = (SELECT t.exists_from FROM tasks t WHERE t.id = assignments.task_id);

CREATE FUNCTION dtrack_exists_from_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.exists_from IS DISTINCT FROM OLD.exists_from THEN
    RAISE EXCEPTION 'the day a row counts from is not changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER tasks_exists_from BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION dtrack_exists_from_kept();
CREATE TRIGGER assignments_exists_from BEFORE UPDATE ON assignments FOR EACH ROW EXECUTE FUNCTION dtrack_exists_from_kept();

-- Kept states (as SQLite's 0011): every assignment as it was at the end of a past day, so that
-- a past date is rewound from the nearest kept day after it instead of from today. Nobody
-- writes these tables directly: dtrack_keep_states computes a day's states from the journal
-- and the assignments themselves (SECURITY DEFINER), so no user can put a false past in them;
-- everyone reads them as everyone reads the journal. A viewer's read-only transaction cannot
-- keep a day: its reads rewind from today instead, to the same result.
CREATE TABLE kept_days (
  day     text PRIMARY KEY,
  kept_at text NOT NULL
);
CREATE TABLE assignment_states (
  day           text NOT NULL,
  assignment_id bigint NOT NULL,
  status        text NOT NULL,
  progress      integer NOT NULL,
  owner         text NOT NULL,
  due           text,
  completed_on  text,
  review_note   text NOT NULL,
  difficulties  text NOT NULL,
  proposals     text NOT NULL,
  PRIMARY KEY (day, assignment_id)
);

-- The states at the end of p_day: the nearest later kept day's (or today's rows), with the
-- first change of each field made after p_day (up to that kept day) undone, as
-- Service::rewind does. (Extensions are counted from the journal at each read: they are few.)
CREATE FUNCTION dtrack_keep_states(p_day text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public AS $$
DECLARE
  v_next text;
  v_base text;
  v_bound text;
BEGIN
  IF p_day IS NULL OR p_day !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
    RAISE EXCEPTION 'not a day: %', p_day USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF EXISTS (SELECT 1 FROM kept_days WHERE day = p_day) THEN RETURN; END IF;
  v_next := to_char(p_day::date + 1, 'YYYY-MM-DD');
  SELECT min(day) INTO v_base FROM kept_days WHERE day > p_day;
  v_bound := CASE WHEN v_base IS NULL THEN '9999-12-31' ELSE to_char(v_base::date + 1, 'YYYY-MM-DD') END;
  INSERT INTO assignment_states(day, assignment_id, status, progress, owner, due, completed_on, review_note,
                                difficulties, proposals)
  WITH firsts AS (
    SELECT DISTINCT ON (assignment_id, field) assignment_id, field, old_value FROM journal
    WHERE field IN ('status', 'progress', 'owner', 'due', 'completed_on', 'review', 'difficulties', 'proposals')
      AND at >= v_next AND at < v_bound AND entity = 'assignment' AND assignment_id IS NOT NULL
    ORDER BY assignment_id, field, id),
  undo AS (
    SELECT assignment_id,
           max(old_value) FILTER (WHERE field = 'status') AS status,
           bool_or(field = 'progress') AS has_progress, max(old_value) FILTER (WHERE field = 'progress') AS progress,
           bool_or(field = 'owner') AS has_owner, max(old_value) FILTER (WHERE field = 'owner') AS owner,
           bool_or(field = 'due') AS has_due, max(old_value) FILTER (WHERE field = 'due') AS due,
           bool_or(field = 'completed_on') AS has_completed, max(old_value) FILTER (WHERE field = 'completed_on') AS completed_on,
           bool_or(field = 'review') AS has_review, max(old_value) FILTER (WHERE field = 'review') AS review,
           bool_or(field = 'difficulties') AS has_difficulties,
           max(old_value) FILTER (WHERE field = 'difficulties') AS difficulties,
           bool_or(field = 'proposals') AS has_proposals, max(old_value) FILTER (WHERE field = 'proposals') AS proposals
    FROM firsts GROUP BY assignment_id),
  base AS (
    SELECT a.id, a.status, a.progress, a.owner, a.due, a.completed_on, coalesce(a.review_note, '') AS review_note,
           a.difficulties, a.proposals
    FROM assignments a WHERE v_base IS NULL
    UNION ALL
    SELECT s.assignment_id, s.status, s.progress, s.owner, s.due, s.completed_on, s.review_note, s.difficulties,
           s.proposals
    FROM assignment_states s WHERE v_base IS NOT NULL AND s.day = v_base)
  SELECT p_day, b.id,
         CASE WHEN u.status IN ('not_started', 'in_progress', 'done', 'blocked') THEN u.status ELSE b.status END,
         CASE WHEN u.has_progress AND u.progress IS NOT NULL THEN GREATEST(0, LEAST(100, u.progress::integer))
              ELSE b.progress END,
         CASE WHEN u.has_owner THEN coalesce(u.owner, '') ELSE b.owner END,
         CASE WHEN u.has_due THEN u.due ELSE b.due END,
         CASE WHEN u.has_completed THEN u.completed_on ELSE b.completed_on END,
         CASE WHEN u.has_review THEN coalesce(u.review, '') ELSE b.review_note END,
         CASE WHEN u.has_difficulties THEN coalesce(u.difficulties, '') ELSE b.difficulties END,
         CASE WHEN u.has_proposals THEN coalesce(u.proposals, '') ELSE b.proposals END
  FROM base b LEFT JOIN undo u ON u.assignment_id = b.id;
  INSERT INTO kept_days VALUES (p_day, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'));
END $$;
REVOKE ALL ON FUNCTION dtrack_keep_states(text) FROM PUBLIC;

-- A journal row dated on or before a kept day (a clock set back), or an assignment that counts
-- from on or before it, makes that day's states and every later one's stale: forgotten.
CREATE FUNCTION dtrack_forget_kept_days() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public AS $$
DECLARE v_day text;
BEGIN
  IF TG_TABLE_NAME = 'journal' THEN
    v_day := substr(NEW.at, 1, 10);
  ELSE
    v_day := NEW.exists_from;
  END IF;
  IF EXISTS (SELECT 1 FROM kept_days WHERE day >= v_day) THEN
    DELETE FROM assignment_states WHERE day >= v_day;
    DELETE FROM kept_days WHERE day >= v_day;
  END IF;
  RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION dtrack_forget_kept_days() FROM PUBLIC;
CREATE TRIGGER journal_forgets_kept_days AFTER INSERT ON journal FOR EACH ROW EXECUTE FUNCTION dtrack_forget_kept_days();
CREATE TRIGGER assignment_forgets_kept_days AFTER INSERT ON assignments FOR EACH ROW
EXECUTE FUNCTION dtrack_forget_kept_days();

DO $$ BEGIN
  EXECUTE format('GRANT SELECT ON kept_days, assignment_states TO %I, %I, %I',
                 dtrack_group('admin'), dtrack_group('agency'), dtrack_group('viewer'));
  EXECUTE format('GRANT EXECUTE ON FUNCTION dtrack_keep_states(text) TO %I, %I, %I',
                 dtrack_group('admin'), dtrack_group('agency'), dtrack_group('viewer'));
END $$;
