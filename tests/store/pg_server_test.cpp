// Server mode (issue 12): the PostgreSQL schema matches SQLite's, the database itself enforces
// the roles against psql, concurrent writers, a lost connection. Needs DT_TEST_PG (./test.sh
// runs these inside pg_virtualenv); without it they are skipped, and test.sh fails instead.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "support.h"

using namespace dt;
using namespace dt::test;

namespace {
const bool kNoServer = std::getenv("DT_TEST_PG") == nullptr;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

// A tracker on the server made by `dtrack server init`, with an agency user of Sở Tài chính.
struct ServerTracker {
    PgDatabase db;
    ServerTracker() {
        const auto init = run_dtrack("--db '" + db.uri + "' server init --admin boss", "DTRACK_PASSWORD=boss-password-1");
        REQUIRE_MESSAGE(init.exit_code == 0, init.err);
        const auto add = run_dtrack("--db '" + db.uri_as("boss") + "' --user boss user add hanh --role agency --agency 'Sở Tài chính'",
                                    "DTRACK_PASSWORD=boss-password-1 DTRACK_NEW_PASSWORD=hanh-password-1");
        REQUIRE_MESSAGE(add.exit_code == 0, add.err);
    }
    CommandResult as_hanh(const std::string& args) const {
        return run_dtrack("--db '" + db.uri_as("hanh") + "' --user hanh " + args, "DTRACK_PASSWORD=hanh-password-1");
    }
    std::string owner_query(const std::string& sql) const {
        return db.psql_owner(sql).out;
    }
};
}  // namespace

TEST_CASE("both schemas hold the same tables and columns" * doctest::skip(kNoServer)) {
    TempDir dir;
    store::Store::open(dir / "t.db");
    SQLite::Database file((dir / "t.db").string());
    SQLite::Statement q(file, "SELECT m.name || '.' || p.name FROM sqlite_master m, pragma_table_info(m.name) p "
                              "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'");
    std::vector<std::string> sqlite_columns;
    while (q.executeStep()) sqlite_columns.push_back(q.getColumn(0).getString());
    std::sort(sqlite_columns.begin(), sqlite_columns.end());

    PgDatabase db;
    store::Store::open(db.uri);
    auto pg_columns = lines_of(db.psql_owner("SELECT table_name || '.' || column_name FROM information_schema.columns "
                                             "WHERE table_schema = 'public' AND table_name <> 'dtrack_meta'").out);
    std::sort(pg_columns.begin(), pg_columns.end());
    CHECK(sqlite_columns.size() > 100);
    CHECK(pg_columns == sqlite_columns);
}

