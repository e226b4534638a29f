// What reports read in bulk, and the record of generated reports.
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

std::vector<JournalRecord> SqliteStore::first_changes_after(Date after, const std::vector<std::string>& fields) const {
    if (fields.empty()) return {};
    std::string in;
    for (std::size_t i = 0; i < fields.size(); ++i) in += i ? ", ?" : "?";
    // SQLite takes the bare columns of a min() aggregate from the row holding the minimum: the
    // first change of each (assignment, field). (PostgreSQL: DISTINCT ON … ORDER BY id.)
    SQLite::Statement q(impl_->db, "SELECT assignment_id, field, old_value, min(id) FROM journal WHERE field IN (" + in +
                                       ") AND at >= ? AND entity = 'assignment' AND assignment_id IS NOT NULL "
                                       "GROUP BY assignment_id, field");
    int n = 1;
    for (const auto& f : fields) q.bind(n++, f);
    q.bind(n, day_after(after));
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
