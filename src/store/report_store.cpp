// What reports read in bulk, and the record of generated reports.
#include "store/impl.h"

namespace dt::store {

namespace {
// Timestamps are UTC "YYYY-MM-DDTHH:MM:SSZ": a day's end is the next day's start.
std::string day_after(Date d) { return d.plus_days(1).iso(); }
}  // namespace

std::map<Id, EvidenceRecord> Store::latest_evidence(Date until) const {
    // Withdrawn evidence no longer shows what an agency did: it is never the latest.
    SQLite::Statement q(impl_->db, std::string(kEvidenceSelect) +
                                       " WHERE e.id IN (SELECT max(id) FROM evidence WHERE created_at < ? "
                                       "AND withdrawn_at IS NULL GROUP BY assignment_id)");
    q.bind(1, day_after(until));
    std::map<Id, EvidenceRecord> out;
    while (q.executeStep()) {
        auto e = read_evidence(q);
        out.emplace(e.assignment_id, std::move(e));
    }
    return out;
}

std::vector<EvidenceRecord> Store::evidence_between(Date after, Date until) const {
    SQLite::Statement q(impl_->db, std::string(kEvidenceSelect) + " WHERE e.created_at >= ? AND e.created_at < ? "
                                                              "AND e.withdrawn_at IS NULL ORDER BY e.id");
    q.bind(1, day_after(after));
    q.bind(2, day_after(until));
    std::vector<EvidenceRecord> out;
    while (q.executeStep()) out.push_back(read_evidence(q));
    return out;
}

std::vector<JournalRecord> Store::journal_between(Date after, Date until, std::string_view field) const {
    SQLite::Statement q(impl_->db, std::string(kJournalSelect) + " WHERE j.field = ? AND j.at >= ? AND j.at < ? ORDER BY j.id");
    q.bind(1, std::string(field));
    q.bind(2, day_after(after));
    q.bind(3, day_after(until));
    std::vector<JournalRecord> out;
    while (q.executeStep()) out.push_back(read_journal(q));
    return out;
}

Id Store::insert_report(const ReportRecord& r) {
    SQLite::Statement q(impl_->db, "INSERT INTO reports(generated_at, as_of, since, directive, format, path, figures, created_by) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT id FROM users WHERE name = ?))");
    q.bind(1, now_timestamp());
    q.bind(2, r.as_of.iso());
    bind_opt(q, 3, r.since);
    q.bind(4, r.directive);
    q.bind(5, r.format);
    q.bind(6, r.path);
    q.bind(7, r.figures);
    q.bind(8, r.created_by);
    q.exec();
    return impl_->db.getLastInsertRowid();
}

namespace {
ReportRecord read_report(SQLite::Statement& q) {
    ReportRecord r;
    r.id = q.getColumn(0).getInt64();
    r.generated_at = q.getColumn(1).getString();
    r.as_of = Date::parse_iso(q.getColumn(2).getString()).value_or(Date{});
    r.since = opt_date(q.getColumn(3));
    r.directive = q.getColumn(4).getString();
    r.format = q.getColumn(5).getString();
    r.path = q.getColumn(6).getString();
    r.figures = q.getColumn(7).getString();
    r.created_by = q.getColumn(8).getString();
    return r;
}
constexpr const char* kReportSelect = "SELECT r.id, r.generated_at, r.as_of, r.since, r.directive, r.format, r.path, "
                                      "r.figures, coalesce(u.name, '') FROM reports r LEFT JOIN users u ON u.id = r.created_by";
}  // namespace

std::optional<ReportRecord> Store::last_report(std::string_view directive) const {
    SQLite::Statement q(impl_->db, std::string(kReportSelect) + " WHERE r.directive = ? ORDER BY r.id DESC LIMIT 1");
    q.bind(1, std::string(directive));
    if (!q.executeStep()) return std::nullopt;
    return read_report(q);
}

std::vector<ReportRecord> Store::reports() const {
    SQLite::Statement q(impl_->db, std::string(kReportSelect) + " ORDER BY r.id");
    std::vector<ReportRecord> out;
    while (q.executeStep()) out.push_back(read_report(q));
    return out;
}

}  // namespace dt::store
