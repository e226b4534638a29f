#pragma once
// Shared test fixtures: a temporary folder, a store with the registry, hand-built outlines.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "core/error.h"
#include "importer/outline.h"
#include "service/service.h"
#include "store/store.h"

namespace dt::test {

struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

// A database with the Cao Bằng registry and a small hand-built directive "99/CT-TEST":
// task 1.1 (Sở Tài chính lead, Sở Xây dựng coordinate, due 2025-06-30),
// task 1.2 (group UBND các huyện, thành phố, due 2025-12-31, about "giải ngân vốn"),
// task 2.1 (Sở Công Thương, no deadline).
//
// With DT_TEST_PG set (a postgresql:// URI of a throwaway cluster's superuser or a role that
// may create databases and roles: ./test.sh sets it inside pg_virtualenv) the Fixture's
// database is a fresh PostgreSQL database instead, dropped with its roles at the end; the
// service runs as the database's owner, and add_user's actors are the users' rows.
struct PgDatabase;
struct Fixture {
    TempDir dir;
    std::unique_ptr<PgDatabase> pg;  // set in PostgreSQL mode; outlives the store below
    std::unique_ptr<store::Store> store;
    std::unique_ptr<service::Service> service;
    service::Actor admin;
    Fixture();
    ~Fixture();
    // Adds a user with a fast path (the service still hashes with argon2id) and signs in.
    service::Actor add_user(const std::string& name, UserRole role, std::optional<std::string> agency = {});
    store::Id assignment_of(const std::string& task_ref, const std::string& agency) const;
};

// The cluster URI of DT_TEST_PG; none when the suite runs on files only.
std::optional<std::string> test_pg_uri();

// A fresh, empty PostgreSQL database for one test: created on construction; on destruction its
// connections are ended and it is dropped with the login and group roles made for it.
struct PgDatabase {
    PgDatabase();
    ~PgDatabase();
    PgDatabase(const PgDatabase&) = delete;
    PgDatabase& operator=(const PgDatabase&) = delete;
    std::string name;
    std::string uri;  // as the cluster's user (the owner)
    // The same database as user `user` with no password in the URI (pass DTRACK_PASSWORD or PGPASSWORD).
    std::string uri_as(const std::string& user) const;
    // Runs psql against this database as `user` with `password`; stdout and stderr together.
    CommandResult psql(const std::string& user, const std::string& password, const std::string& sql) const;
    CommandResult psql_owner(const std::string& sql) const;  // as the cluster's user, stopping at an error
};

// A server that never answers: a TCP port on 127.0.0.1 that listens and accepts nothing, so a
// connection is made by the kernel and then nothing comes (as a server behind a dead network
// or a hung one); closed at the end.
struct SilentPort {
    SilentPort();
    ~SilentPort();
    SilentPort(const SilentPort&) = delete;
    SilentPort& operator=(const SilentPort&) = delete;
    int fd = -1;
    int port = 0;
    // `uri` (postgresql://[user[:pw]@]host:port/db[?…]) with this port as its first host, tried
    // first and held for `timeout` seconds each time (libpq's connect_timeout, per host), then the
    // real server.
    std::string first_in(const std::string& uri, int timeout = 2) const;
};

// Fixes "now" (dates and the journal's timestamps) at noon UTC of `day` while it lives: a test
// changes a database over several dates as the office would have.
struct FixedClock {
    explicit FixedClock(Date day);
    ~FixedClock();
    FixedClock(const FixedClock&) = delete;
    FixedClock& operator=(const FixedClock&) = delete;
};

importer::Outline small_outline();

std::string read_text(const std::filesystem::path& path);

// The kind of dt::Error that `f` raises; a test failure when it raises none.
ErrorKind kind_of(const std::function<void()>& f);

// Runs the built dtrack with arguments (each quoted), environment assignments prefixed.
CommandResult run_dtrack(const std::string& args, const std::string& env = "");
// The same with another copy of the program (`exe`, a path).
CommandResult run_program(const std::string& exe, const std::string& args, const std::string& env = "");

}  // namespace dt::test
