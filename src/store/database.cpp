// Opening, migrating and maintaining the database file.
#include <SQLiteCpp/Backup.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>

#include "core/clock.h"
#include "core/error.h"
#include "store/backups.h"
#include "store/faults.h"
#include "store/impl.h"
#include "store/migrations.h"
#include "store/pg_store.h"

namespace dt::store {

namespace fs = std::filesystem;

void create_private_file(const fs::path& path) {
    const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0) close(fd);
}

void create_private_folders(const fs::path& folder) {
    if (folder.empty()) return;
    std::error_code ec;
    if (fs::exists(fs::symlink_status(folder, ec))) return;
    if (folder.has_parent_path() && folder.parent_path() != folder) create_private_folders(folder.parent_path());
    mkdir(folder.c_str(), 0700);
}

void storage_failure(const fs::path& database, const std::string& what, const std::exception& e) {
    if (const auto* err = dynamic_cast<const Error*>(&e); err && !dynamic_cast<const StorageError*>(err)) throw *err;
    throw storage_error(e, database, what);
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
int latest() { return sqlite_migrations().empty() ? 0 : sqlite_migrations().back().version; }

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

bool has_tables(SQLite::Database& db) {
    return db.execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0;
}

// Refuses files that are not ours, or newer than this program.
void verify_identity(SQLite::Database& db, const fs::path& path) {
    const int app_id = db.execAndGet("PRAGMA application_id").getInt();
    const int version = user_version(db);
    if (app_id != kApplicationId && (has_tables(db) || version != 0))
        throw StorageError(Fault::Foreign, path, Msg::StoreForeign, {path.string()});
    if (version > latest())
        throw StorageError(Fault::Newer, path, Msg::StoreNewer, {path.string(), version, latest()});
}

std::uint32_t big_endian(const unsigned char* p) {
    return std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | std::uint32_t(p[3]);
}

// What can be told from the file's first 100 bytes and its size, before SQLite reads it: empty,
// not SQLite, or shorter than its own header says (cut short). Costs one read, whatever the size.
void check_header(const fs::path& path, const OpenOptions& options) {
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) return;  // SQLite will say what is wrong
    if (size == 0) {
        // A file SQLite created and never wrote (a first start cut short) is a new database; one
        // that had backups made of it was a database and has lost everything.
        if (options.accept_empty || (options.create && list_backups(path).empty())) return;
        throw StorageError(Fault::Empty, path, Msg::StoreEmpty, {path.string()});
    }
    unsigned char header[100] = {};
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(header), sizeof header);
    if (!in && in.gcount() < static_cast<std::streamsize>(sizeof header)) {
        if (in.gcount() == 0 && !in.eof()) return;  // unreadable: SQLite will say why
        throw StorageError(Fault::NotDatabase, path, Msg::StoreNotDatabase, {path.string()});
    }
    static constexpr char kMagic[] = "SQLite format 3";
    if (std::memcmp(header, kMagic, sizeof kMagic) != 0)
        throw StorageError(Fault::NotDatabase, path, Msg::StoreNotDatabase, {path.string()});
    // The page count at offset 28 is valid when the change counter (24) equals the
    // version-valid-for number (92). Pages still in the -wal may legitimately be missing.
    std::uintmax_t page_size = (std::uintmax_t(header[16]) << 8) | header[17];
    if (page_size == 1) page_size = 65536;
    const std::uintmax_t pages = big_endian(header + 28);
    const fs::path wal = path.string() + "-wal";
    const bool wal_has_frames = fs::exists(wal, ec) && fs::file_size(wal, ec) > 0;
    if (!wal_has_frames && pages > 0 && big_endian(header + 24) == big_endian(header + 92) && size < pages * page_size)
        throw StorageError(Fault::Damaged, path, Msg::StoreCutShort, {path.string(), size, pages * page_size});
}

void migrate(SQLite::Database& db, int target) {
    for (const auto& m : sqlite_migrations()) {
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
            try {
                db.exec("ROLLBACK");
            } catch (...) {
                // SQLite already rolled back (a full disk does that): the step left nothing behind
            }
            throw;
        }
    }
}
}  // namespace

bool is_server_spec(std::string_view spec) {
    return spec.starts_with("postgresql://") || spec.starts_with("postgres://");
}

std::unique_ptr<Store> Store::open(const fs::path& spec, const OpenOptions& options) {
    if (is_server_spec(spec.native())) return open_postgres(spec.native(), options);
    return SqliteStore::open(spec, options);
}

