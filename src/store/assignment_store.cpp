// Assignments, their evidence and the journal.
#include "store/impl.h"

namespace dt::store {

std::string assignment_select(RowDetail detail) {
    const bool text = detail == RowDetail::Full;
    const bool counts = detail != RowDetail::Table;
    return std::string("SELECT a.id, a.task_id, a.agency_id, a.role, a.via_group_id, a.status, a.progress, a.owner, a.due, "
                       "a.completed_on, a.version, a.updated_at, d.code, s.label, t.ref, t.title, ") +
           (text ? "t.text" : "''") + ", g.name, g.short_name, t.recurrence, " +
           (counts ? "(SELECT count(*) FROM evidence e WHERE e.assignment_id = a.id AND e.withdrawn_at IS NULL)" : "0") +
           ", a.original_due, a.review_note, " +
           (counts ? "(SELECT count(*) FROM extension_requests x WHERE x.assignment_id = a.id AND x.status = 'approved')"
                   : "0") +
           ", a.difficulties, a.proposals, a.closed_on, a.closed_reason FROM assignments a JOIN tasks t ON t.id = a.task_id JOIN sections s ON s.id = t.section_id "
           "JOIN directives d ON d.id = t.directive_id JOIN agencies g ON g.id = a.agency_id";
}

Id SqliteStore::insert_assignment(const AssignmentRecord& a) {
    SQLite::Statement q(impl_->db, "INSERT INTO assignments(task_id, agency_id, role, via_group_id, status, progress, "
                                   "owner, due, completed_on, version, updated_at, original_due, exists_from) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?8, ?)");
    q.bind(1, static_cast<int64_t>(a.task_id));
    q.bind(2, static_cast<int64_t>(a.agency_id));
    q.bind(3, std::string(to_string(a.role)));
    bind_opt(q, 4, a.via_group_id);
    q.bind(5, std::string(to_string(a.status)));
    q.bind(6, a.progress);
    q.bind(7, a.owner);
    bind_opt(q, 8, a.due);
    bind_opt(q, 9, a.completed_on);
    q.bind(10, now_timestamp());
    q.bind(11, a.exists_from.value_or(Date::today()).iso());
    q.exec();
    return impl_->db.getLastInsertRowid();
}

std::vector<AssignmentRecord> SqliteStore::assignments(const AssignmentQuery& query) const {
    std::string sql = assignment_select(query.detail) + " WHERE 1 = 1";
    if (query.id) sql += " AND a.id = :id";
    if (query.task_id) sql += " AND a.task_id = :task";
    const bool open_only = !query.id && !query.include_closed;
    if (open_only) sql += query.as_of.year == 0 ? " AND a.closed_on IS NULL" : " AND (a.closed_on IS NULL OR a.closed_on > :closed_after)";
    if (query.directive_code) sql += " AND d.code = :code";
    if (query.section) sql += " AND s.label = :section";
    if (query.agency_id) sql += " AND a.agency_id = :agency";
    if (query.status) sql += " AND a.status = :status";
    if (query.owner) sql += " AND a.owner = :owner";
    if (query.existing_on) sql += " AND a.exists_from <= :existing";
    if (query.reminder_horizon)
        sql += " AND a.status <> 'done' AND ((a.due IS NOT NULL AND a.due <= :horizon) OR coalesce(a.review_note, '') <> '')";
    if (query.bucket) {
        // "Done" at a date means completed on or before it.
        const char* done = "(a.status = 'done' AND a.completed_on <= :as_of)";
        switch (*query.bucket) {
        case Bucket::DoneOnTime:
        case Bucket::DoneLate: sql += std::string(" AND a.due IS NOT NULL AND ") + done; break;
        case Bucket::OpenOnTime: sql += std::string(" AND a.due >= :as_of AND NOT ") + done; break;
        case Bucket::OpenOverdue: sql += std::string(" AND a.due < :as_of AND NOT ") + done; break;
        case Bucket::NoDeadline: sql += " AND a.due IS NULL AND :as_of IS NOT NULL"; break;
        }
    }
    for (std::size_t i = 0; i < query.folded_words.size(); ++i) {
        const std::string q = ":q" + std::to_string(i);
        sql += " AND (instr(t.search_key, " + q + ") > 0 OR instr(g.search_key, " + q + ") > 0)";
    }
    // A table sorts its rows itself; sorting 100,000 wide rows here would spill to disk.
    if (query.detail != RowDetail::Table) sql += " ORDER BY d.id, t.position, a.role DESC, g.id";
    SQLite::Statement q(impl_->db, sql);
    if (query.id) q.bind(":id", static_cast<int64_t>(*query.id));
    if (query.task_id) q.bind(":task", static_cast<int64_t>(*query.task_id));
    if (open_only && query.as_of.year != 0) q.bind(":closed_after", query.as_of.iso());
    if (query.directive_code) q.bind(":code", *query.directive_code);
    if (query.section) q.bind(":section", *query.section);
    if (query.agency_id) q.bind(":agency", static_cast<int64_t>(*query.agency_id));
    if (query.status) q.bind(":status", std::string(to_string(*query.status)));
    if (query.owner) q.bind(":owner", *query.owner);
    if (query.existing_on) q.bind(":existing", query.existing_on->iso());
    if (query.reminder_horizon) q.bind(":horizon", query.reminder_horizon->iso());
    if (query.bucket) q.bind(":as_of", query.as_of.iso());
    for (std::size_t i = 0; i < query.folded_words.size(); ++i) q.bind(":q" + std::to_string(i), query.folded_words[i]);
    std::vector<AssignmentRecord> out;
    while (q.executeStep()) out.push_back(assignment_from(SqliteRow{q}));
    return out;
}

std::optional<AssignmentRecord> SqliteStore::assignment(Id id) const {
    AssignmentQuery query;
    query.id = id;
    auto rows = assignments(query);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
}

bool SqliteStore::update_assignment_structure(const AssignmentRecord& next, int expected_version) {
    SQLite::Statement q(impl_->db, "UPDATE assignments SET role = ?, closed_on = ?, closed_reason = ?, version = version + 1, "
                                   "updated_at = ? WHERE id = ? AND version = ?");
    q.bind(1, std::string(to_string(next.role)));
    bind_opt(q, 2, next.closed_on);
    q.bind(3, next.closed_on ? next.closed_reason : std::string());
    q.bind(4, now_timestamp());
    q.bind(5, static_cast<int64_t>(next.id));
    q.bind(6, expected_version);
    return q.exec() == 1;
}

bool SqliteStore::delete_assignment(Id id) {
    SQLite::Statement q(impl_->db, "DELETE FROM assignments WHERE id = ?1 AND status = 'not_started' AND progress = 0 "
                                   "AND NOT EXISTS (SELECT 1 FROM evidence WHERE assignment_id = ?1) "
                                   "AND NOT EXISTS (SELECT 1 FROM extension_requests WHERE assignment_id = ?1) "
                                   "AND NOT EXISTS (SELECT 1 FROM journal WHERE assignment_id = ?1)");
    q.bind(1, static_cast<int64_t>(id));
    return q.exec() == 1;
}

bool SqliteStore::update_assignment(AssignmentRecord& next, int expected_version) {
    const std::string now = now_timestamp();
    SQLite::Statement q(impl_->db, "UPDATE assignments SET status = ?, progress = ?, owner = ?, due = ?, "
                                   "completed_on = ?, version = version + 1, updated_at = ?, review_note = ?, "
                                   "difficulties = ?, proposals = ? WHERE id = ? AND version = ?");
    q.bind(1, std::string(to_string(next.status)));
    q.bind(2, next.progress);
    q.bind(3, next.owner);
    bind_opt(q, 4, next.due);
    bind_opt(q, 5, next.completed_on);
    q.bind(6, now);
    bind_opt(q, 7, next.review_note.empty() ? std::nullopt : std::optional<std::string>(next.review_note));
    q.bind(8, next.difficulties);
    q.bind(9, next.proposals);
    q.bind(10, static_cast<int64_t>(next.id));
    q.bind(11, expected_version);
    if (q.exec() != 1) return false;
    next.version = expected_version + 1;
    next.updated_at = now;
    return true;
}

Id SqliteStore::insert_evidence(const EvidenceRecord& e, const std::optional<EvidenceFile>& file) {
    SQLite::Statement q(impl_->db, "INSERT INTO evidence(assignment_id, note, doc_ref, doc_date, file_name, file_size, "
                                   "file_sha256, file_data, created_at, created_by) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT id FROM users WHERE name = ?))");
    q.bind(1, static_cast<int64_t>(e.assignment_id));
    q.bind(2, e.note);
    q.bind(3, e.doc_ref);
    bind_opt(q, 4, e.doc_date);
    if (file) {
        q.bind(5, file->name);
        q.bind(6, static_cast<int64_t>(file->data.size()));
        q.bind(7, file->sha256);
        q.bind(8, file->data.data(), static_cast<int>(file->data.size()));
    } else {
        q.bind(5);
        q.bind(6);
        q.bind(7);
        q.bind(8);
    }
    q.bind(9, now_timestamp());
    q.bind(10, e.created_by);
    q.exec();
    return impl_->db.getLastInsertRowid();
}

std::vector<EvidenceRecord> SqliteStore::evidence(Id assignment_id) const {
    SQLite::Statement q(impl_->db, std::string(kEvidenceSelect) + " WHERE e.assignment_id = ? ORDER BY e.id");
    q.bind(1, static_cast<int64_t>(assignment_id));
    std::vector<EvidenceRecord> out;
    while (q.executeStep()) out.push_back(evidence_from(SqliteRow{q}));
    return out;
}

std::optional<EvidenceFile> SqliteStore::evidence_file(Id evidence_id) const {
    SQLite::Statement q(impl_->db, "SELECT file_name, file_data, file_sha256 FROM evidence "
                                   "WHERE id = ? AND file_name IS NOT NULL");
    q.bind(1, static_cast<int64_t>(evidence_id));
    if (!q.executeStep()) return std::nullopt;
    const auto blob = q.getColumn(1);
    return EvidenceFile{q.getColumn(0).getString(),
                        std::string(static_cast<const char*>(blob.getBlob()), static_cast<std::size_t>(blob.getBytes())),
                        q.getColumn(2).getString()};
}

void SqliteStore::append_journal(const JournalRecord& j) {
    SQLite::Statement q(impl_->db, "INSERT INTO journal(at, user_id, user_name, entity, entity_id, assignment_id, "
                                   "field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, j.at.empty() ? now_timestamp() : j.at);
    bind_opt(q, 2, j.user_id);
    q.bind(3, j.user_name);
    q.bind(4, j.entity);
    q.bind(5, static_cast<int64_t>(j.entity_id));
    bind_opt(q, 6, j.assignment_id);
    q.bind(7, j.field);
    bind_opt(q, 8, j.old_value);
    bind_opt(q, 9, j.new_value);
    q.exec();
}

const char* const kEvidenceSelect =
    "SELECT e.id, e.assignment_id, e.note, e.doc_ref, e.doc_date, e.file_name, coalesce(e.file_size, 0), "
    "coalesce(e.file_sha256, ''), e.created_at, coalesce(u.name, ''), e.withdrawn_at, coalesce(w.name, ''), "
    "coalesce(e.withdrawal_reason, '') FROM evidence e "
    "LEFT JOIN users u ON u.id = e.created_by LEFT JOIN users w ON w.id = e.withdrawn_by";

// With the user's full name (journal j, users u: conditions name j's columns).
const char* const kJournalSelect = "SELECT j.id, j.at, j.user_id, j.user_name, j.entity, j.entity_id, j.assignment_id, "
                                   "j.field, j.old_value, j.new_value, coalesce(u.full_name, '') FROM journal j "
                                   "LEFT JOIN users u ON u.id = j.user_id";

std::vector<JournalRecord> SqliteStore::journal(Id assignment_id) const {
    SQLite::Statement q(impl_->db, std::string(kJournalSelect) + " WHERE j.assignment_id = ? ORDER BY j.id");
    q.bind(1, static_cast<int64_t>(assignment_id));
    std::vector<JournalRecord> out;
    while (q.executeStep()) out.push_back(journal_from(SqliteRow{q}));
    return out;
}

int SqliteStore::journal_count() const { return impl_->db.execAndGet("SELECT count(*) FROM journal").getInt(); }

}  // namespace dt::store
