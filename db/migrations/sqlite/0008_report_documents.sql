-- Reports the office signs (issue 15).
-- An agency's difficulties and proposals (khó khăn, vướng mắc; đề xuất, kiến nghị) per
-- assignment: kept current here, every change journalled (fields "difficulties", "proposals")
-- so a report at a past date shows what the agency had written by then.
ALTER TABLE assignments ADD COLUMN difficulties TEXT NOT NULL DEFAULT '';
ALTER TABLE assignments ADD COLUMN proposals TEXT NOT NULL DEFAULT '';
-- A recorded report is a document: its number, date, signer, signer's title and recipients
-- (JSON), kept so that it can be reissued exactly as it was.
ALTER TABLE reports ADD COLUMN document TEXT NOT NULL DEFAULT '{}';
-- Evidence counts from its document's date when it has one: reports read it by that date.
CREATE INDEX evidence_by_effective_date ON evidence(coalesce(doc_date, substr(created_at, 1, 10)));