std::unique_ptr<Store> SqliteStore::open(const fs::path& path, const OpenOptions& options) {
    const std::string what = "Cannot open the database";
    std::error_code ec;
    const bool existed = fs::exists(path, ec);
    if (!existed && !options.create) throw StorageError(Fault::Missing, path, Msg::StoreMissing, {path.string()});
    if (existed && fs::is_directory(path, ec))
        fail(ErrorKind::Storage, Msg::StoreIsFolder, {path.string()});
    if (existed) check_header(path, options);
    try {
        if (!existed && path.has_parent_path()) create_private_folders(path.parent_path());
        if (!existed && options.create) create_private_file(path);  // 0600: the database and SQLite's files beside it
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
            create_private_file(backup);
            SQLite::Database target_db(backup.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            SQLite::Backup(target_db, db).executeStep(-1);
        }
        migrate(db, target);
        db.exec("PRAGMA synchronous = NORMAL");
        return std::unique_ptr<Store>(new SqliteStore(std::move(impl)));
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        storage_failure(path, what, e);
    }
}

SqliteStore::SqliteStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqliteStore::~SqliteStore() = default;

int Store::latest_version() { return latest(); }
Backend SqliteStore::backend() const { return Backend::Sqlite; }
int SqliteStore::schema_version() const { return user_version(impl_->db); }
const fs::path& SqliteStore::path() const { return impl_->path; }
int SqliteStore::data_version() const { return impl_->db.execAndGet("PRAGMA data_version").getInt(); }
Link SqliteStore::reconnect() { return Link::Up; }  // a file is not a connection that can be lost

Store::WriteTx::WriteTx(Store& store) : store_(store) {
    // The store throws its StorageError when it cannot begin; then there is nothing to undo.
    nested_ = store_.begin_write();
}

Store::WriteTx::~WriteTx() {
    if (open_) store_.rollback_write(nested_);
}

void Store::WriteTx::commit() {
    store_.commit_write(nested_);
    open_ = false;
}

bool SqliteStore::begin_write() {
    try {
        // Inside an open transaction (Service::batch) a use case becomes a savepoint: it is
        // still all-or-nothing, and the outer transaction commits everything at once.
        const bool nested = sqlite3_get_autocommit(impl_->db.getHandle()) == 0;
        impl_->db.exec(nested ? "SAVEPOINT dt_write" : "BEGIN IMMEDIATE");
        return nested;
    } catch (const std::exception& e) {
        storage_failure(path(), "Cannot start writing to the database", e);
    }
}

void SqliteStore::rollback_write(bool nested) noexcept {
    try {
        if (nested) {
            impl_->db.exec("ROLLBACK TO dt_write");
            impl_->db.exec("RELEASE dt_write");
        } else {
            impl_->db.exec("ROLLBACK");
        }
    } catch (...) {
        // Rolling back a transaction that SQLite already ended is harmless.
    }
}

void SqliteStore::commit_write(bool nested) {
    try {
        impl_->db.exec(nested ? "RELEASE dt_write" : "COMMIT");
    } catch (const std::exception& e) {
        storage_failure(path(), "Cannot save the change to the database", e);
    }
}

std::optional<std::string> SqliteStore::setting(std::string_view key) const {
    SQLite::Statement q(impl_->db, "SELECT value FROM settings WHERE key = ?");
    q.bind(1, std::string(key));
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getString();
}

