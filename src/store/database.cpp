// Opening, migrating and maintaining the database file.
#include <SQLiteCpp/Backup.h>

#include <ctime>

#include "core/error.h"
#include "store/impl.h"
#include "store/migrations.h"

namespace dt::store {

namespace fs = std::filesystem;

namespace {
std::string format_timestamp(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}
}  // namespace

std::string now_timestamp() { return format_timestamp(std::time(nullptr)); }

std::string timestamp_after(long seconds) { return format_timestamp(std::time(nullptr) + seconds); }

std::optional<long> seconds_until(std::string_view timestamp) {
    std::tm tm{};
    const std::string text(timestamp);
    const char* end = strptime(text.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
    if (end == nullptr || *end != '\0') return std::nullopt;
    return static_cast<long>(timegm(&tm) - std::time(nullptr));
}

void storage_failure(const std::string& what, const std::exception& e) {
    if (const auto* err = dynamic_cast<const Error*>(&e)) throw *err;
    std::string reason = e.what();
    if (const auto* se = dynamic_cast<const SQLite::Exception*>(&e)) {
        switch (se->getErrorCode()) {
        case SQLITE_NOTADB:
            reason = "the file is not a SQLite database (damaged, or another kind of file)";
            break;
        case SQLITE_CORRUPT: reason = "the database file is damaged"; break;
        case SQLITE_READONLY: reason = "the database file or its folder is read-only"; break;
        case SQLITE_FULL: reason = "the disk is full"; break;
        case SQLITE_BUSY: reason = "the database stayed locked by another program for too long"; break;
        case SQLITE_CANTOPEN: reason = "the file cannot be opened (missing folder or no permission)"; break;
        default: break;
        }
    }
    fail(ErrorKind::Storage, what + ": " + reason + ".");
}

std::optional<std::string> opt_text(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getString();
}

std::optional<Date> opt_date(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return Date::parse_iso(c.getString());
}

void bind_opt(SQLite::Statement& s, int index, const std::optional<std::string>& v) {
    if (v) s.bind(index, *v); else s.bind(index);
}
void bind_opt(SQLite::Statement& s, int index, const std::optional<Date>& v) {
    if (v) s.bind(index, v->iso()); else s.bind(index);
}
void bind_opt(SQLite::Statement& s, int index, const std::optional<Id>& v) {
    if (v) s.bind(index, static_cast<int64_t>(*v)); else s.bind(index);
}

namespace {
int latest() { return migrations().empty() ? 0 : migrations().back().version; }

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

bool has_tables(SQLite::Database& db) {
    return db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0;
}

// Refuses files that are not ours, or newer than this program.
void verify_identity(SQLite::Database& db, const fs::path& path) {
    const int app_id = db.execAndGet("PRAGMA application_id").getInt();
    const int version = user_version(db);
    if (app_id != kApplicationId && (has_tables(db) || version != 0))
        fail(ErrorKind::Storage, "'" + path.string() +
                                     "' is a SQLite database of another program, not a Directive Tracker database.");
    if (version > latest())
        fail(ErrorKind::Storage, "'" + path.string() + "' was written by a newer Directive Tracker (schema " +
                                     std::to_string(version) + "; this program knows up to " +
                                     std::to_string(latest()) + "): use the newer program.");
}

void migrate(SQLite::Database& db, int target) {
    for (const auto& m : migrations()) {
        if (m.version <= user_version(db) || m.version > target) continue;
        // One transaction per step: a failed step leaves the file at the previous version.
        db.exec("BEGIN IMMEDIATE");
        try {
            // Another process may have run this step while we waited for the lock.
            if (user_version(db) >= m.version) {
                db.exec("COMMIT");
                continue;
            }
            db.exec(m.sql);
            db.exec("PRAGMA user_version = " + std::to_string(m.version));
            db.exec("COMMIT");
        } catch (...) {
            db.exec("ROLLBACK");
            throw;
        }
    }
}
}  // namespace

std::unique_ptr<Store> Store::open(const fs::path& path, const OpenOptions& options) {
    const std::string what = "Cannot open the database '" + path.string() + "'";
    std::error_code ec;
    const bool existed = fs::exists(path, ec);
    if (!existed && !options.create)
        fail(ErrorKind::Storage, "There is no database at '" + path.string() + "': run 'dtrack init' first.");
    if (existed && fs::is_directory(path, ec))
        fail(ErrorKind::Storage, "'" + path.string() + "' is a folder, not a database file.");
    try {
        if (!existed && path.has_parent_path()) fs::create_directories(path.parent_path());
        // A Store and its connection stay on one thread: SQLite's own mutex on every call
        // (a tenth of a large list's time) buys nothing here.
        int flags = SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX | (options.create ? SQLite::OPEN_CREATE : 0);
        auto impl = std::make_unique<Impl>(path, flags);
        auto& db = impl->db;
        verify_identity(db, path);
        db.exec("PRAGMA foreign_keys = ON");
        const int target = options.target_version.value_or(latest());
        const int version = user_version(db);
        if (version == 0) {
            // WAL is set once, at creation: two processes switching later can fail.
            db.exec("PRAGMA journal_mode = WAL");
            db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        } else if (version < target && options.backup_before_migrating) {
            const fs::path backup = path.string() + ".before-v" + std::to_string(target) + ".bak";
            fs::remove(backup, ec);
            SQLite::Database target_db(backup.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            SQLite::Backup(target_db, db).executeStep(-1);
        }
        migrate(db, target);
        db.exec("PRAGMA synchronous = NORMAL");
        return std::unique_ptr<Store>(new Store(std::move(impl)));
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        storage_failure(what, e);
    }
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

int Store::latest_version() { return latest(); }
int Store::schema_version() const { return user_version(impl_->db); }
const fs::path& Store::path() const { return impl_->path; }
int Store::data_version() const { return impl_->db.execAndGet("PRAGMA data_version").getInt(); }

Store::WriteTx::WriteTx(Store& store) : store_(store) {
    try {
        // Inside an open transaction (Service::batch) a use case becomes a savepoint: it is
        // still all-or-nothing, and the outer transaction commits everything at once.
        nested_ = sqlite3_get_autocommit(store_.impl_->db.getHandle()) == 0;
        store_.impl_->db.exec(nested_ ? "SAVEPOINT dt_write" : "BEGIN IMMEDIATE");
    } catch (const std::exception& e) {
        open_ = false;
        storage_failure("Cannot start writing to the database", e);
    }
}

Store::WriteTx::~WriteTx() {
    if (!open_) return;
    try {
        if (nested_) {
            store_.impl_->db.exec("ROLLBACK TO dt_write");
            store_.impl_->db.exec("RELEASE dt_write");
        } else {
            store_.impl_->db.exec("ROLLBACK");
        }
    } catch (...) {
        // Rolling back a transaction that SQLite already ended is harmless.
    }
}

void Store::WriteTx::commit() {
    try {
        store_.impl_->db.exec(nested_ ? "RELEASE dt_write" : "COMMIT");
        open_ = false;
    } catch (const std::exception& e) {
        storage_failure("Cannot save the change", e);
    }
}

std::optional<std::string> Store::setting(std::string_view key) const {
    SQLite::Statement q(impl_->db, "SELECT value FROM settings WHERE key = ?");
    q.bind(1, std::string(key));
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

void Store::set_setting(std::string_view key, std::string_view value) {
    SQLite::Statement q(impl_->db, "INSERT INTO settings(key, value) VALUES (?, ?) "
                                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    q.bind(1, std::string(key));
    q.bind(2, std::string(value));
    q.exec();
}

void Store::backup_to(const fs::path& target) const {
    try {
        SQLite::Database out(target.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        SQLite::Backup(out, impl_->db).executeStep(-1);
    } catch (const std::exception& e) {
        storage_failure("Cannot write the backup '" + target.string() + "'", e);
    }
}

void verify_tracker_file(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        fail(ErrorKind::Invalid, "'" + path.string() + "' is not a file.");
    try {
        SQLite::Database src(path.string(), SQLite::OPEN_READONLY);
        verify_identity(src, path);
        if (src.execAndGet("PRAGMA application_id").getInt() != kApplicationId)
            fail(ErrorKind::Storage, "'" + path.string() + "' is not a Directive Tracker database.");
        const auto result = src.execAndGet("PRAGMA quick_check").getString();
        if (result != "ok") fail(ErrorKind::Storage, "'" + path.string() + "' is damaged (" + result + ").");
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        storage_failure("Cannot read '" + path.string() + "'", e);
    }
}

void Store::restore_from(const fs::path& source) {
    verify_tracker_file(source);
    try {
        SQLite::Database src(source.string(), SQLite::OPEN_READONLY);
        SQLite::Backup(impl_->db, src).executeStep(-1);
        migrate(impl_->db, latest());
    } catch (const std::exception& e) {
        storage_failure("Cannot restore from '" + source.string() + "'", e);
    }
}

std::vector<std::string> Store::check() const {
    std::vector<std::string> problems;
    try {
        SQLite::Statement integrity(impl_->db, "PRAGMA integrity_check");
        while (integrity.executeStep())
            if (auto line = integrity.getColumn(0).getString(); line != "ok") problems.push_back(line);
        SQLite::Statement keys(impl_->db, "PRAGMA foreign_key_check");
        while (keys.executeStep())
            problems.push_back("row " + std::to_string(keys.getColumn(1).getInt64()) + " of table " +
                               keys.getColumn(0).getString() + " points to a missing " +
                               keys.getColumn(2).getString() + " row");
        // The project's own invariants: what the service guarantees, checked on the file itself.
        static const std::pair<const char*, const char*> invariants[] = {
            {"SELECT count(*) FROM assignments WHERE (status = 'done') != (completed_on IS NOT NULL)",
             "assignments whose completion date does not match their status"},
            {"SELECT count(*) FROM assignments a WHERE a.status = 'done' AND NOT EXISTS "
             "(SELECT 1 FROM evidence e WHERE e.assignment_id = a.id AND e.withdrawn_at IS NULL)",
             "done assignments without evidence"},
            {"SELECT count(*) FROM assignments WHERE version < 1", "assignments with a version below 1"},
            {"SELECT count(*) FROM tasks t WHERE NOT EXISTS (SELECT 1 FROM sections s WHERE s.id = t.section_id "
             "AND s.directive_id = t.directive_id)",
             "tasks filed under another directive's section"},
            {"SELECT count(*) FROM (SELECT project_id FROM disbursements d GROUP BY project_id "
             "HAVING sum(amount) > (SELECT plan_total FROM projects p WHERE p.id = d.project_id))",
             "projects whose entries exceed their whole plan"},
            {"SELECT count(*) FROM users WHERE role = 'agency' AND agency_id IS NULL", "agency users without an agency"},
        };
        for (const auto& [sql, what] : invariants)
            if (const int n = impl_->db.execAndGet(sql).getInt(); n > 0) problems.push_back(std::to_string(n) + " " + what);
    } catch (const std::exception& e) {
        problems.push_back(e.what());
    }
    return problems;
}

}  // namespace dt::store
