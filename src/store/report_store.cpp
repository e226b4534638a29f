// What reports read in bulk, and the record of generated reports.
#include "store/faults.h"
#include "store/impl.h"

namespace dt::store {

namespace {
// Timestamps are UTC "YYYY-MM-DDTHH:MM:SSZ": a day's end is the next day's start.
std::string day_after(Date d) { return d.plus_days(1).iso(); }
}  // namespace

// Evidence counts from its document's date when it has one, else from the day it was entered:
// a document dated in April but entered in December counts for April.
constexpr const char* kEffectiveDate = "coalesce(doc_date, substr(created_at, 1, 10))";

std::map<Id, EvidenceRecord> SqliteStore::latest_evidence(Date until) const {
    // Evidence withdrawn by then no longer shows what an agency did: it is never the latest.
    // Withdrawn later, it still was at `until`. Latest: by effective date, then by entry.
    SQLite::Statement q(impl_->db, std::string(kEvidenceSelect) + " WHERE e.id IN (SELECT id FROM (SELECT id, "
                                       "row_number() OVER (PARTITION BY assignment_id ORDER BY " + kEffectiveDate +
                                       " DESC, id DESC) AS n FROM evidence WHERE " + kEffectiveDate + " <= ?1 "
                                       "AND (withdrawn_at IS NULL OR withdrawn_at >= ?2)) WHERE n = 1)");
    q.bind(1, until.iso());
    q.bind(2, day_after(until));
    std::map<Id, EvidenceRecord> out;
    while (q.executeStep()) {
        auto e = evidence_from(SqliteRow{q});
        out.emplace(e.assignment_id, std::move(e));
    }
    return out;
}

std::vector<EvidenceRecord> SqliteStore::evidence_between(Date after, Date until) const {
    SQLite::Statement q(impl_->db, std::string(kEvidenceSelect) + " WHERE coalesce(e.doc_date, substr(e.created_at, 1, 10)) "
                                                              "> ?1 AND coalesce(e.doc_date, substr(e.created_at, 1, 10)) <= ?2 "
                                                              "AND (e.withdrawn_at IS NULL OR e.withdrawn_at >= ?3) ORDER BY e.id");
    q.bind(1, after.iso());
    q.bind(2, until.iso());
    q.bind(3, day_after(until));
    std::vector<EvidenceRecord> out;
    while (q.executeStep()) out.push_back(evidence_from(SqliteRow{q}));
    return out;
}

std::vector<JournalRecord> SqliteStore::journal_between(Date after, Date until, std::string_view field) const {
    // In time order, which the (field, at) index gives: ordering by id alone made SQLite walk
    // the whole journal by rowid instead of the index's range.
    SQLite::Statement q(impl_->db, std::string(kJournalSelect) + " WHERE j.field = ? AND j.at >= ? AND j.at < ? ORDER BY j.at, j.id");
    q.bind(1, std::string(field));
    q.bind(2, day_after(after));
    q.bind(3, day_after(until));
    std::vector<JournalRecord> out;
    while (q.executeStep()) out.push_back(journal_from(SqliteRow{q}));
    return out;
}

std::vector<JournalRecord> SqliteStore::first_changes_after(Date after, const std::vector<std::string>& fields,
                                                            std::optional<Date> through) const {
    if (fields.empty()) return {};
    std::string in;
    for (std::size_t i = 0; i < fields.size(); ++i) in += i ? ", ?" : "?";
    // SQLite takes the bare columns of a min() aggregate from the row holding the minimum: the
    // first change of each (assignment, field). (PostgreSQL: DISTINCT ON … ORDER BY id.)
    SQLite::Statement q(impl_->db, "SELECT assignment_id, field, old_value, min(id) FROM journal WHERE field IN (" + in +
                                       ") AND at >= ? AND at < ? AND entity = 'assignment' AND assignment_id IS NOT NULL "
                                       "GROUP BY assignment_id, field");
    int n = 1;
    for (const auto& f : fields) q.bind(n++, f);
    q.bind(n++, day_after(after));
    q.bind(n, through ? day_after(*through) : std::string("9999-12-31"));
    std::vector<JournalRecord> out;
    while (q.executeStep()) {
        JournalRecord j;
        j.assignment_id = q.getColumn(0).getInt64();
        j.field = q.getColumn(1).getString();
        if (!q.getColumn(2).isNull()) j.old_value = q.getColumn(2).getString();
        j.id = q.getColumn(3).getInt64();
        out.push_back(std::move(j));
    }
    return out;
}

std::optional<std::vector<AssignmentState>> SqliteStore::assignment_states(Date day) const {
    SQLite::Statement kept(impl_->db, "SELECT 1 FROM kept_days WHERE day = ?");
    kept.bind(1, day.iso());
    if (!kept.executeStep()) return std::nullopt;
    SQLite::Statement q(impl_->db, "SELECT assignment_id, status, progress, owner, due, completed_on, review_note, "
                                   "difficulties, proposals FROM assignment_states WHERE day = ?");
    q.bind(1, day.iso());
    std::vector<AssignmentState> out;
    while (q.executeStep()) {
        AssignmentState s;
        s.assignment_id = q.getColumn(0).getInt64();
        s.status = parse_status(q.getColumn(1).getString()).value_or(Status::NotStarted);
        s.progress = q.getColumn(2).getInt();
        s.owner = q.getColumn(3).getString();
        s.due = opt_date(q.getColumn(4));
        s.completed_on = opt_date(q.getColumn(5));
        s.review_note = q.getColumn(6).getString();
        s.difficulties = q.getColumn(7).getString();
        s.proposals = q.getColumn(8).getString();
        out.push_back(std::move(s));
    }
    return out;
}

void SqliteStore::keep_assignment_states(Date day) {
    try {
        keep_states(day);
    } catch (const StorageError&) {
        throw;
    } catch (const std::exception& e) {
        storage_failure(path(), "Cannot keep the assignments' states of " + day.vn(), e);
    }
}

void SqliteStore::keep_states(Date day) {
    if (assignment_states(day)) return;
    // As PostgreSQL's dtrack_keep_states (db/migrations/postgresql/0007): the nearest later
    // kept day's states (or today's rows) with the first change of each field made after
    // `day`, up to that kept day, undone. (Extensions are counted from the journal at each read.)
    std::optional<std::string> base;
    {
        SQLite::Statement q(impl_->db, "SELECT min(day) FROM kept_days WHERE day > ?");
        q.bind(1, day.iso());
        if (q.executeStep() && !q.getColumn(0).isNull()) base = q.getColumn(0).getString();
    }
    SQLite::Statement q(impl_->db, R"(
INSERT INTO assignment_states(day, assignment_id, status, progress, owner, due, completed_on, review_note,
                              difficulties, proposals)
WITH firsts AS (
  SELECT assignment_id, field, old_value, min(id) FROM journal
  WHERE field IN ('status', 'progress', 'owner', 'due', 'completed_on', 'review', 'difficulties', 'proposals')
    AND at >= :next AND at < :bound AND entity = 'assignment' AND assignment_id IS NOT NULL
  GROUP BY assignment_id, field),
undo AS (
  SELECT assignment_id,
         max(CASE WHEN field = 'status' THEN old_value END) AS status,
         max(field = 'progress') AS has_progress, max(CASE WHEN field = 'progress' THEN old_value END) AS progress,
         max(field = 'owner') AS has_owner, max(CASE WHEN field = 'owner' THEN old_value END) AS owner,
         max(field = 'due') AS has_due, max(CASE WHEN field = 'due' THEN old_value END) AS due,
         max(field = 'completed_on') AS has_completed, max(CASE WHEN field = 'completed_on' THEN old_value END) AS completed_on,
         max(field = 'review') AS has_review, max(CASE WHEN field = 'review' THEN old_value END) AS review,
         max(field = 'difficulties') AS has_difficulties, max(CASE WHEN field = 'difficulties' THEN old_value END) AS difficulties,
         max(field = 'proposals') AS has_proposals, max(CASE WHEN field = 'proposals' THEN old_value END) AS proposals
  FROM firsts GROUP BY assignment_id),
base AS (
  SELECT a.id, a.status, a.progress, a.owner, a.due, a.completed_on, coalesce(a.review_note, '') AS review_note,
         a.difficulties, a.proposals
  FROM assignments a WHERE :base IS NULL
  UNION ALL
  SELECT s.assignment_id, s.status, s.progress, s.owner, s.due, s.completed_on, s.review_note, s.difficulties,
         s.proposals
  FROM assignment_states s WHERE :base IS NOT NULL AND s.day = :base)
SELECT :day, b.id,
       CASE WHEN u.status IN ('not_started', 'in_progress', 'done', 'blocked') THEN u.status ELSE b.status END,
       CASE WHEN u.has_progress AND u.progress IS NOT NULL THEN max(0, min(100, CAST(u.progress AS INTEGER)))
            ELSE b.progress END,
       CASE WHEN u.has_owner THEN coalesce(u.owner, '') ELSE b.owner END,
       CASE WHEN u.has_due THEN u.due ELSE b.due END,
       CASE WHEN u.has_completed THEN u.completed_on ELSE b.completed_on END,
       CASE WHEN u.has_review THEN coalesce(u.review, '') ELSE b.review_note END,
       CASE WHEN u.has_difficulties THEN coalesce(u.difficulties, '') ELSE b.difficulties END,
       CASE WHEN u.has_proposals THEN coalesce(u.proposals, '') ELSE b.proposals END
FROM base b LEFT JOIN undo u ON u.assignment_id = b.id)");
    q.bind(":day", day.iso());
    q.bind(":next", day_after(day));
    q.bind(":bound", base ? day_after(*Date::parse_iso(*base)) : std::string("9999-12-31"));
    if (base) q.bind(":base", *base);
    else q.bind(":base");
    q.exec();
    SQLite::Statement k(impl_->db, "INSERT INTO kept_days(day, kept_at) VALUES (?, ?)");
    k.bind(1, day.iso());
    k.bind(2, now_timestamp());
    k.exec();
}

Id SqliteStore::insert_report(const ReportRecord& r) {
    SQLite::Statement q(impl_->db, "INSERT INTO reports(generated_at, as_of, since, directive, format, path, figures, created_by, "
                                   "document) VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT id FROM users WHERE name = ?), ?)");
    q.bind(1, now_timestamp());
    q.bind(2, r.as_of.iso());
    bind_opt(q, 3, r.since);
    q.bind(4, r.directive);
    q.bind(5, r.format);
    q.bind(6, r.path);
    q.bind(7, r.figures);
    q.bind(8, r.created_by);
    q.bind(9, r.document);
    q.exec();
    return impl_->db.getLastInsertRowid();
}

std::optional<ReportRecord> SqliteStore::last_report(std::string_view directive) const {
    SQLite::Statement q(impl_->db, std::string(kReportSelect) + " WHERE r.directive = ? ORDER BY r.id DESC LIMIT 1");
    q.bind(1, std::string(directive));
    if (!q.executeStep()) return std::nullopt;
    return report_from(SqliteRow{q});
}

std::vector<ReportRecord> SqliteStore::reports() const {
    SQLite::Statement q(impl_->db, std::string(kReportSelect) + " ORDER BY r.id");
    std::vector<ReportRecord> out;
    while (q.executeStep()) out.push_back(report_from(SqliteRow{q}));
    return out;
}

}  // namespace dt::store
