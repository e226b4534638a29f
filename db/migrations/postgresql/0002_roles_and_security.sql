-- The database enforces the roles (issue 12): three group roles per tracker database, grants
-- per table and column, row-level security, and journal rows written by triggers whichever way
-- a row changes, under the PostgreSQL user who made the change (session_user).
--
-- Journal rule (store/pg_store.h): on PostgreSQL the triggers below write the journal rows of
-- assignment field changes (status, progress, owner, due, completed_on, review), of evidence
-- added or withdrawn and of extension requests; PgStore::append_journal drops the service's
-- copies of exactly those rows, and inserts every other one (admin only).
--
-- Group roles are named <database>_admin, _agency, _viewer (several trackers can share a cluster);
-- the prefix is kept in dtrack_meta so that a copy of the database (CREATE DATABASE … TEMPLATE)
-- keeps using the roles its grants name. Running this needs CREATEROLE (server init).
INSERT INTO dtrack_meta VALUES ('role_prefix', current_database());

CREATE FUNCTION dtrack_group(kind text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT value || '_' || kind FROM dtrack_meta WHERE key = 'role_prefix' $$;

DO $$
DECLARE
  g text;
  admin_g text := dtrack_group('admin');
  agency_g text := dtrack_group('agency');
  viewer_g text := dtrack_group('viewer');
  t text;
BEGIN
  FOREACH g IN ARRAY ARRAY[admin_g, agency_g, viewer_g] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = g) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', g);
    END IF;
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), g);
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', g);
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA public TO %I', g);
  END LOOP;
  EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
  -- A viewer only reads: also on a read replica, where nothing else is possible.
  EXECUTE format('ALTER ROLE %I SET default_transaction_read_only = on', viewer_g);

  -- The office: adds and changes everything but the journal's and the evidence's past.
  FOREACH t IN ARRAY ARRAY['agencies', 'agency_aliases', 'group_members', 'directives', 'sections', 'tasks',
      'assignments', 'settings', 'investors', 'projects', 'disbursements', 'ladder_milestones', 'reports',
      'extension_requests'] LOOP
    EXECUTE format('GRANT INSERT, UPDATE ON %I TO %I', t, admin_g);
  END LOOP;
  EXECUTE format('GRANT DELETE ON ladder_milestones TO %I', admin_g);
  EXECUTE format('GRANT INSERT ON journal, evidence, users TO %I', admin_g);
  EXECUTE format('GRANT UPDATE (withdrawn_at, withdrawn_by, withdrawal_reason) ON evidence TO %I', admin_g);
  EXECUTE format('GRANT UPDATE (active, failed_logins, locked_until) ON users TO %I', admin_g);

  -- An agency: its own assignments' progress fields (never the deadline), evidence and
  -- extension requests for them; nothing else.
  EXECUTE format('GRANT UPDATE (status, progress, owner, completed_on, version, updated_at, review_note) '
                 'ON assignments TO %I', agency_g);
  EXECUTE format('GRANT INSERT ON evidence, extension_requests TO %I', agency_g);
  EXECUTE format('GRANT UPDATE (withdrawn_at, withdrawn_by, withdrawal_reason) ON evidence TO %I', agency_g);
  EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO %I, %I', admin_g, agency_g);
END $$;

-- The agency of the signed-in PostgreSQL user (none for the office and viewers).
CREATE FUNCTION dtrack_my_agency() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT agency_id FROM users WHERE name = session_user AND active = 1 $$;
CREATE FUNCTION dtrack_is_admin() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT pg_has_role(session_user, dtrack_group('admin'), 'MEMBER')
      OR session_user = (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()) $$;

