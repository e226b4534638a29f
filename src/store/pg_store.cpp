// Connecting to a PostgreSQL tracker database, its migrations, transactions, settings,
// notifications, logins and checks. The rows themselves: pg_rows.cpp, pg_rows_more.cpp.
#include "store/pg_store.h"

#include <cstdlib>

#include "core/error.h"
#include "store/faults.h"
#include "store/migrations.h"
#include "store/pg_conn.h"

namespace dt::store {

namespace fs = std::filesystem;

namespace {
// Run on every connection, the first and each reconnection.
constexpr const char* kSessionSetup = "SET client_min_messages = warning; SET TIME ZONE 'UTC'";
constexpr const char* kListen = "LISTEN dtrack_changes";

int latest() { return postgresql_migrations().empty() ? 0 : postgresql_migrations().back().version; }


bool has_meta(const PgConn& c) {
    return !c.exec("SELECT to_regclass('public.dtrack_meta')").null(0, 0);
}

int stored_version(const PgConn& c) {
    if (!has_meta(c)) return 0;
    auto r = c.exec("SELECT value FROM dtrack_meta WHERE key = 'schema_version'");
    return r.rows() == 0 ? 0 : std::atoi(r.text(0, 0).c_str());
}

// `current`: the stored version, as read when the database was opened.
void migrate(const PgConn& c, int target, int current) {
    for (const auto& m : postgresql_migrations()) {
        if (m.version > target || m.version <= current) continue;
        // One transaction per step; the lock keeps two first starts from running a step twice.
        c.run("BEGIN");
        try {
            c.run("SELECT pg_advisory_xact_lock(4452524300)");
            if (stored_version(c) >= m.version) {
                c.run("COMMIT");
                continue;
            }
            c.run(m.sql);
            c.exec("INSERT INTO dtrack_meta(key, value) VALUES ('schema_version', $1) "
                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                   PgParams().add(m.version));
            c.run("COMMIT");
        } catch (...) {
            try {
                c.run("ROLLBACK");
            } catch (...) {
                // the connection is gone: the server rolled back
            }
            throw;
        }
    }
}
}  // namespace

// postgresql://user:secret@host/db → postgresql://user@host/db: messages never show a password.
std::string without_password(const std::string& uri) {
    const auto scheme = uri.find("://");
    const auto at = uri.find('@');
    if (scheme == std::string::npos || at == std::string::npos) return uri;
    const auto colon = uri.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at) return uri;
    return uri.substr(0, colon) + uri.substr(at);
}

bool owns_database(const PgConn& c) {
    return c.exec("SELECT pg_has_role(current_user, datdba, 'MEMBER') FROM pg_database WHERE datname = current_database()")
               .text(0, 0) == "t";
}

bool journaled_by_trigger(const JournalRecord& e) {
    if (e.entity == "assignment")
        return e.field == "status" || e.field == "progress" || e.field == "owner" || e.field == "due" ||
               e.field == "completed_on" || e.field == "review" || e.field == "difficulties" ||
               e.field == "proposals" || e.field == "role" || e.field == "closed";
    if (e.entity == "evidence") return e.field == "evidence" || e.field == "evidence_withdrawn";
    if (e.entity == "extension") return e.field == "extension" && !e.old_value;
    return false;
}

std::unique_ptr<Store> open_postgres(const std::string& uri, const OpenOptions& options) {
    const fs::path shown = without_password(uri);
    std::optional<std::string> password = options.password;
    // DTRACK_PASSWORD is a tracker user's: the owner (server init) signs in as libpq says.
    if (const char* p = std::getenv("DTRACK_PASSWORD"); !password && p && *p && options.user) password = p;
    auto conn = std::make_unique<PgConn>(uri, password, options.user, shown.string());
    const PgConn& c = *conn;
    c.run(kSessionSetup);
    // Whether it is a tracker and whether it is a standby, in one request.
    const auto probe = c.exec("SELECT to_regclass('public.dtrack_meta') IS NOT NULL, pg_is_in_recovery()");
    const bool meta = probe.text(0, 0) == "t";
    const bool standby = probe.text(0, 1) == "t";
    auto version_of = [&] {
        const auto r = c.exec("SELECT value FROM dtrack_meta WHERE key = 'schema_version'");
        return r.rows() == 0 ? 0 : std::atoi(r.text(0, 0).c_str());
    };
    const int version = meta ? version_of() : 0;
    if (!meta) {
        const auto tables = c.exec("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").i64(0, 0);
        if (tables > 0)
            throw StorageError(Fault::Foreign, shown, "The PostgreSQL database '" + shown.string() +
                                                          "' holds another program's tables, not a Directive Tracker's.");
        if (!options.create)
            throw StorageError(Fault::Empty, shown, "The PostgreSQL database '" + shown.string() +
                                                        "' is empty: make it a tracker with 'dtrack --db URI server init --admin NAME'.");
    }
    if (version > latest())
        throw StorageError(Fault::Newer, shown,
                           "'" + shown.string() + "' was written by a newer Directive Tracker (schema " +
                               std::to_string(version) + "; this program knows up to " + std::to_string(latest()) +
                               "): use the newer program.");
    // Migrations need the owner's rights: anyone else meets a sentence that says who must
    // upgrade and how, not the server's refusal of the first statement.
    const int target = options.target_version.value_or(latest());
    if (version > 0 && version < target && !owns_database(c))
        throw Error(ErrorKind::Denied, Msg::ServerNeedsUpgrade, {shown.string(), version, target});
    migrate(c, target, version);
    // A hot standby delivers no notifications and refuses LISTEN: a viewer pointed at a replica
    // (docs/SERVER.md) reads without them.
    if (!standby) c.run(kListen);
    return std::make_unique<PgStore>(std::move(conn), shown);
}

