-- A viewer's sessions are read-only (issue 12). 0002 set default_transaction_read_only on the
-- viewer group role, but PostgreSQL applies only the login role's own settings (and the
-- database's), never a group's: a viewer's session was not read-only. The setting now goes on
-- each viewer's login role, when it is made and, here, on those that exist. (A session may
-- still SET it off for itself: the grants, SELECT only, are what keep a viewer from writing.)
CREATE OR REPLACE FUNCTION dtrack_create_login(p_name text, p_verifier text, p_kind text) RETURNS void
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
  IF p_kind = 'viewer' THEN
    EXECUTE format('ALTER ROLE %I SET default_transaction_read_only = on', p_name);
  END IF;
END $$;

DO $$
DECLARE r text;
BEGIN
  FOR r IN SELECT m.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
           WHERE g.rolname = dtrack_group('viewer') AND m.rolcanlogin LOOP
    EXECUTE format('ALTER ROLE %I SET default_transaction_read_only = on', r);
  END LOOP;
END $$;
