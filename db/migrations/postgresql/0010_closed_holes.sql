-- Holes found by attacking the server with psql as an agency and as a viewer (docs/SERVER.md,
-- "Attacks tried"); each is closed here and tested in tests/store/pg_server_attack_test.cpp.
--
-- 1. A temporary table shadowed the tracker's tables inside every SECURITY DEFINER function:
--    with `SET search_path = public` PostgreSQL still searches the session's pg_temp FIRST for
--    tables (even before pg_catalog). A user who made a temporary `users`, `journal`,
--    `dtrack_meta` or `pg_database` (and granted it to PUBLIC) could update another agency's
--    assignments, hide its changes from the journal, backdate them, or pass for the office and
--    set the administrator's password (a viewer too). Every SECURITY DEFINER function now
--    searches pg_temp last (the loop at the end), and no tracker role may make temporary
--    tables at all: the application never does.
DO $$
DECLARE g text;
BEGIN
  FOREACH g IN ARRAY ARRAY[dtrack_group('admin'), dtrack_group('agency'), dtrack_group('viewer')] LOOP
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM %I', current_database(), g);
  END LOOP;
  EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
  -- PostgreSQL 15 no longer lets PUBLIC create in schema public; a database made by an older
  -- server (or restored from one) may still. Only its owner can revoke it: try.
  BEGIN
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
  EXCEPTION WHEN insufficient_privilege THEN
    RAISE WARNING 'schema public is not this role''s to change: run REVOKE CREATE ON SCHEMA public FROM PUBLIC as its owner';
  END;
  -- Rows get their ids from their identity columns, which need no grant on the sequence: an
  -- agency calling nextval() only burnt ids.
  EXECUTE format('REVOKE USAGE ON ALL SEQUENCES IN SCHEMA public FROM %I, %I', dtrack_group('agency'), dtrack_group('viewer'));
END $$;

-- The journal's clock (as 0004): the program's where the owner allows it, else the server's.
CREATE FUNCTION dtrack_now() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT CASE WHEN EXISTS (SELECT 1 FROM public.dtrack_meta WHERE key = 'client_clock' AND value = 'on')
                   AND coalesce(current_setting('dtrack.now', true), '') <> ''
              THEN current_setting('dtrack.now', true)
              ELSE to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') END $$;
CREATE FUNCTION dtrack_today() RETURNS text LANGUAGE sql STABLE SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT substr(public.dtrack_now(), 1, 10) $$;