TEST_CASE("an agency connecting with psql can do no more than the application lets it" * doctest::skip(kNoServer)) {
    ServerTracker t;
    const auto own = t.owner_query("SELECT a.id FROM assignments a JOIN agencies g ON g.id = a.agency_id "
                                   "WHERE g.name = 'Sở Tài chính' AND a.due IS NOT NULL ORDER BY a.id LIMIT 1");
    const auto other = t.owner_query("SELECT a.id FROM assignments a JOIN agencies g ON g.id = a.agency_id "
                                     "WHERE g.name <> 'Sở Tài chính' ORDER BY a.id LIMIT 1");
    REQUIRE(!own.empty());
    REQUIRE(!other.empty());
    const std::string own_id = lines_of(own).front(), other_id = lines_of(other).front();
    const auto before = t.owner_query("SELECT count(*) FROM assignments; SELECT count(*) FROM journal; "
                                      "SELECT count(*) FROM users; SELECT due FROM assignments WHERE id = " + own_id);

    // DELETE and TRUNCATE of every table (as the schema has them, so a new table is tried too): refused.
    const auto tables = lines_of(t.owner_query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"));
    CHECK(tables.size() >= 22);
    for (const auto& table : tables) {
        CAPTURE(table);
        for (const char* verb : {"DELETE FROM ", "TRUNCATE "}) {
            const auto r = t.db.psql("hanh", "hanh-password-1", verb + table);
            CHECK(r.out == "ERROR:  permission denied for table " + table + "\n");
        }
    }
    // Nor rewrite or delete a journal row.
    for (const char* sql : {"UPDATE journal SET new_value = 'x'", "DELETE FROM journal WHERE id > 0"})
        CHECK(t.db.psql("hanh", "hanh-password-1", sql).out == "ERROR:  permission denied for table journal\n");
    // Evidence only for its own assignments: another agency's is refused by the row-level policy.
    CHECK(t.db.psql("hanh", "hanh-password-1", "INSERT INTO evidence(assignment_id, note, created_at) VALUES (" + other_id +
                                              ", 'x', '2025-01-01')")
              .out == "ERROR:  new row violates row-level security policy for table \"evidence\"\n");
    // Another agency's assignment: not visible to UPDATE (row-level security), nothing changes.
    CHECK(t.db.psql("hanh", "hanh-password-1", "UPDATE assignments SET status = 'blocked' WHERE id = " + other_id).out ==
          "");
    CHECK(t.owner_query("SELECT status FROM assignments WHERE id = " + other_id) == "not_started\n");
    // The journal takes no rows from an agency.
    CHECK(t.db.psql("hanh", "hanh-password-1", "INSERT INTO journal(at, user_name, entity, entity_id, field) "
                                              "VALUES ('2025-01-01', 'x', 'x', 1, 'x')").out.find("permission denied") !=
          std::string::npos);
    // Its own assignment's deadline: refused (column grant).
    CHECK(t.db.psql("hanh", "hanh-password-1", "UPDATE assignments SET due = '2030-01-01' WHERE id = " + own_id)
              .out.find("permission denied") != std::string::npos);
    // Users, agencies, directives, disbursement: refused.
    for (const char* sql : {"UPDATE users SET role = 'admin'", "UPDATE agencies SET name = 'x'", "UPDATE directives SET title = 'x'",
                            "INSERT INTO disbursements(project_id, entry_date, amount, created_at) VALUES (1, '2025-01-01', 1, 'x')",
                            "UPDATE evidence SET note = 'x'"}) {
        CAPTURE(sql);
        const auto r = t.db.psql("hanh", "hanh-password-1", sql);
        CHECK((r.out.find("permission denied") != std::string::npos || r.out.find("never edited") != std::string::npos));
    }
    CHECK(t.owner_query("SELECT count(*) FROM assignments; SELECT count(*) FROM journal; SELECT count(*) FROM users; "
                        "SELECT due FROM assignments WHERE id = " + own_id) == before);

    // Its own status, changed by psql: allowed, and journalled under its name by the database.
    CHECK(t.db.psql("hanh", "hanh-password-1", "UPDATE assignments SET status = 'in_progress' WHERE id = " + own_id).out == "");
    CHECK(t.owner_query("SELECT user_name || ' ' || field || ' ' || old_value || ' ' || new_value FROM journal "
                        "WHERE assignment_id = " + own_id) == "hanh status not_started in_progress\n");
    // Through dtrack the same user's change is journalled once, not twice.
    CHECK(t.as_hanh("update " + own_id + " --progress 40").exit_code == 0);
    CHECK(t.owner_query("SELECT count(*) FROM journal WHERE field = 'progress' AND assignment_id = " + own_id) == "1\n");
    const auto history = t.as_hanh("history " + own_id);
    CHECK(history.out.find("hanh") != std::string::npos);
    // And dtrack refuses what the service refuses, with the exit codes of the contract.
    CHECK(t.as_hanh("update " + other_id + " --status done").exit_code == 3);
    CHECK(t.as_hanh("update " + own_id + " --progress 50 --expect-version 1").exit_code == 4);
}

TEST_CASE("two writers of one assignment from one version: exactly one wins" * doctest::skip(kNoServer)) {
    ServerTracker t;
    const std::string id = lines_of(t.owner_query("SELECT min(id) FROM assignments")).front();
    store::OpenOptions options;
    auto a = store::Store::open(t.db.uri, options);
    auto b = store::Store::open(t.db.uri, options);
    auto row = *a->assignment(std::stoll(id));
    auto next = row;
    next.progress = 10;
    store::Store::WriteTx tx(*a);
    REQUIRE(a->update_assignment(next, row.version));
    std::atomic<int> b_result{-1};
    std::thread other([&] {
        auto mine = row;
        mine.progress = 20;
        store::Store::WriteTx tb(*b);
        b_result = b->update_assignment(mine, row.version) ? 1 : 0;  // waits for a's commit
        tb.commit();
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    tx.commit();
    other.join();
    CHECK(b_result == 0);
    CHECK(a->assignment(row.id)->progress == 10);
    CHECK(a->assignment(row.id)->version == row.version + 1);
}

TEST_CASE("eight writers x 200 updates of different assignments: all land, journal complete" * doctest::skip(kNoServer)) {
    ServerTracker t;
    const auto ids = lines_of(t.owner_query("SELECT id FROM assignments ORDER BY id LIMIT 1600"));
    REQUIRE(ids.size() >= 8 * 25);
    std::vector<std::thread> writers;
    std::atomic<int> failures{0};
    for (int w = 0; w < 8; ++w)
        writers.emplace_back([&, w] {
            try {
                auto s = store::Store::open(t.db.uri);
                service::Service service(*s);
                const auto actor = service::Service::system();
                const int mine = static_cast<int>(ids.size() / 8);
                for (int i = 0; i < 200; ++i) {
                    // Each writer its own assignments (every eighth), in rounds: progress = round + 1.
                    const store::Id id = std::stoll(ids[static_cast<std::size_t>(w + 8 * (i % mine))]);
                    service::AssignmentChange change;
                    change.progress = i / mine + 1;
                    service.update(actor, id, change, service.get(id, Date::today()).record.version);
                }
            } catch (const std::exception& e) {
                ++failures;
                MESSAGE(e.what());
            }
        });
    for (auto& w : writers) w.join();
    CHECK(failures == 0);
    CHECK(t.owner_query("SELECT count(*) FROM journal WHERE field = 'progress'") == "1600\n");
    CHECK(t.owner_query("SELECT sum(version - 1) FROM assignments") == "1600\n");
}

TEST_CASE("a lost server connection is a storage error with one sentence, dtrack exits 5" * doctest::skip(kNoServer)) {
    ServerTracker t;
    auto s = store::Store::open(t.db.uri);
    REQUIRE(!s->agencies().empty());
    // The server ends this session (as when it stops or restarts).
    t.owner_query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                  "AND pid <> pg_backend_pid()");
    try {
        s->agencies();
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::Storage);
        CHECK(std::string(e.what()).find("cannot be reached") != std::string::npos);
    }
    // No server at all on that port: one sentence, exit 5.
    const auto r = run_dtrack("--db 'postgresql://nobody@127.0.0.1:1/none?connect_timeout=2' --user nobody list",
                              "DTRACK_PASSWORD=x");
    CHECK(r.exit_code == 5);
    CHECK(lines_of(r.err).size() == 1);
    CHECK(r.err.find("cannot be reached") != std::string::npos);
    // The failure itself, not libpq's indented hint after it ("Is the server running on that host …?").
    CHECK(r.err.find("Connection refused") != std::string::npos);
    CHECK(r.err.find("Is the server running") == std::string::npos);
}

TEST_CASE("another client's commit changes data_version (NOTIFY), without reading tables" * doctest::skip(kNoServer)) {
    PgDatabase db;
    auto watcher = store::Store::open(db.uri);
    auto writer = store::Store::open(db.uri);
    const int before = watcher->data_version();
    CHECK(watcher->data_version() == before);  // nothing committed: unchanged
    {
        store::Store::WriteTx tx(*writer);
        writer->set_setting("report.signer", "Nguyễn Văn A");
        tx.commit();
    }
    // Delivered at commit; the watcher drains its socket without blocking.
    int after = before;
    for (int i = 0; i < 50 && after == before; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        after = watcher->data_version();
    }
    CHECK(after > before);
}