ALTER TABLE assignments ENABLE ROW LEVEL SECURITY;
ALTER TABLE evidence ENABLE ROW LEVEL SECURITY;
ALTER TABLE extension_requests ENABLE ROW LEVEL SECURITY;
DO $$
DECLARE
  admin_g text := dtrack_group('admin');
  agency_g text := dtrack_group('agency');
  viewer_g text := dtrack_group('viewer');
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['assignments', 'evidence', 'extension_requests'] LOOP
    EXECUTE format('CREATE POLICY office ON %I TO %I USING (true) WITH CHECK (true)', t, admin_g);
    EXECUTE format('CREATE POLICY reading ON %I FOR SELECT TO %I, %I USING (true)', t, agency_g, viewer_g);
  END LOOP;
  EXECUTE format('CREATE POLICY own_agency ON assignments FOR UPDATE TO %I '
                 'USING (agency_id = dtrack_my_agency()) WITH CHECK (agency_id = dtrack_my_agency())', agency_g);
  EXECUTE format('CREATE POLICY own_agency ON evidence FOR INSERT TO %I WITH CHECK (assignment_id IN '
                 '(SELECT id FROM assignments WHERE agency_id = dtrack_my_agency()) AND withdrawn_at IS NULL)', agency_g);
  EXECUTE format('CREATE POLICY own_withdrawal ON evidence FOR UPDATE TO %I USING (assignment_id IN '
                 '(SELECT id FROM assignments WHERE agency_id = dtrack_my_agency()))', agency_g);
  EXECUTE format('CREATE POLICY own_agency ON extension_requests FOR INSERT TO %I WITH CHECK (status = ''pending'' '
                 'AND decided_by IS NULL AND decided_at IS NULL AND assignment_id IN '
                 '(SELECT id FROM assignments WHERE agency_id = dtrack_my_agency()))', agency_g);
END $$;

