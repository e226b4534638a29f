// Extension requests, evidence withdrawal, and the user rows that sign-in and the office change.
#include "store/impl.h"

namespace dt::store {

std::string_view to_string(ExtensionStatus status) {
    switch (status) {
    case ExtensionStatus::Pending: return "pending";
    case ExtensionStatus::Approved: return "approved";
    case ExtensionStatus::Refused: return "refused";
    }
    return "pending";
}

std::optional<ExtensionStatus> parse_extension_status(std::string_view text) {
    for (auto s : {ExtensionStatus::Pending, ExtensionStatus::Approved, ExtensionStatus::Refused})
        if (to_string(s) == text) return s;
    return std::nullopt;
}

Id SqliteStore::insert_extension(Id assignment_id, Date requested_due, const std::string& reason, std::optional<Id> requested_by) {
    SQLite::Statement q(impl_->db, "INSERT INTO extension_requests(assignment_id, requested_due, reason, status, "
                                   "requested_by, requested_at) VALUES (?, ?, ?, 'pending', ?, ?)");
    q.bind(1, static_cast<int64_t>(assignment_id));
    q.bind(2, requested_due.iso());
    q.bind(3, reason);
    bind_opt(q, 4, requested_by);
    q.bind(5, now_timestamp());
    q.exec();
    return impl_->db.getLastInsertRowid();
}

std::optional<ExtensionRecord> SqliteStore::extension(Id id) const {
    ExtensionQuery query;
    query.id = id;
    auto rows = extensions(query);
    if (rows.empty()) return std::nullopt;
    return std::move(rows.front());
}

std::vector<ExtensionRecord> SqliteStore::extensions(const ExtensionQuery& query) const {
    std::string sql = std::string(kExtensionSelect) + " WHERE 1 = 1";
    if (query.id) sql += " AND x.id = :id";
    if (query.pending_only) sql += " AND x.status = 'pending'";
    if (query.assignment_id) sql += " AND x.assignment_id = :assignment";
    if (query.agency_id) sql += " AND a.agency_id = :agency";
    sql += " ORDER BY x.id DESC";
    SQLite::Statement q(impl_->db, sql);
    if (query.id) q.bind(":id", static_cast<int64_t>(*query.id));
    if (query.assignment_id) q.bind(":assignment", static_cast<int64_t>(*query.assignment_id));
    if (query.agency_id) q.bind(":agency", static_cast<int64_t>(*query.agency_id));
    std::vector<ExtensionRecord> out;
    while (q.executeStep()) out.push_back(extension_from(SqliteRow{q}));
    return out;
}

bool SqliteStore::decide_extension(Id id, ExtensionStatus decision, std::optional<Id> decided_by, const std::string& note) {
    SQLite::Statement q(impl_->db, "UPDATE extension_requests SET status = ?, decided_by = ?, decided_at = ?, "
                                   "decision_note = ? WHERE id = ? AND status = 'pending'");
    q.bind(1, std::string(to_string(decision)));
    bind_opt(q, 2, decided_by);
    q.bind(3, now_timestamp());
    bind_opt(q, 4, note.empty() ? std::nullopt : std::optional<std::string>(note));
    q.bind(5, static_cast<int64_t>(id));
    return q.exec() == 1;
}

std::optional<EvidenceRecord> SqliteStore::evidence_item(Id evidence_id) const {
    SQLite::Statement q(impl_->db, std::string(kEvidenceSelect) + " WHERE e.id = ?");
    q.bind(1, static_cast<int64_t>(evidence_id));
    if (!q.executeStep()) return std::nullopt;
    return evidence_from(SqliteRow{q});
}

bool SqliteStore::withdraw_evidence(Id evidence_id, std::optional<Id> by, const std::string& reason) {
    SQLite::Statement q(impl_->db, "UPDATE evidence SET withdrawn_at = ?, withdrawn_by = ?, withdrawal_reason = ? "
                                   "WHERE id = ? AND withdrawn_at IS NULL");
    q.bind(1, now_timestamp());
    bind_opt(q, 2, by);
    q.bind(3, reason);
    q.bind(4, static_cast<int64_t>(evidence_id));
    return q.exec() == 1;
}

int SqliteStore::count_active_admins() const {
    return impl_->db.execAndGet("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1").getInt();
}

void SqliteStore::set_user_password(Id user_id, const std::string& password_hash) {
    SQLite::Statement q(impl_->db, "UPDATE users SET password_hash = ? WHERE id = ?");
    q.bind(1, password_hash);
    q.bind(2, static_cast<int64_t>(user_id));
    q.exec();
}

void SqliteStore::set_user_active(Id user_id, bool active) {
    SQLite::Statement q(impl_->db, "UPDATE users SET active = ? WHERE id = ?");
    q.bind(1, active ? 1 : 0);
    q.bind(2, static_cast<int64_t>(user_id));
    q.exec();
}

void SqliteStore::set_login_failures(Id user_id, int failures, const std::optional<std::string>& locked_until) {
    SQLite::Statement q(impl_->db, "UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?");
    q.bind(1, failures);
    bind_opt(q, 2, locked_until);
    q.bind(3, static_cast<int64_t>(user_id));
    q.exec();
}

}  // namespace dt::store
