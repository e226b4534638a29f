-- `invest import` checks each row against the stored entries of the same project, date and
-- amount (no entry twice). With many entries per project and day, the (project, date) index
-- left a scan per row that grew with the file; this one answers the check in one lookup.
CREATE INDEX disbursements_by_project_date_amount ON disbursements(project_id, entry_date, amount);