-- The database's owner (server init, migrate, restore): trusted to write the past as it was.
CREATE FUNCTION dtrack_is_owner() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT session_user = (SELECT pg_get_userbyid(datdba) FROM pg_catalog.pg_database WHERE datname = current_database()) $$;
CREATE FUNCTION dtrack_my_user() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT id FROM public.users WHERE name = session_user $$;
CREATE FUNCTION dtrack_is_iso_day(p text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF p IS NULL OR p !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN RETURN false; END IF;
  RETURN to_char(p::date, 'YYYY-MM-DD') = p;
EXCEPTION WHEN OTHERS THEN RETURN false;
END $$;

CREATE FUNCTION dtrack_refuse_value(p_message text) RETURNS void LANGUAGE plpgsql
SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN RAISE EXCEPTION '%', p_message USING ERRCODE = 'insufficient_privilege'; END $$;

-- 2. An agency's own assignment: what Service::update and propose allow, no more. Before, it
--    could set the version to 2147483647 (every later change, the office's too, then failed
--    "integer out of range"), backdate updated_at, mark it done without evidence, at 40 %, on
--    a day before the directive, keep a completion date on an open assignment, erase the
--    office's note without answering it, write megabytes into owner, and change a closed one.
CREATE OR REPLACE FUNCTION dtrack_assignment_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  v_issued text;
  v_reopen boolean;
BEGIN
  IF dtrack_is_admin() THEN RETURN NEW; END IF;
  -- Service::withdraw_evidence: withdrawing the last evidence of a done assignment reopens it
  -- with this note, also when an agency withdraws it.
  v_reopen := coalesce(OLD.status = 'done' AND NEW.status <> 'done'
    AND NEW.review_note LIKE 'Minh chứng cuối cùng đã bị rút: %'
    AND NOT EXISTS (SELECT 1 FROM public.evidence e WHERE e.assignment_id = NEW.id AND e.withdrawn_at IS NULL), false);
  NEW.version := OLD.version + 1;
  NEW.updated_at := dtrack_now();
  IF OLD.closed_on IS NOT NULL AND NOT v_reopen AND
     (NEW.status, NEW.progress, NEW.owner, NEW.completed_on, NEW.review_note) IS DISTINCT FROM
     (OLD.status, OLD.progress, OLD.owner, OLD.completed_on, OLD.review_note) THEN
    RAISE EXCEPTION 'assignment % was closed: it is no longer open work', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.review_note IS DISTINCT FROM OLD.review_note AND NOT v_reopen AND
     NOT (NEW.review_note IS NULL AND NEW.status = 'done') THEN
    RAISE EXCEPTION 'only the office writes a review note; an agency answers it by marking the assignment done'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF octet_length(NEW.owner) > 200 OR NEW.owner ~ '[\r\n]' THEN PERFORM dtrack_refuse_value('the owner is one line of at most 200 bytes'); END IF;
  IF octet_length(NEW.difficulties) > 65536 OR octet_length(NEW.proposals) > 65536 THEN
    PERFORM dtrack_refuse_value('difficulties and proposals are at most 64 KiB each');
  END IF;
  IF NEW.status = 'done' THEN
    IF NEW.progress <> 100 THEN PERFORM dtrack_refuse_value('a done assignment is at 100 %'); END IF;
    IF OLD.status <> 'done' AND NOT EXISTS (SELECT 1 FROM public.evidence e WHERE e.assignment_id = NEW.id AND e.withdrawn_at IS NULL) THEN
      PERFORM dtrack_refuse_value('an assignment is done only with evidence');
    END IF;
    IF NEW.completed_on IS DISTINCT FROM OLD.completed_on OR OLD.status <> 'done' THEN
      IF NOT dtrack_is_iso_day(NEW.completed_on) OR NEW.completed_on < '2000-01-01' OR NEW.completed_on > dtrack_today() THEN
        PERFORM dtrack_refuse_value('a completion date is a day from 2000-01-01 to today');
      END IF;
      SELECT d.issued_on INTO v_issued FROM public.tasks t JOIN public.directives d ON d.id = t.directive_id WHERE t.id = NEW.task_id;
      IF v_issued IS NOT NULL AND NEW.completed_on < v_issued THEN
        PERFORM dtrack_refuse_value('a completion date is not before the directive''s');
      END IF;
    END IF;
  ELSIF NEW.completed_on IS NOT NULL THEN
    PERFORM dtrack_refuse_value('only a done assignment has a completion date');
  END IF;
  RETURN NEW;
END $$;

-- 3. Evidence: who added or withdrew it and when are the database's to write (an agency named
--    the administrator and backdated its own); an agency gives no id (a chosen id made the
--    next rows' ids collide: nobody could add evidence), its file at most 20 MiB (30 MB went
--    in), with the size and SHA-256 of what it sent; never to a closed assignment.
DO $$
DECLARE agency_g text := dtrack_group('agency');
BEGIN
  EXECUTE format('REVOKE INSERT ON evidence, extension_requests FROM %I', agency_g);
  EXECUTE format('GRANT INSERT (assignment_id, note, doc_ref, doc_date, file_name, file_size, file_sha256, file_data, '
                 'created_at, created_by) ON evidence TO %I', agency_g);
  EXECUTE format('GRANT INSERT (assignment_id, requested_due, reason, status, requested_by, requested_at) '
                 'ON extension_requests TO %I', agency_g);
END $$;

