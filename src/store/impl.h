#pragma once
// Private to store/: the SQLite connection behind a SqliteStore.
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "store/queries.h"
#include "store/rows.h"
#include "store/sqlite_store.h"

namespace dt::store {

constexpr int kApplicationId = 0x44545243;  // "DTRC": marks a file as ours

struct SqliteStore::Impl {
    std::filesystem::path path;
    SQLite::Database db;
    Impl(const std::filesystem::path& p, int flags) : path(p), db(p.string(), flags, 5000) {}
};

// Column helpers that keep NULL distinct from empty.
std::optional<std::string> opt_text(const SQLite::Column& c);
std::optional<Date> opt_date(const SQLite::Column& c);
void bind_opt(SQLite::Statement& s, int index, const std::optional<std::string>& v);
void bind_opt(SQLite::Statement& s, int index, const std::optional<Date>& v);
void bind_opt(SQLite::Statement& s, int index, const std::optional<Id>& v);

// A SQLite statement's current row for the shared readers (store/rows.h).
struct SqliteRow {
    SQLite::Statement& q;
    std::string text(int c) const { return q.getColumn(c).getString(); }
    std::int64_t i64(int c) const { return q.getColumn(c).getInt64(); }
    int i32(int c) const { return q.getColumn(c).getInt(); }
    std::optional<std::string> opt_text(int c) const { return store::opt_text(q.getColumn(c)); }
    std::optional<Date> opt_date(int c) const { return store::opt_date(q.getColumn(c)); }
    std::optional<std::int64_t> opt_i64(int c) const {
        if (q.getColumn(c).isNull()) return std::nullopt;
        return q.getColumn(c).getInt64();
    }
};

// Every row of `q`, each read by `read` (one of store/rows.h's readers).
template <typename Read>
auto read_rows(SQLite::Statement& q, Read read) {
    std::vector<decltype(read(SqliteRow{q}))> out;
    while (q.executeStep()) out.push_back(read(SqliteRow{q}));
    return out;
}

// Creates `path` empty with mode 0600 (never through a link) when it does not exist, so that
// SQLite, which gives its -wal, -shm and -journal the main file's mode, keeps all of them
// private whatever the umask; and `folder`'s missing ancestors with mode 0700.
void create_private_file(const std::filesystem::path& path);
void create_private_folders(const std::filesystem::path& folder);

// Throws the StorageError (store/faults.h) for `e`, met while doing `what` with `database`.
[[noreturn]] void storage_failure(const std::filesystem::path& database, const std::string& what, const std::exception& e);

}  // namespace dt::store
