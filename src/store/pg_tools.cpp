// Backups of a server database with PostgreSQL's own tools: pg_dump -Fc and pg_restore. They
// run as this connection's user with this connection's parameters, handed over in the PG*
// environment variables libpq reads (the password among them): never on a command line, where
// any user of the machine could read it in the process list.
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

#include "core/error.h"
#include "store/pg_conn.h"
#include "store/pg_store.h"
#include "store/server_tools.h"

extern char** environ;

namespace dt::store {

namespace fs = std::filesystem;

namespace {
const char* const kAdvice = " (docs/SERVER.md, \"Backups\")";

// This process's environment without libpq's variables, then the connection's parameters.
std::vector<std::string> tool_environment(const PgConn& c) {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e)
        if (std::strncmp(*e, "PG", 2) != 0 && std::strncmp(*e, "DTRACK_PASSWORD=", 16) != 0) env.emplace_back(*e);
    PQconninfoOption* options = PQconninfo(c.get());
    for (auto* o = options; o && o->keyword; ++o)
        if (o->envvar && o->val && *o->val) env.push_back(std::string(o->envvar) + "=" + o->val);
    PQconninfoFree(options);
    return env;
}

// Runs `tool` with `args`; its first lines of complaint come back in `err`. -1: not installed.
int run_tool(const std::string& tool, const std::vector<std::string>& args, const std::vector<std::string>& env,
             std::string& err) {
    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) != 0) fail(ErrorKind::Storage, "Cannot start " + tool + ": " + std::strerror(errno) + ".");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 2);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
    std::vector<char*> argv{const_cast<char*>(tool.c_str())};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, tool.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_fds[1]);
    if (spawned != 0) {
        close(pipe_fds[0]);
        if (spawned == ENOENT) return -1;
        fail(ErrorKind::Storage, "Cannot start " + tool + ": " + std::strerror(spawned) + ".");
    }
    char buffer[4096];
    ssize_t n = 0;
    while ((n = read(pipe_fds[0], buffer, sizeof buffer)) != 0) {
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) break;
        if (err.size() < 8192) err.append(buffer, static_cast<std::size_t>(n));
    }
    close(pipe_fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

// pg_dump's and pg_restore's complaint, as one line: their first "error:" line.
std::string complaint(const std::string& err) {
    std::string line;
    std::size_t start = 0;
    while (start < err.size()) {
        auto end = err.find('\n', start);
        if (end == std::string::npos) end = err.size();
        const auto l = err.substr(start, end - start);
        if (line.empty() && !l.empty()) line = l;
        if (l.find("error:") != std::string::npos) return l;
        start = end + 1;
    }
    return line.empty() ? "no message" : line;
}

[[noreturn]] void missing(const std::string& tool) {
    fail(ErrorKind::Storage, tool + " was not found: install PostgreSQL's client programs (apt-get install postgresql-client) "
                                    "on this computer, then try again" + kAdvice + ".");
}

bool is_owner(const PgConn& c) {
    return c.exec("SELECT (SELECT datdba FROM pg_database WHERE datname = current_database()) = "
                  "(SELECT oid FROM pg_roles WHERE rolname = current_user) OR "
                  "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user)").text(0, 0) == "t";
}
}  // namespace

void PgStore::backup_to(const fs::path& target) const {
    // pg_dump reads every row and sequence, past row-level security: the owner's job.
    if (!is_owner(*conn_))
        fail(ErrorKind::Denied, "A server database is backed up by its owner (the role that ran 'dtrack server init'), not by " +
                                    conn_->user() + kAdvice + ".");
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::random_device rd;
    const fs::path temp = folder / ("." + target.filename().string() + ".tmp-" + std::to_string(rd()));
    // Made 0600 before pg_dump writes a byte (it keeps an existing file's mode): a backup is the whole database.
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) fail(ErrorKind::Storage, "Cannot write the backup '" + target.string() + "': " + std::strerror(errno) + ".");
    close(fd);
    std::string err;
    const int status = run_tool("pg_dump", {"--format=custom", "--file=" + temp.string()}, tool_environment(*conn_), err);
    std::error_code ec;
    if (status != 0) {
        fs::remove(temp, ec);
        if (status == -1) missing("pg_dump");
        fail(ErrorKind::Storage, "pg_dump could not back up " + shown_.string() + ": " + complaint(err) + kAdvice + ".");
    }
    fs::rename(temp, target, ec);
    if (ec) {
        fs::remove(temp, ec);
        fail(ErrorKind::Storage, "Cannot write the backup '" + target.string() + "': " + ec.message() + ".");
    }
}

void PgStore::restore_from(const fs::path&) {
    // This database is a tracker already: a restore goes into a new, empty one.
    fail(ErrorKind::Invalid, "The server database " + shown_.string() +
                                 " is not empty: restore into a new, empty database (createdb -O OWNER NAME), then point "
                                 "the office at it" + kAdvice + ".");
}

void restore_server_backup(const std::string& uri, const fs::path& source) {
    std::error_code ec;
    if (!fs::is_regular_file(source, ec)) fail(ErrorKind::Invalid, "There is no backup file '" + source.string() + "'.");
    {
        // A pg_dump custom archive starts with "PGDMP"; a tracker file or anything else is refused here.
        char magic[5] = {};
        const int fd = ::open(source.c_str(), O_RDONLY | O_CLOEXEC);
        const bool ok = fd >= 0 && read(fd, magic, 5) == 5 && std::memcmp(magic, "PGDMP", 5) == 0;
        if (fd >= 0) close(fd);
        if (!ok)
            fail(ErrorKind::Invalid, "'" + source.string() + "' is not a server backup (made by 'dtrack backup' on a server, "
                                     "pg_dump -Fc)" + kAdvice + ".");
    }
    PgConn c(uri, std::nullopt, std::nullopt, without_password(uri));
    c.run("SET client_min_messages = warning");
    const auto db = c.exec("SELECT current_database()").text(0, 0);
    const auto tables = c.exec("SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'v', 'S')").i64(0, 0);
    if (tables > 0)
        fail(ErrorKind::Invalid, "The database " + db + " is not empty (" + std::to_string(tables) +
                                     " tables and sequences): restore into a new, empty database (createdb -O OWNER NAME)" +
                                     kAdvice + "; nothing was changed.");
    if (!is_owner(c))
        fail(ErrorKind::Denied, "A server backup is restored by the owner of the new database, not by " + c.user() + kAdvice + ".");
    std::string err;
    // --no-owner: the tables belong to whoever restores (the new database's owner); one
    // transaction, so a failure leaves the database empty.
    const int status = run_tool("pg_restore", {"--no-owner", "--single-transaction", "--exit-on-error", "--dbname=" + db, source.string()},
                                tool_environment(c), err);
    if (status == -1) missing("pg_restore");
    if (status != 0)
        fail(ErrorKind::Storage, "pg_restore could not restore '" + source.string() + "' into " + db + " (nothing was restored): " +
                                     complaint(err) + kAdvice + ".");
    // What pg_dump does not carry: who may connect to this database (migration 0002's grants;
    // no temporary tables since 0010: they shadowed the tables in SECURITY DEFINER functions).
    c.run("DO $$ DECLARE g text; BEGIN "
          "FOREACH g IN ARRAY ARRAY[dtrack_group('admin'), dtrack_group('agency'), dtrack_group('viewer')] LOOP "
          "IF EXISTS (SELECT FROM pg_roles WHERE rolname = g) THEN "
          "EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), g); END IF; END LOOP; "
          "EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database()); END $$");
}

}  // namespace dt::store
