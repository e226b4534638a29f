#pragma once
// Private to store/: a small RAII wrapper over libpq's C API. One PgConn per PgStore; results
// are read as text (dates and timestamps are stored as ISO text, as in the SQLite file).
#include <libpq-fe.h>

#include <cstdint>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/error.h"

namespace dt::store {

// Positional parameters $1, $2, … in order of add(); none = SQL NULL.
class PgParams {
public:
    PgParams& add(std::string v);
    PgParams& add(const char* v) { return add(std::string(v)); }
    PgParams& add(std::int64_t v) { return add(std::to_string(v)); }
    PgParams& add(int v) { return add(std::to_string(v)); }
    PgParams& add(const std::optional<std::string>& v);
    PgParams& add(const std::optional<Date>& v);
    PgParams& add(const std::optional<std::int64_t>& v);
    PgParams& add(Date v) { return add(v.iso()); }
    PgParams& null();
    PgParams& bytes(std::string data);  // bytea, sent as binary

    std::vector<const char*> values() const;
    std::vector<int> lengths() const;
    std::vector<int> formats() const;
    int size() const { return static_cast<int>(values_.size()); }

private:
    std::vector<std::optional<std::string>> values_;
    std::vector<int> formats_;
};

class PgResult {
public:
    explicit PgResult(PGresult* r) : r_(r, &PQclear) {}
    int rows() const { return PQntuples(r_.get()); }
    bool null(int row, int col) const { return PQgetisnull(r_.get(), row, col) != 0; }
    std::string text(int row, int col) const;
    std::int64_t i64(int row, int col) const;
    int i32(int row, int col) const { return static_cast<int>(i64(row, col)); }
    std::optional<std::string> opt_text(int row, int col) const;
    std::optional<Date> opt_date(int row, int col) const;
    std::optional<std::int64_t> opt_i64(int row, int col) const;
    std::string bytes(int row, int col) const;  // a bytea column
    long affected() const;                      // rows an INSERT/UPDATE/DELETE touched
    PGresult* get() const { return r_.get(); }

private:
    std::unique_ptr<PGresult, void (*)(PGresult*)> r_;
};

// Row `i` of a result for the shared readers (store/rows.h).
struct PgRow {
    const PgResult& r;
    int i;
    std::string text(int c) const { return r.text(i, c); }
    std::int64_t i64(int c) const { return r.i64(i, c); }
    int i32(int c) const { return r.i32(i, c); }
    std::optional<std::string> opt_text(int c) const { return r.opt_text(i, c); }
    std::optional<Date> opt_date(int c) const { return r.opt_date(i, c); }
    std::optional<std::int64_t> opt_i64(int c) const { return r.opt_i64(i, c); }
};

// Every row of `r`, each read by `read` (one of store/rows.h's readers).
template <typename Read>
auto read_rows(const PgResult& r, Read read) {
    std::vector<decltype(read(PgRow{r, 0}))> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) out.push_back(read(PgRow{r, i}));
    return out;
}

// What went wrong in the server, as the Error the CLI and GUI understand: refused by a grant or
// a policy → Denied (exit 3), a serialization failure → Conflict (4), anything else → Storage
// (5). A server that cannot be reached, or a connection lost, is not a PgError but a
// StorageError of Fault::Unreachable (store/faults.h), so that the GUI tells it from a damaged
// database: it keeps the window and reconnects instead of offering a restore.
class PgError : public Error {
public:
    PgError(std::string sqlstate, const std::string& message, bool connection_lost);
    const std::string& sqlstate() const { return sqlstate_; }
    bool connection_lost() const { return connection_lost_; }

private:
    std::string sqlstate_;
    bool connection_lost_;
};

// postgresql://user:secret@host/db → postgresql://user@host/db: messages never show a password.
std::string without_password(const std::string& uri);

class PgConn {
public:
    // Connects; libpq reads PGPASSWORD, ~/.pgpass and PGSERVICE itself; `password`, when given,
    // comes first. `shown` names the database in messages (the URI without its password).
    // Throws StorageError(Unreachable) when the server cannot be reached, PgError (Denied) when
    // it refuses the user. Unless the URI says otherwise, a connection attempt gives up after
    // 5 s, and TCP keepalives notice a network gone silent within about half a minute.
    PgConn(const std::string& conninfo, const std::optional<std::string>& password, const std::optional<std::string>& user,
           std::string shown);
    ~PgConn();
    PgResult exec(const std::string& sql, const PgParams& params = {}) const;
    void run(const std::string& sql) const;  // one or more statements, no parameters, no rows
    // Drains notifications without blocking; returns how many came from other connections.
    int drain_notifications() const;
    bool in_transaction() const;
    bool lost() const { return PQstatus(conn_.get()) != CONNECTION_OK; }
    // Connects again without making the caller wait on the network (the window's frame: a
    // server that never answers holds an attempt for the whole connect timeout). The first call
    // starts a new connection with the same parameters on a thread of its own, which alone uses
    // it and runs `setup` on it (the session's settings, LISTEN); later calls return false while
    // that thread works, and true once its connection has replaced this one's (handed over on
    // the caller's thread). A failed attempt throws here as the constructor does; the next call
    // starts another. Destroying a PgConn waits for an attempt under way (at most the timeout).
    bool reconnect_step(const std::function<void(const PgConn&)>& setup);
    bool reconnecting() const { return attempt_.valid(); }
    std::string user() const { return PQuser(conn_.get()); }
    std::string quote_ident(const std::string& name) const;
    std::string quote_literal(const std::string& value) const;
    PGconn* get() const { return conn_.get(); }
    // Requests sent and answered (exec, run: one each, however many statements `run` carries;
    // drain_notifications only reads what already came). The benchmark's and the tests' count
    // of a use case's waits for the server, which the machine's load does not change.
    std::uint64_t round_trips() const { return round_trips_; }

private:
    PgConn(std::vector<std::string> keys, std::vector<std::string> values, std::string shown);
    void connect();
    [[noreturn]] void fail_connect() const;
    [[noreturn]] void fail(const PgResult& r) const;
    std::vector<std::string> keys_, values_;  // libpq's connection keywords, kept for reconnect_step
    std::unique_ptr<PGconn, void (*)(PGconn*)> conn_;
    std::string shown_;
    mutable std::uint64_t round_trips_ = 0;
    std::future<std::unique_ptr<PgConn>> attempt_;  // reconnect_step's, while under way
};


}  // namespace dt::store