CREATE FUNCTION dtrack_evidence_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF dtrack_is_owner() THEN RETURN NEW; END IF;
  IF TG_OP = 'INSERT' THEN
    NEW.created_at := dtrack_now();
    NEW.created_by := dtrack_my_user();
    NEW.withdrawn_at := NULL; NEW.withdrawn_by := NULL; NEW.withdrawal_reason := NULL;
    IF dtrack_is_admin() THEN RETURN NEW; END IF;
    IF EXISTS (SELECT 1 FROM public.assignments a WHERE a.id = NEW.assignment_id AND a.closed_on IS NOT NULL) THEN
      RAISE EXCEPTION 'assignment % is closed', NEW.assignment_id USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF btrim(NEW.note) = '' OR octet_length(NEW.note) > 65536 THEN PERFORM dtrack_refuse_value('a note of 1 byte to 64 KiB'); END IF;
    IF octet_length(NEW.doc_ref) > 500 OR NEW.doc_ref ~ '[\r\n]' THEN PERFORM dtrack_refuse_value('a document reference is one line of at most 500 bytes'); END IF;
    IF NEW.doc_date IS NOT NULL AND NOT dtrack_is_iso_day(NEW.doc_date) THEN PERFORM dtrack_refuse_value('a document date is a day'); END IF;
    IF NEW.file_data IS NULL THEN
      IF (NEW.file_name, NEW.file_size, NEW.file_sha256) IS DISTINCT FROM (NULL, NULL, NULL) THEN
        PERFORM dtrack_refuse_value('a file name, size or checksum without a file');
      END IF;
    ELSE
      IF octet_length(NEW.file_data) > 20 * 1024 * 1024 THEN PERFORM dtrack_refuse_value('an attachment is at most 20 MiB'); END IF;
      IF NEW.file_name IS NULL OR NEW.file_name = '' OR NEW.file_name ~ '[/\\\r\n]' OR octet_length(NEW.file_name) > 255 THEN
        PERFORM dtrack_refuse_value('an attachment''s name is a file name, not a path');
      END IF;
      NEW.file_size := octet_length(NEW.file_data);
      NEW.file_sha256 := encode(sha256(NEW.file_data), 'hex');
    END IF;
  ELSIF NEW.withdrawn_at IS NULL THEN
    IF (NEW.withdrawn_by, NEW.withdrawal_reason) IS DISTINCT FROM (OLD.withdrawn_by, OLD.withdrawal_reason) THEN
      RAISE EXCEPTION 'a withdrawal needs its time' USING ERRCODE = 'insufficient_privilege';
    END IF;
  ELSIF OLD.withdrawn_at IS NULL THEN
    NEW.withdrawn_at := dtrack_now();
    NEW.withdrawn_by := dtrack_my_user();
    IF NEW.withdrawal_reason IS NULL OR btrim(NEW.withdrawal_reason) = '' OR octet_length(NEW.withdrawal_reason) > 2000 THEN
      PERFORM dtrack_refuse_value('a withdrawal has a reason of at most 2000 bytes');
    END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER evidence_guard BEFORE INSERT OR UPDATE ON evidence FOR EACH ROW EXECUTE FUNCTION dtrack_evidence_guard();

-- 4. Extension requests: an agency wrote any text as the new date, named another requester,
--    backdated it and put a decision note in it ("approved by the chairman"). Now, as
--    Service::request_extension: a real day after the current deadline, on an assignment that
--    has one and is not done, under its own name and the database's time.
CREATE FUNCTION dtrack_extension_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE a record;
BEGIN
  IF dtrack_is_owner() THEN RETURN NEW; END IF;
  NEW.requested_at := dtrack_now();
  NEW.requested_by := dtrack_my_user();
  IF dtrack_is_admin() THEN RETURN NEW; END IF;
  SELECT due, status, closed_on INTO a FROM public.assignments WHERE id = NEW.assignment_id;
  IF a.due IS NULL OR a.status = 'done' OR a.closed_on IS NOT NULL THEN
    PERFORM dtrack_refuse_value('only an open assignment with a deadline can be extended');
  END IF;
  IF NOT dtrack_is_iso_day(NEW.requested_due) OR NEW.requested_due <= a.due THEN
    PERFORM dtrack_refuse_value('the requested deadline is a day after the current one');
  END IF;
  IF btrim(NEW.reason) = '' OR octet_length(NEW.reason) > 2000 THEN PERFORM dtrack_refuse_value('a reason of at most 2000 bytes'); END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER extension_requests_guard BEFORE INSERT ON extension_requests FOR EACH ROW
  EXECUTE FUNCTION dtrack_extension_guard();

-- 5. The journal names the PostgreSQL user who wrote a row, at the database's time: an
--    administrator's connection could insert rows naming an agency user, or dated last year.
--    The owner copies a file's journal as it was (migrate, restore) and is left alone.
CREATE FUNCTION dtrack_journal_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF NOT dtrack_is_owner() THEN
    NEW.user_name := session_user;
    NEW.user_id := dtrack_my_user();
    NEW.at := dtrack_now();
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER journal_guard BEFORE INSERT ON journal FOR EACH ROW EXECUTE FUNCTION dtrack_journal_guard();

