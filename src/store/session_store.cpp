// Command-line sessions: rows keyed by the sha256 of their token.
#include "store/impl.h"

namespace dt::store {

Id SqliteStore::insert_session(Id user_id, const std::string& token_hash, const std::string& expires_at) {
    SQLite::Statement q(impl_->db, "INSERT INTO sessions(user_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)");
    q.bind(1, static_cast<int64_t>(user_id));
    q.bind(2, token_hash);
    q.bind(3, now_timestamp());
    q.bind(4, expires_at);
    q.exec();
    return impl_->db.getLastInsertRowid();
}

std::optional<SessionRecord> SqliteStore::find_session(const std::string& token_hash) const {
    SQLite::Statement q(impl_->db, "SELECT id, user_id, token_hash, created_at, expires_at, revoked FROM sessions "
                                   "WHERE token_hash = ?");
    q.bind(1, token_hash);
    if (!q.executeStep()) return std::nullopt;
    return SessionRecord{q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                         q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getInt() != 0};
}

bool SqliteStore::revoke_session(const std::string& token_hash) {
    SQLite::Statement q(impl_->db, "UPDATE sessions SET revoked = 1 WHERE token_hash = ? AND revoked = 0");
    q.bind(1, token_hash);
    return q.exec() > 0;
}

int SqliteStore::revoke_sessions_of(Id user_id) {
    SQLite::Statement q(impl_->db, "UPDATE sessions SET revoked = 1 WHERE user_id = ? AND revoked = 0");
    q.bind(1, static_cast<int64_t>(user_id));
    return q.exec();
}

}  // namespace dt::store