-- Journal rows written by the database. SECURITY DEFINER: the journal takes no INSERT from agencies.
CREATE FUNCTION dtrack_journal_row(p_entity text, p_entity_id bigint, p_assignment bigint, p_field text,
                                   p_old text, p_new text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO journal(at, user_id, user_name, entity, entity_id, assignment_id, field, old_value, new_value)
  VALUES (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
          (SELECT id FROM users WHERE name = session_user), session_user, p_entity, p_entity_id, p_assignment,
          p_field, p_old, p_new) $$;
REVOKE ALL ON FUNCTION dtrack_journal_row(text, bigint, bigint, text, text, text) FROM PUBLIC;

CREATE FUNCTION dtrack_assignment_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
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
  RETURN NULL;
END $$;
CREATE TRIGGER assignments_journal AFTER UPDATE ON assignments FOR EACH ROW EXECUTE FUNCTION dtrack_assignment_changed();

-- Only the office writes the office's note on a returned completion; an agency may only clear
-- it (by marking the assignment done again), and versions only count up.
CREATE FUNCTION dtrack_assignment_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NOT dtrack_is_admin() THEN
    IF NEW.review_note IS NOT NULL AND NEW.review_note IS DISTINCT FROM OLD.review_note THEN
      RAISE EXCEPTION 'only the office writes a review note' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.version <= OLD.version THEN NEW.version := OLD.version + 1; END IF;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER assignments_guard BEFORE UPDATE ON assignments FOR EACH ROW EXECUTE FUNCTION dtrack_assignment_guard();

CREATE FUNCTION dtrack_evidence_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE shown text := CASE WHEN NEW.doc_ref = '' THEN NEW.note ELSE NEW.doc_ref || ': ' || NEW.note END;
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM dtrack_journal_row('evidence', NEW.id, NEW.assignment_id, 'evidence', NULL,
                               shown || coalesce(' [' || NEW.file_name || ']', ''));
  ELSIF NEW.withdrawn_at IS NOT NULL AND OLD.withdrawn_at IS NULL THEN
    PERFORM dtrack_journal_row('evidence', NEW.id, NEW.assignment_id, 'evidence_withdrawn', shown, NEW.withdrawal_reason);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER evidence_journal AFTER INSERT OR UPDATE ON evidence FOR EACH ROW EXECUTE FUNCTION dtrack_evidence_changed();

CREATE FUNCTION dtrack_extension_requested() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  PERFORM dtrack_journal_row('extension', NEW.id, NEW.assignment_id, 'extension', NULL,
                             'pending ' || NEW.requested_due || ': ' || NEW.reason);
  RETURN NULL;
END $$;
CREATE TRIGGER extension_requests_journal AFTER INSERT ON extension_requests FOR EACH ROW
  EXECUTE FUNCTION dtrack_extension_requested();

-- Users are login roles. These run as the database owner (who may create roles) for the
-- office only; the password arrives as a SCRAM verifier computed by the client (libpq's
-- PQencryptPasswordConn), never as text.
CREATE FUNCTION dtrack_tracker_login(p_name text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT FROM pg_roles r WHERE r.rolname = p_name AND NOT r.rolsuper AND
    (pg_has_role(p_name, dtrack_group('admin'), 'MEMBER') OR pg_has_role(p_name, dtrack_group('agency'), 'MEMBER')
     OR pg_has_role(p_name, dtrack_group('viewer'), 'MEMBER'))) $$;

CREATE FUNCTION dtrack_create_login(p_name text, p_verifier text, p_kind text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NOT dtrack_is_admin() THEN
    RAISE EXCEPTION 'only an administrator adds users' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_kind NOT IN ('admin', 'agency', 'viewer') THEN RAISE EXCEPTION 'unknown role %', p_kind; END IF;
  IF EXISTS (SELECT FROM pg_roles WHERE rolname = p_name) THEN
    IF NOT dtrack_tracker_login(p_name) AND
       NOT EXISTS (SELECT FROM pg_roles WHERE rolname = p_name AND rolcanlogin AND NOT rolsuper AND NOT rolcreaterole
                   AND NOT EXISTS (SELECT FROM pg_auth_members m WHERE m.member = pg_roles.oid)) THEN
      RAISE EXCEPTION 'a PostgreSQL role named % already exists and is not a tracker user', p_name
        USING ERRCODE = 'duplicate_object';
    END IF;
    EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', p_name, p_verifier);
  ELSE
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L', p_name, p_verifier);
  END IF;
  EXECUTE format('GRANT %I TO %I', dtrack_group(p_kind), p_name);
END $$;

CREATE FUNCTION dtrack_set_password(p_name text, p_verifier text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF NOT dtrack_tracker_login(p_name) OR (NOT dtrack_is_admin() AND p_name <> session_user) THEN
    RAISE EXCEPTION 'only an administrator changes another user''s password' USING ERRCODE = 'insufficient_privilege';
  END IF;
  EXECUTE format('ALTER ROLE %I PASSWORD %L', p_name, p_verifier);
END $$;

-- NOLOGIN and the user's open sessions ended (pg_terminate_backend needs the owner to hold
-- pg_signal_backend, docs/SERVER.md; without it the sessions end at their next connection).
CREATE FUNCTION dtrack_set_login(p_name text, p_login boolean) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE ended integer := 0; pid integer;
BEGIN
  IF NOT dtrack_is_admin() OR NOT dtrack_tracker_login(p_name) THEN
    RAISE EXCEPTION 'only an administrator activates or deactivates users' USING ERRCODE = 'insufficient_privilege';
  END IF;
  EXECUTE format('ALTER ROLE %I %s', p_name, CASE WHEN p_login THEN 'LOGIN' ELSE 'NOLOGIN' END);
  IF NOT p_login THEN
    FOR pid IN SELECT a.pid FROM pg_stat_activity a WHERE a.usename = p_name AND a.pid <> pg_backend_pid() LOOP
      BEGIN
        IF pg_terminate_backend(pid) THEN ended := ended + 1; END IF;
      EXCEPTION WHEN insufficient_privilege THEN NULL;
      END;
    END LOOP;
  END IF;
  RETURN ended;
END $$;

DO $$
DECLARE f text;
BEGIN
  FOREACH f IN ARRAY ARRAY['dtrack_create_login(text, text, text)', 'dtrack_set_login(text, boolean)'] LOOP
    EXECUTE format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', f);
    EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I', f, dtrack_group('admin'));
  END LOOP;
  EXECUTE format('REVOKE ALL ON FUNCTION dtrack_set_password(text, text) FROM PUBLIC');
  EXECUTE format('GRANT EXECUTE ON FUNCTION dtrack_set_password(text, text) TO %I, %I, %I',
                 dtrack_group('admin'), dtrack_group('agency'), dtrack_group('viewer'));
END $$;