PgStore::PgStore(std::unique_ptr<PgConn> conn, fs::path shown) : conn_(std::move(conn)), shown_(std::move(shown)) {}
PgStore::~PgStore() = default;

int PgStore::latest_pg_version() { return latest(); }

std::uint64_t server_round_trips(const Store& store) {
    const auto* pg = dynamic_cast<const PgStore*>(&store);
    return pg ? pg->conn().round_trips() : 0;
}
Backend PgStore::backend() const { return Backend::Postgres; }
int PgStore::schema_version() const { return stored_version(*conn_); }
const fs::path& PgStore::path() const { return shown_; }

int PgStore::data_version() const {
    // Notifications arrive with any result; between queries they wait in the socket. A lost
    // connection throws Unreachable here; reconnect() makes a new one.
    data_version_ += conn_->drain_notifications();
    return data_version_;
}

Link PgStore::reconnect() {
    if (!conn_->lost() && !conn_->reconnecting()) return Link::Up;
    // Never inside a write: its first statements went with the old connection, and the rest
    // would be committed one by one on the new one.
    if (writes_ > 0) conn_->drain_notifications();  // throws Unreachable
    // On the attempt's thread, on its own connection only.
    const bool up = conn_->reconnect_step([](const PgConn& fresh) {
        fresh.run(kSessionSetup);
        if (fresh.exec("SELECT pg_is_in_recovery()").text(0, 0) != "t") fresh.run(kListen);
    });
    if (!up) return Link::Connecting;
    ++data_version_;  // what others committed meanwhile was not notified to us
    return Link::Up;
}

bool PgStore::begin_write() {
    // Inside an open transaction (Service::batch) a use case becomes a savepoint.
    const bool nested = conn_->in_transaction();
    if (!nested) writes_ = 0;  // none can be open: a transaction would be
    // With the program's clock for the journal rows the triggers write, honoured only where the
    // database's owner allows it (dtrack_journal_row, migration 0004): one request, not two.
    const std::string clock = "SELECT set_config('dtrack.now', " + conn_->quote_literal(now_timestamp()) + ", true)";
    ++writes_;
    try {
        conn_->run(std::string(nested ? "SAVEPOINT dt_write; " : "BEGIN; ") + clock);
    } catch (...) {
        // WriteTx's destructor will not roll back: its constructor threw. A BEGIN that went
        // through is rolled back; a savepoint that did is released.
        if (nested || conn_->in_transaction()) rollback_write(nested);
        else --writes_;
        throw;
    }
    return nested;
}

void PgStore::commit_write(bool nested) {
    conn_->run(nested ? "RELEASE SAVEPOINT dt_write" : "COMMIT");
    --writes_;
}

void PgStore::rollback_write(bool nested) noexcept {
    --writes_;
    try {
        if (nested) {
            conn_->run("ROLLBACK TO SAVEPOINT dt_write");
            conn_->run("RELEASE SAVEPOINT dt_write");
        } else {
            conn_->run("ROLLBACK");
        }
    } catch (...) {
        // A lost connection has rolled back already.
    }
}

std::optional<std::string> PgStore::setting(std::string_view key) const {
    auto r = conn_->exec("SELECT value FROM settings WHERE key = $1", PgParams().add(std::string(key)));
    if (r.rows() == 0) return std::nullopt;
    return r.text(0, 0);
}

