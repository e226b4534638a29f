-- Public-investment disbursement: investors, their projects with two plans, dated entries,
-- and each directive's ladder of milestones.
CREATE TABLE investors (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  search_key  TEXT NOT NULL UNIQUE,
  agency_id   INTEGER REFERENCES agencies(id),
  created_at  TEXT NOT NULL
);

CREATE TABLE projects (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  investor_id   INTEGER NOT NULL REFERENCES investors(id),
  year          INTEGER NOT NULL,
  source        TEXT NOT NULL CHECK (source IN ('domestic', 'oda', 'ntp')),
  -- the plan the Prime Minister assigned, and the province's whole plan incl. extended capital
  plan_assigned INTEGER NOT NULL CHECK (plan_assigned >= 0),
  plan_total    INTEGER NOT NULL CHECK (plan_total >= plan_assigned),
  created_at    TEXT NOT NULL
);

CREATE TABLE disbursements (
  id          INTEGER PRIMARY KEY,
  project_id  INTEGER NOT NULL REFERENCES projects(id),
  entry_date  TEXT NOT NULL,
  amount      INTEGER NOT NULL CHECK (amount > 0),
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  created_by  INTEGER REFERENCES users(id)
);
CREATE INDEX disbursements_by_project ON disbursements(project_id, entry_date);

CREATE TABLE ladder_milestones (
  directive_id INTEGER NOT NULL REFERENCES directives(id),
  due          TEXT NOT NULL,
  percent      INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
  task_ref     TEXT,
  PRIMARY KEY (directive_id, due)
);

-- Databases seeded before this step hold 07/CT-UBND without its ladder: add the
-- milestones its text sets (section 1.a), as the importer now reads them.
INSERT INTO ladder_milestones(directive_id, due, percent, task_ref)
SELECT d.id, m.due, m.percent, m.ref FROM directives d,
  (SELECT '2025-06-30' AS due, 50 AS percent, '1.a.2.1' AS ref UNION ALL
   SELECT '2025-09-30', 75, '1.a.2.2' UNION ALL
   SELECT '2025-11-30', 85, '1.a.2.3' UNION ALL
   SELECT '2025-12-31', 95, '1.a.2.4' UNION ALL
   SELECT '2026-01-31', 100, '1.a.2.5') m
WHERE d.code = '07/CT-UBND';
