-- As SQLite's 0007: `invest import` checks each row against the stored entries of the same
-- project, date and amount; this index answers that check in one lookup.
CREATE INDEX disbursements_by_project_date_amount ON disbursements(project_id, entry_date, amount);
