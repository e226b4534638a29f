-- Directives, their outline, agencies and groups, assignments, evidence, journal, users.
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'agency', 'viewer')),
  agency_id     INTEGER REFERENCES agencies(id),
  password_hash TEXT NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1,
  created_at    TEXT NOT NULL,
  CHECK ((role = 'agency') = (agency_id IS NOT NULL))
);

CREATE TABLE agencies (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  short_name  TEXT NOT NULL DEFAULT '',
  kind        TEXT NOT NULL,
  is_group    INTEGER NOT NULL DEFAULT 0,
  active      INTEGER NOT NULL DEFAULT 1,
  search_key  TEXT NOT NULL
);

-- Other spellings of an agency (and its former names after a rename), folded.
CREATE TABLE agency_aliases (
  agency_id   INTEGER NOT NULL REFERENCES agencies(id),
  alias       TEXT NOT NULL,
  PRIMARY KEY (agency_id, alias)
);

CREATE TABLE group_members (
  group_id    INTEGER NOT NULL REFERENCES agencies(id),
  member_id   INTEGER NOT NULL REFERENCES agencies(id),
  PRIMARY KEY (group_id, member_id)
);

CREATE TABLE directives (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  issued_on   TEXT,
  issuer      TEXT NOT NULL DEFAULT '',
  signer      TEXT NOT NULL DEFAULT '',
  title       TEXT NOT NULL DEFAULT '',
  body        TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by INTEGER REFERENCES users(id)
);

CREATE TABLE sections (
  id           INTEGER PRIMARY KEY,
  directive_id INTEGER NOT NULL REFERENCES directives(id),
  label        TEXT NOT NULL,
  title        TEXT NOT NULL,
  position     INTEGER NOT NULL,
  UNIQUE (directive_id, label)
);

CREATE TABLE tasks (
  id           INTEGER PRIMARY KEY,
  directive_id INTEGER NOT NULL REFERENCES directives(id),
  section_id   INTEGER NOT NULL REFERENCES sections(id),
  ref          TEXT NOT NULL,
  parent_ref   TEXT,
  title        TEXT NOT NULL,
  text         TEXT NOT NULL,
  deadline     TEXT,
  recurrence   TEXT NOT NULL DEFAULT '',
  position     INTEGER NOT NULL,
  search_key   TEXT NOT NULL,
  UNIQUE (directive_id, ref)
);

CREATE TABLE assignments (
  id           INTEGER PRIMARY KEY,
  task_id      INTEGER NOT NULL REFERENCES tasks(id),
  agency_id    INTEGER NOT NULL REFERENCES agencies(id),
  role         TEXT NOT NULL CHECK (role IN ('lead', 'coordinate')),
  via_group_id INTEGER REFERENCES agencies(id),
  status       TEXT NOT NULL DEFAULT 'not_started'
               CHECK (status IN ('not_started', 'in_progress', 'done', 'blocked')),
  progress     INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  owner        TEXT NOT NULL DEFAULT '',
  due          TEXT,
  completed_on TEXT,
  version      INTEGER NOT NULL DEFAULT 1,
  updated_at   TEXT NOT NULL,
  UNIQUE (task_id, agency_id)
);

CREATE TABLE evidence (
  id            INTEGER PRIMARY KEY,
  assignment_id INTEGER NOT NULL REFERENCES assignments(id),
  note          TEXT NOT NULL,
  doc_ref       TEXT NOT NULL DEFAULT '',
  doc_date      TEXT,
  file_name     TEXT,
  file_size     INTEGER,
  file_sha256   TEXT,
  file_data     BLOB,
  created_at    TEXT NOT NULL,
  created_by    INTEGER REFERENCES users(id)
);

-- Append-only: who changed what, when, old → new. user_name is kept so names survive.
CREATE TABLE journal (
  id            INTEGER PRIMARY KEY,
  at            TEXT NOT NULL,
  user_id       INTEGER REFERENCES users(id),
  user_name     TEXT NOT NULL,
  entity        TEXT NOT NULL,
  entity_id     INTEGER NOT NULL,
  assignment_id INTEGER REFERENCES assignments(id),
  field         TEXT NOT NULL,
  old_value     TEXT,
  new_value     TEXT
);

CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