-- 6. Kept states: a viewer (read-write transaction of its own) or an agency could keep any day,
--    1900-01-07 included, each a copy of every assignment: thousands of days filled the disk.
--    As Service::rewind asks for them: a Sunday before today, not before the first assignment
--    counted (a week's margin); viewers not at all (their reads rewind from today).
ALTER FUNCTION dtrack_keep_states(text) RENAME TO dtrack_keep_states_unchecked;
DO $$ BEGIN
  EXECUTE format('REVOKE ALL ON FUNCTION dtrack_keep_states_unchecked(text) FROM PUBLIC, %I, %I, %I',
                 dtrack_group('admin'), dtrack_group('agency'), dtrack_group('viewer'));
END $$;
CREATE FUNCTION dtrack_keep_states(p_day text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF NOT dtrack_is_admin() THEN
    IF dtrack_my_agency() IS NULL THEN
      RAISE EXCEPTION 'a viewer keeps no states' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT dtrack_is_iso_day(p_day) OR extract(isodow FROM p_day::date) <> 7 OR p_day >= dtrack_today()
       OR p_day::date < (SELECT min(exists_from) FROM public.assignments)::date - 7 THEN
      RAISE EXCEPTION 'not a day whose states are kept: %', p_day USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  PERFORM dtrack_keep_states_unchecked(p_day);
END $$;
REVOKE ALL ON FUNCTION dtrack_keep_states(text) FROM PUBLIC;
DO $$ BEGIN
  EXECUTE format('GRANT EXECUTE ON FUNCTION dtrack_keep_states(text) TO %I, %I',
                 dtrack_group('admin'), dtrack_group('agency'));
END $$;

-- 7. A tracker administrator could take over logins that are not the tracker's: `user add`
--    adopted any plain login role of the cluster without a group (so that one the DBA made
--    beforehand becomes a tracker user) and set its password, also another application's role
--    that owns a database or holds grants there; and the group roles counted as tracker logins
--    (each is a member of itself), so `<db>_admin` could be made a login with a password and no
--    user row behind it. Now only a role that owns nothing and was granted nothing anywhere in
--    the cluster (pg_shdepend) is adopted, and a group role is never a login.
CREATE OR REPLACE FUNCTION dtrack_tracker_login(p_name text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public, pg_temp AS $$
  SELECT EXISTS (SELECT FROM pg_roles r WHERE r.rolname = p_name AND NOT r.rolsuper
    AND p_name NOT IN (dtrack_group('admin'), dtrack_group('agency'), dtrack_group('viewer'))
    AND (pg_has_role(p_name, dtrack_group('admin'), 'MEMBER') OR pg_has_role(p_name, dtrack_group('agency'), 'MEMBER')
         OR pg_has_role(p_name, dtrack_group('viewer'), 'MEMBER'))) $$;

-- 8. One agency's login opened every free connection (max_connections, 100 by default, less
--    the superusers' few): nobody else, not even the database's owner, could connect. Each
--    tracker login now has a connection limit (ample for a PC's application and a psql; the
--    owner raises it with ALTER ROLE … CONNECTION LIMIT), which a user cannot change itself.
--    Same function as 0009, plus the limit.
CREATE OR REPLACE FUNCTION dtrack_create_login(p_name text, p_verifier text, p_kind text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
BEGIN
  IF NOT dtrack_is_admin() THEN
    RAISE EXCEPTION 'only an administrator adds users' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_kind NOT IN ('admin', 'agency', 'viewer') THEN RAISE EXCEPTION 'unknown role %', p_kind; END IF;
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = p_name) THEN
    IF NOT dtrack_tracker_login(p_name) AND
       NOT EXISTS (SELECT FROM pg_roles WHERE rolname = p_name AND rolcanlogin AND NOT rolsuper AND NOT rolcreaterole
                   AND NOT EXISTS (SELECT FROM pg_auth_members m WHERE m.member = pg_roles.oid)
                   AND NOT EXISTS (SELECT FROM pg_shdepend d WHERE d.refclassid = 'pg_authid'::regclass
                                   AND d.refobjid = pg_roles.oid)) THEN
      RAISE EXCEPTION 'a PostgreSQL role named % already exists and is not a tracker user', p_name
        USING ERRCODE = 'duplicate_object';
    END IF;
    EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', p_name, p_verifier);
  ELSE
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_name, p_verifier);
  END IF;
  EXECUTE format('GRANT %I TO %I', dtrack_group(p_kind), p_name);
  EXECUTE format('ALTER ROLE %I CONNECTION LIMIT 10', p_name);
  IF p_kind = 'viewer' THEN
    EXECUTE format('ALTER ROLE %I SET default_transaction_read_only = on', p_name);
  END IF;
END $$;

DO $$
DECLARE r text;
BEGIN
  FOR r IN SELECT DISTINCT m.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
           WHERE g.rolname IN (dtrack_group('admin'), dtrack_group('agency'), dtrack_group('viewer'))
             AND m.rolcanlogin AND NOT m.rolsuper AND m.rolconnlimit = -1 LOOP
    EXECUTE format('ALTER ROLE %I CONNECTION LIMIT 10', r);
  END LOOP;
END $$;

-- Every SECURITY DEFINER function searches pg_temp last (point 1).
DO $$
DECLARE f regprocedure;
BEGIN
  FOR f IN SELECT p.oid FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.prosecdef LOOP
    EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, public, pg_temp', f);
  END LOOP;
END $$;