void PgStore::set_setting(std::string_view key, std::string_view value) {
    conn_->exec("INSERT INTO settings(key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                PgParams().add(std::string(key)).add(std::string(value)));
}

namespace {
std::string scram(const PgConn& c, const std::string& name, const std::string& password) {
    char* v = PQencryptPasswordConn(c.get(), password.c_str(), name.c_str(), "scram-sha-256");
    if (v == nullptr) fail(ErrorKind::Storage, "Cannot prepare the password for the database server.");
    std::string out = v;
    PQfreemem(v);
    return out;
}
}  // namespace

std::optional<std::string> PgStore::server_user() const { return conn_->user(); }

void PgStore::create_login(const std::string& name, const std::string& password, UserRole role) {
    conn_->exec("SELECT dtrack_create_login($1, $2, $3)",
                PgParams().add(name).add(scram(*conn_, name, password)).add(std::string(to_string(role))));
}

void PgStore::set_login_password(const std::string& name, const std::string& password) {
    conn_->exec("SELECT dtrack_set_password($1, $2)", PgParams().add(name).add(scram(*conn_, name, password)));
}

int PgStore::set_login_enabled(const std::string& name, bool enabled) {
    return conn_->exec("SELECT dtrack_set_login($1, $2)", PgParams().add(name).add(enabled ? "true" : "false")).i32(0, 0);
}

// backup_to and restore_from: pg_tools.cpp (pg_dump, pg_restore).

std::vector<std::string> PgStore::check() const {
    // PostgreSQL checks its own pages (data checksums, when the cluster has them) and enforces
    // foreign keys itself: what is left to find here is a database that cannot be read at all.
    std::vector<std::string> problems;
    try {
        conn_->exec("SELECT count(*) FROM assignments");
    } catch (const std::exception& e) {
        problems.push_back(e.what());
    }
    return problems;
}

void PgStore::require_sound() const {
    // The server verifies each page as it reads it (checksums, when the cluster has them) and
    // raises its own error then; a cheap read proves the connection and the schema answer.
    try {
        conn_->exec("SELECT count(*) FROM assignments");
    } catch (const std::exception& e) {
        throw storage_error(e, path(), "Cannot check");
    }
}

std::vector<std::string> PgStore::inconsistencies() const {
    // The project's own rules, as SqliteStore::inconsistencies: each line names its rows.
    static const std::pair<const char*, const char*> rules[] = {
        {"SELECT string_agg(id::text, ', ') FROM (SELECT id FROM assignments WHERE (status = 'done') <> "
         "(completed_on IS NOT NULL) ORDER BY id LIMIT 50) x",
         "assignments whose completion date does not match their status"},
        {"SELECT string_agg(id::text, ', ') FROM (SELECT a.id FROM assignments a WHERE a.status = 'done' AND NOT EXISTS "
         "(SELECT 1 FROM evidence e WHERE e.assignment_id = a.id AND e.withdrawn_at IS NULL) ORDER BY a.id LIMIT 50) x",
         "done assignments without evidence"},
        {"SELECT string_agg(id::text, ', ') FROM (SELECT id FROM assignments WHERE version < 1 ORDER BY id LIMIT 50) x",
         "assignments with a version below 1"},
        {"SELECT string_agg(id::text, ', ') FROM (SELECT t.id FROM tasks t WHERE NOT EXISTS (SELECT 1 FROM sections s "
         "WHERE s.id = t.section_id AND s.directive_id = t.directive_id) ORDER BY t.id LIMIT 50) x",
         "tasks filed under another directive's section"},
        {"SELECT string_agg(project_id::text, ', ') FROM (SELECT project_id FROM disbursements d GROUP BY project_id "
         "HAVING sum(amount) > (SELECT plan_total FROM projects p WHERE p.id = d.project_id) LIMIT 50) x",
         "projects whose entries exceed their whole plan"},
        {"SELECT string_agg(name, ', ') FROM (SELECT name FROM users WHERE role = 'agency' AND agency_id IS NULL LIMIT 50) x",
         "agency users without an agency"},
        {"SELECT string_agg(name, ', ') FROM (SELECT u.name FROM users u WHERE u.active = 1 AND NOT dtrack_tracker_login(u.name) "
         "LIMIT 50) x",
         "active users without a login role of this database"},
        {"SELECT string_agg(id::text, ', ') FROM (SELECT t.id FROM tasks t WHERE t.closed_on IS NOT NULL AND EXISTS (SELECT 1 "
         "FROM assignments a WHERE a.task_id = t.id AND a.closed_on IS NULL) ORDER BY t.id LIMIT 50) x",
         "closed tasks with open assignments"},
        {"SELECT string_agg(id::text, ', ') FROM (SELECT id FROM assignments WHERE (closed_on IS NULL) <> (closed_reason = '') "
         "UNION SELECT id FROM tasks WHERE (closed_on IS NULL) <> (closed_reason = '') ORDER BY 1 LIMIT 50) x",
         "tasks or assignments closed without a reason (or a reason without a closing)"},
    };
    std::vector<std::string> found;
    for (const auto& [sql, what] : rules) {
        const auto r = conn_->exec(sql);
        if (!r.null(0, 0)) found.push_back(std::string(what) + ": " + r.text(0, 0));
    }
    return found;
}

}  // namespace dt::store
