// Users: names, roles, password hashes.
#include "store/impl.h"

namespace dt::store {

Id SqliteStore::insert_user(const UserRecord& user) {
    SQLite::Statement q(impl_->db, "INSERT INTO users(name, role, agency_id, password_hash, active, created_at, full_name) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?)");
    q.bind(1, user.name);
    q.bind(2, std::string(to_string(user.role)));
    bind_opt(q, 3, user.agency_id);
    q.bind(4, user.password_hash);
    q.bind(5, user.active ? 1 : 0);
    q.bind(6, now_timestamp());
    q.bind(7, user.full_name);
    q.exec();
    return impl_->db.getLastInsertRowid();
}

std::optional<UserRecord> SqliteStore::find_user(std::string_view name) const {
    SQLite::Statement q(impl_->db, std::string(kUserColumns) + " WHERE u.name = ?");
    q.bind(1, std::string(name));
    if (!q.executeStep()) return std::nullopt;
    return user_from(SqliteRow{q});
}

std::vector<UserRecord> SqliteStore::users() const {
    SQLite::Statement q(impl_->db, std::string(kUserColumns) + " ORDER BY u.name");
    std::vector<UserRecord> out;
    while (q.executeStep()) out.push_back(user_from(SqliteRow{q}));
    return out;
}

std::optional<std::string> SqliteStore::server_user() const { return std::nullopt; }

// A file's users sign in against the argon2 hash in their row (service/passwords.h).
void SqliteStore::create_login(const std::string&, const std::string&, UserRole) {}
void SqliteStore::set_login_password(const std::string&, const std::string&) {}
int SqliteStore::set_login_enabled(const std::string&, bool) { return 0; }

int SqliteStore::count_users() const { return impl_->db.execAndGet("SELECT count(*) FROM users").getInt(); }

}  // namespace dt::store
