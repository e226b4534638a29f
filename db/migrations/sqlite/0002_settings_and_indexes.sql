-- Settings the admin can change (issuing body, signer, backup retention …) and the
-- indexes the assignment list and history need once a province's data is in.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE INDEX assignments_by_agency ON assignments(agency_id);
CREATE INDEX assignments_by_task ON assignments(task_id);
CREATE INDEX evidence_by_assignment ON evidence(assignment_id);
CREATE INDEX journal_by_assignment ON journal(assignment_id);
CREATE INDEX tasks_by_section ON tasks(section_id);
