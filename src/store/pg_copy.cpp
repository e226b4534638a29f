// `dtrack migrate`: a tracker file copied row by row into a server database made by `server
// init`, in one server transaction. The rows keep their ids, so every reference (journal →
// assignment, evidence → user, …) stays as it was; the columns are the server's (the test
// "both schemas hold the same tables and columns" keeps them equal to the file's).
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <set>

#include "core/error.h"
#include "store/pg_conn.h"
#include "store/pg_store.h"
#include "store/server_tools.h"

namespace dt::store {

namespace fs = std::filesystem;

namespace {
// In the order their references need; sessions last (a file's command-line sessions: kept so
// that nothing is lost, though a server never reads them).
const char* const kTables[] = {"agencies", "agency_aliases", "group_members", "users", "directives", "amendments", "sections", "tasks",
                               "assignments", "evidence", "journal", "settings", "investors", "projects", "disbursements",
                               "ladder_milestones", "reports", "extension_requests", "sessions"};

// The journal rows `server init` itself writes: the first administrator, the seed's directive,
// and the seed's agencies, which the system (no user) creates; the seed's ladder is not
// journalled. Anything else in the journal, an agency added by hand too, is work the office has
// done on the server.
const char* const kSeedJournal = "entity IN ('user', 'directive') OR (entity = 'agency' AND user_id IS NULL)";


std::vector<std::string> pg_columns(const PgConn& c, const std::string& table) {
    const auto r = c.exec("SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' "
                          "AND table_name = $1 ORDER BY ordinal_position",
                          PgParams().add(table));
    std::vector<std::string> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.text(i, 0));
    return out;
}

std::set<std::string> sqlite_columns(SQLite::Database& db, const std::string& table) {
    SQLite::Statement q(db, "SELECT name FROM pragma_table_info(?)");
    q.bind(1, table);
    std::set<std::string> out;
    while (q.executeStep()) out.insert(q.getColumn(0).getString());
    return out;
}

std::int64_t pg_count(const PgConn& c, const std::string& table, const std::string& where = "") {
    return c.exec("SELECT count(*) FROM " + c.quote_ident(table) + (where.empty() ? "" : " WHERE " + where)).i64(0, 0);
}

// Refuses a target that holds more than what `server init` leaves: it would be overwritten.
void require_fresh(const PgConn& c, const std::string& shown) {
    std::vector<std::string> found;
    if (c.exec("SELECT 1 FROM dtrack_meta WHERE key = 'migrated_from'").rows() > 0) found.push_back("an earlier migrate");
    for (const char* table : {"evidence", "extension_requests", "amendments", "reports", "investors", "projects", "disbursements", "sessions"})
        if (const auto n = pg_count(c, table); n > 0) found.push_back(std::to_string(n) + " rows of " + table);
    if (const auto n = pg_count(c, "users"); n > 1) found.push_back(std::to_string(n) + " users");
    if (const auto n = pg_count(c, "journal", std::string("NOT (") + kSeedJournal + ")"); n > 0)
        found.push_back(std::to_string(n) + " journalled changes");
    if (const auto n = pg_count(c, "assignments", "version > 1"); n > 0) found.push_back(std::to_string(n) + " updated assignments");
    if (const auto n = pg_count(c, "directives"); n > 1) found.push_back(std::to_string(n) + " directives");
    if (found.empty()) return;
    std::string list;
    for (const auto& f : found) list += (list.empty() ? "" : ", ") + f;
    fail(ErrorKind::Invalid, "'" + shown + "' already holds a tracker's work (" + list +
                                 "): migrate only into a database just made by 'dtrack server init'; nothing was changed.");
}

// Inserts rows in statements of many rows each: one round trip per few thousand values.
class Inserter {
public:
    Inserter(const PgConn& c, std::string table, std::vector<std::string> columns)
        : c_(c), table_(std::move(table)), columns_(std::move(columns)) {}
    void add(std::vector<std::optional<std::string>> row, const std::vector<bool>& binary) {
        rows_.push_back({std::move(row), binary});
        for (const auto& v : rows_.back().values) bytes_ += v ? v->size() : 0;
        if (rows_.size() * columns_.size() > 20000 || bytes_ > (16u << 20)) flush();
    }
    void flush() {
        if (rows_.empty()) return;
        std::string sql = "INSERT INTO " + c_.quote_ident(table_) + " (";
        for (std::size_t i = 0; i < columns_.size(); ++i) sql += (i ? ", " : "") + c_.quote_ident(columns_[i]);
        sql += ") VALUES ";
        PgParams params;
        int n = 0;
        for (std::size_t r = 0; r < rows_.size(); ++r) {
            sql += r ? ",(" : "(";
            for (std::size_t i = 0; i < columns_.size(); ++i) {
                sql += (i ? ",$" : "$") + std::to_string(++n);
                auto& v = rows_[r].values[i];
                if (!v) params.null();
                else if (rows_[r].binary[i]) params.bytes(std::move(*v));
                else params.add(std::move(*v));
            }
            sql += ")";
        }
        c_.exec(sql, params);
        rows_.clear();
        bytes_ = 0;
    }

private:
    struct Row {
        std::vector<std::optional<std::string>> values;
        std::vector<bool> binary;
    };
    const PgConn& c_;
    std::string table_;
    std::vector<std::string> columns_;
    std::vector<Row> rows_;
    std::size_t bytes_ = 0;
};

std::int64_t copy_table(SQLite::Database& src, const PgConn& c, const std::string& table) {
    const auto columns = pg_columns(c, table);
    const auto known = sqlite_columns(src, table);
    std::string select;
    for (const auto& col : columns) {
        if (!known.count(col))
            fail(ErrorKind::Storage, "The file has no column " + table + "." + col + " that the server database has: "
                                     "open the file with this version of dtrack first, so that it is migrated.");
        select += (select.empty() ? "" : ", ") + ("\"" + col + "\"");
    }
    Inserter out(c, table, columns);
    SQLite::Statement q(src, "SELECT " + select + " FROM \"" + table + "\" ORDER BY rowid");
    std::int64_t n = 0;
    while (q.executeStep()) {
        std::vector<std::optional<std::string>> row(columns.size());
        std::vector<bool> binary(columns.size(), false);
        for (int i = 0; i < static_cast<int>(columns.size()); ++i) {
            const auto col = q.getColumn(i);
            const auto k = static_cast<std::size_t>(i);
            if (table == "users" && columns[k] == "password_hash") row[k] = "";  // the server checks passwords (SCRAM)
            else if (col.isNull()) row[k] = std::nullopt;
            else if (col.isBlob()) {
                row[k] = std::string(static_cast<const char*>(col.getBlob()), static_cast<std::size_t>(col.getBytes()));
                binary[k] = true;
            } else row[k] = col.getString();
        }
        out.add(std::move(row), binary);
        ++n;
    }
    out.flush();
    return n;
}

std::string verifier(const PgConn& c, const std::string& name, const std::string& password) {
    char* v = PQencryptPasswordConn(c.get(), password.c_str(), name.c_str(), "scram-sha-256");
    if (v == nullptr) fail(ErrorKind::Storage, "Cannot prepare the password for the database server.");
    std::string out = v;
    PQfreemem(v);
    return out;
}

// The file's users as login roles of this database's groups (migration 0002's functions).
void make_logins(SQLite::Database& src, const PgConn& c, const std::map<std::string, std::string>& passwords,
                 ServerCopy& result) {
    SQLite::Statement q(src, "SELECT name, role, active FROM users ORDER BY id");
    std::set<std::string> names;
    while (q.executeStep()) {
        const std::string name = q.getColumn(0).getString(), role = q.getColumn(1).getString();
        const bool active = q.getColumn(2).getInt() != 0;
        names.insert(name);
        const auto pw = passwords.find(name);
        const std::optional<std::string> v = pw == passwords.end() ? std::nullopt : std::optional(verifier(c, name, pw->second));
        const bool exists = c.exec("SELECT 1 FROM pg_roles WHERE rolname = $1", PgParams().add(name)).rows() > 0;
        const bool ours = exists && c.exec("SELECT dtrack_tracker_login($1)", PgParams().add(name)).text(0, 0) == "t";
        if (ours) {
            // Already a user of this tracker (the first administrator, by the same name): same role, or refused.
            if (c.exec("SELECT pg_has_role($1, dtrack_group($2), 'MEMBER')", PgParams().add(name).add(role)).text(0, 0) != "t")
                fail(ErrorKind::Invalid, "The file's user " + name + " is a " + role +
                                             ", but the server already has a user of that name with another role; nothing was changed.");
            if (v) c.exec("SELECT dtrack_set_password($1, $2)", PgParams().add(name).add(*v));
        } else {
            c.exec("SELECT dtrack_create_login($1, $2, $3)", PgParams().add(name).add(v).add(role));
        }
        c.exec("SELECT dtrack_set_login($1, $2)", PgParams().add(name).add(active ? "true" : "false"));
        if (v) result.with_password.push_back(name);
        else if (active && !ours) result.without_password.push_back(name);
    }
    for (const auto& [name, unused] : passwords)
        if (!names.count(name))
            fail(ErrorKind::Invalid, "The passwords file names " + name + ", who is not a user of the file; nothing was changed.");
}
}  // namespace