void SqliteStore::set_setting(std::string_view key, std::string_view value) {
    SQLite::Statement q(impl_->db, "INSERT INTO settings(key, value) VALUES (?, ?) "
                                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    q.bind(1, std::string(key));
    q.bind(2, std::string(value));
    q.exec();
}

void SqliteStore::backup_to(const fs::path& target) const {
    std::error_code ec;
    const bool existed = fs::exists(target, ec);
    try {
        if (!existed) create_private_file(target);  // 0600: a backup is the whole database
        SQLite::Database out(target.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        SQLite::Backup(out, impl_->db).executeStep(-1);
    } catch (const std::exception& e) {
        // Half a backup never stays behind to look like a whole one (a full disk, say).
        if (!existed)
            for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(target.string() + suffix, ec);
        storage_failure(target, "Cannot write the backup", e);
    }
}

void verify_tracker_file(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        fail(ErrorKind::Invalid, Msg::NotAFile, {path.string()});
    OpenOptions options;
    options.create = false;
    check_header(path, options);
    try {
        SQLite::Database src(path.string(), SQLite::OPEN_READONLY);
        verify_identity(src, path);
        if (src.execAndGet("PRAGMA application_id").getInt() != kApplicationId)
            throw StorageError(Fault::Foreign, path, Msg::StoreNotTracker, {path.string()});
        const auto result = src.execAndGet("PRAGMA quick_check").getString();
        if (result != "ok")
            throw StorageError(Fault::Damaged, path, Msg::StoreDamaged, {path.string(), result});
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        storage_failure(path, "Cannot read", e);
    }
}

void SqliteStore::restore_from(const fs::path& source) {
    verify_tracker_file(source);
    try {
        SQLite::Database src(source.string(), SQLite::OPEN_READONLY);
        SQLite::Backup(impl_->db, src).executeStep(-1);
        migrate(impl_->db, latest());
    } catch (const std::exception& e) {
        storage_failure(impl_->path, "Cannot restore from '" + source.string() + "' into", e);
    }
}

std::vector<std::string> SqliteStore::check() const {
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
    } catch (const std::exception& e) {
        problems.push_back(e.what());
    }
    return problems;
}

void SqliteStore::require_sound() const {
    std::string result;
    try {
        result = impl_->db.execAndGet("PRAGMA quick_check").getString();
    } catch (const std::exception& e) {
        storage_failure(impl_->path, "Cannot check", e);
    }
    if (result != "ok")
        throw StorageError(Fault::Damaged, impl_->path,
                           "The database '" + impl_->path.string() + "' is damaged (" + result + ").");
}

std::vector<std::string> SqliteStore::inconsistencies() const {
    // The project's own rules: what the service guarantees, checked on the file itself. A
    // broken rule is not a damaged file: each line names the rows, so they can be repaired.
    static const std::pair<const char*, const char*> rules[] = {
        {"SELECT group_concat(id, ', ') FROM (SELECT id FROM assignments WHERE (status = 'done') != (completed_on IS NOT NULL) "
         "ORDER BY id LIMIT 50)",
         "assignments whose completion date does not match their status"},
        {"SELECT group_concat(id, ', ') FROM (SELECT a.id FROM assignments a WHERE a.status = 'done' AND NOT EXISTS "
         "(SELECT 1 FROM evidence e WHERE e.assignment_id = a.id AND e.withdrawn_at IS NULL) ORDER BY a.id LIMIT 50)",
         "done assignments without evidence"},
        {"SELECT group_concat(id, ', ') FROM (SELECT id FROM assignments WHERE version < 1 ORDER BY id LIMIT 50)",
         "assignments with a version below 1"},
        {"SELECT group_concat(id, ', ') FROM (SELECT t.id FROM tasks t WHERE NOT EXISTS (SELECT 1 FROM sections s "
         "WHERE s.id = t.section_id AND s.directive_id = t.directive_id) ORDER BY t.id LIMIT 50)",
         "tasks filed under another directive's section"},
        {"SELECT group_concat(project_id, ', ') FROM (SELECT project_id FROM disbursements d GROUP BY project_id "
         "HAVING sum(amount) > (SELECT plan_total FROM projects p WHERE p.id = d.project_id) LIMIT 50)",
         "projects whose entries exceed their whole plan"},
        {"SELECT group_concat(name, ', ') FROM (SELECT name FROM users WHERE role = 'agency' AND agency_id IS NULL LIMIT 50)",
         "agency users without an agency"},
        {"SELECT group_concat(id, ', ') FROM (SELECT t.id FROM tasks t WHERE t.closed_on IS NOT NULL AND EXISTS (SELECT 1 "
         "FROM assignments a WHERE a.task_id = t.id AND a.closed_on IS NULL) ORDER BY t.id LIMIT 50)",
         "closed tasks with open assignments"},
        {"SELECT group_concat(id, ', ') FROM (SELECT id FROM assignments WHERE (closed_on IS NULL) != (closed_reason = '') "
         "UNION SELECT id FROM tasks WHERE (closed_on IS NULL) != (closed_reason = '') ORDER BY 1 LIMIT 50)",
         "tasks or assignments closed without a reason (or a reason without a closing)"},
    };
    std::vector<std::string> found;
    for (const auto& [sql, what] : rules) {
        const auto ids = impl_->db.execAndGet(sql);
        if (!ids.isNull()) found.push_back(std::string(what) + ": " + ids.getString());
    }
    return found;
}

}  // namespace dt::store