ServerCopy copy_file_to_server(const fs::path& file, const std::string& uri, const std::map<std::string, std::string>& passwords) {
    {
        // The file: a tracker of this version (migrated if older, with its backup), undamaged.
        OpenOptions o;
        o.create = false;
        const auto source = Store::open(file, o);
        if (source->backend() != Backend::Sqlite)
            fail(ErrorKind::Usage, "--from names a tracker file (a path), not a server.");
        if (const auto problems = source->check(); !problems.empty())
            fail(ErrorKind::Storage, "The file '" + file.string() + "' is damaged (" + problems.front() +
                                         "): repair or restore it before migrating.");
    }
    SQLite::Database src(file.string(), SQLite::OPEN_READONLY);

    OpenOptions o;
    o.create = false;  // an empty server database is made a tracker by `server init` first
    const auto target = open_postgres(uri, o);
    const auto& c = static_cast<PgStore&>(*target).conn();
    const std::string shown = target->path().string();
    // Disabling the journal's triggers for the copy needs the tables' owner.
    if (c.exec("SELECT (SELECT relowner FROM pg_class WHERE oid = 'public.journal'::regclass) = "
               "(SELECT oid FROM pg_roles WHERE rolname = current_user) OR "
               "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user)").text(0, 0) != "t")
        fail(ErrorKind::Denied, "migrate runs as the owner of the server database (the role that ran 'dtrack server init'), "
                                "not as " + c.user() + ".");

    ServerCopy result;
    c.run("BEGIN");
    try {
        // Nobody else writes while the rows are replaced.
        std::string all;
        for (const char* t : kTables) all += (all.empty() ? "" : ", ") + std::string(t);
        c.run("LOCK TABLE " + all + ", dtrack_meta IN EXCLUSIVE MODE");
        require_fresh(c, shown);
        // The copied journal is the journal: the triggers must not write a second one, and
        // the seed's rows (append-only for everyone else) go with the seed.
        c.run("ALTER TABLE journal DISABLE TRIGGER journal_no_update; "
              "ALTER TABLE evidence DISABLE TRIGGER evidence_journal; "
              "ALTER TABLE extension_requests DISABLE TRIGGER extension_requests_journal");
        const auto first_admin = c.exec("SELECT name, created_at, full_name FROM users WHERE role = 'admin'");
        for (const char* t : {"journal", "sessions", "group_members", "agency_aliases", "assignments", "tasks", "sections",
                              "ladder_milestones", "directives", "settings", "users", "agencies"})
            c.run(std::string("DELETE FROM ") + t);
        for (const char* t : kTables) result.tables.emplace_back(t, copy_table(src, c, t));
        for (const char* t : kTables)
            if (!pg_columns(c, t).empty() && pg_columns(c, t).front() == "id")
                c.run(std::string("SELECT setval(pg_get_serial_sequence('public.") + t + "', 'id'), coalesce(max(id), 0) + 1, false) FROM " + t);
        // The server's first administrator stays a user (the file's users come first).
        if (first_admin.rows() == 1) {
            const auto name = first_admin.text(0, 0);
            SQLite::Statement same(src, "SELECT 1 FROM users WHERE name = ?");
            same.bind(1, name);
            if (!same.executeStep()) {
                c.exec("INSERT INTO users(name, role, password_hash, active, created_at, full_name) VALUES ($1, 'admin', '', 1, $2, $3)",
                       PgParams().add(name).add(first_admin.text(0, 1)).add(first_admin.text(0, 2)));
                result.kept_admin = name;
            }
        }
        make_logins(src, c, passwords, result);
        c.run("ALTER TABLE journal ENABLE TRIGGER journal_no_update; "
              "ALTER TABLE evidence ENABLE TRIGGER evidence_journal; "
              "ALTER TABLE extension_requests ENABLE TRIGGER extension_requests_journal");
        // Nothing lost: every table holds as many rows as the file's.
        for (const auto& [table, copied] : result.tables) {
            const auto held = pg_count(c, table) - (table == "users" && result.kept_admin ? 1 : 0);
            if (held != copied)
                fail(ErrorKind::Storage, "The copy of " + table + " holds " + std::to_string(held) + " rows, not the file's " +
                                             std::to_string(copied) + "; nothing was changed.");
        }
        c.exec("INSERT INTO dtrack_meta(key, value) VALUES ('migrated_from', $1)",
               PgParams().add(fs::absolute(file).string() + " at " + now_timestamp()));
        c.run("COMMIT");
    } catch (...) {
        try {
            c.run("ROLLBACK");
        } catch (...) {
            // the connection is gone: the server rolled back
        }
        throw;
    }
    // The planner's statistics of tables that were just filled: without them the first reads
    // (the application's start, the first report) plan as for empty tables until autovacuum comes.
    c.run("ANALYZE");
    return result;
}

}  // namespace dt::store
