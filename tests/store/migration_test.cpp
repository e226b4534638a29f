#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>

#include "core/error.h"
#include "store/store.h"
#include "support.h"

using namespace dt;

namespace {
int exec_int(const std::filesystem::path& db, const std::string& sql) {
    SQLite::Database raw(db.string(), SQLite::OPEN_READONLY);
    return raw.execAndGet(sql).getInt();
}
}  // namespace

TEST_CASE("a fresh database is created at the latest schema, in WAL mode") {
    test::TempDir dir;
    auto store = store::Store::open(dir / "t.db");
    CHECK(store->schema_version() == store::Store::latest_version());
    CHECK(store::Store::latest_version() >= 2);
    SQLite::Database raw((dir / "t.db").string(), SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(store->check().empty());
}

TEST_CASE("an old database is upgraded step by step, keeping its rows and a backup") {
    test::TempDir dir;
    const auto path = dir / "old.db";
    {
        store::OpenOptions v1;
        v1.target_version = 1;
        auto store = store::Store::open(path, v1);
        REQUIRE(store->schema_version() == 1);
        store::Store::WriteTx tx(*store);
        store->insert_agency({0, "Sở Tài chính", "STC", "department", false, true}, {});
        tx.commit();
    }
    CHECK(exec_int(path, "SELECT count(*) FROM sqlite_master WHERE name = 'settings'") == 0);
    auto store = store::Store::open(path);
    CHECK(store->schema_version() == store::Store::latest_version());
    CHECK(store->find_agency("so tai chinh").has_value());
    CHECK(exec_int(path, "SELECT count(*) FROM sqlite_master WHERE name = 'settings'") == 1);
    CHECK(std::filesystem::exists(path.string() + ".before-v" + std::to_string(store::Store::latest_version()) + ".bak"));
}

TEST_CASE("a database newer than the program is refused and left untouched") {
    test::TempDir dir;
    const auto path = dir / "new.db";
    store::Store::open(path);
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        raw.exec("PRAGMA user_version = 999");
    }
    try {
        store::Store::open(path);
        FAIL("a newer database was opened");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::Storage);
        CHECK(std::string(e.what()).find("newer") != std::string::npos);
    }
    CHECK(exec_int(path, "PRAGMA user_version") == 999);
}

TEST_CASE("files that are not ours are refused with a storage error") {
    test::TempDir dir;
    SUBCASE("plain text") {
        std::ofstream(dir / "notes.db") << "Đây không phải là cơ sở dữ liệu. " << std::string(5000, 'x');
        CHECK_THROWS_AS(store::Store::open(dir / "notes.db"), Error);
    }
    SUBCASE("another program's SQLite file") {
        {
            SQLite::Database other((dir / "other.db").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            other.exec("CREATE TABLE photos(id INTEGER PRIMARY KEY, path TEXT)");
        }
        try {
            store::Store::open(dir / "other.db");
            FAIL("another program's database was opened");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::Storage);
            CHECK(std::string(e.what()).find("another program") != std::string::npos);
        }
        CHECK(exec_int(dir / "other.db", "SELECT count(*) FROM sqlite_master") == 1);
    }
    SUBCASE("missing file when creation is not allowed") {
        store::OpenOptions options;
        options.create = false;
        CHECK_THROWS_AS(store::Store::open(dir / "missing.db", options), Error);
        CHECK_FALSE(std::filesystem::exists(dir / "missing.db"));
    }
}

TEST_CASE("the journal is append-only in the schema itself") {
    test::TempDir dir;
    auto store = store::Store::open(dir / "j.db");
    {
        store::Store::WriteTx tx(*store);
        store->append_journal({0, "", std::nullopt, "system", "test", 1, std::nullopt, "f", std::nullopt, "x"});
        tx.commit();
    }
    SQLite::Database raw((dir / "j.db").string(), SQLite::OPEN_READWRITE);
    CHECK_THROWS(raw.exec("DELETE FROM journal"));
    CHECK_THROWS(raw.exec("UPDATE journal SET new_value = 'y'"));
    CHECK(store->journal_count() == 1);
}

TEST_CASE("an uncommitted write transaction leaves nothing behind") {
    test::TempDir dir;
    auto store = store::Store::open(dir / "tx.db");
    {
        store::Store::WriteTx tx(*store);
        store->insert_agency({0, "Sở Y tế", "SYT", "department", false, true}, {});
    }
    CHECK_FALSE(store->find_agency("Sở Y tế").has_value());
}

TEST_CASE("upgrading a seeded version-2 database gives 07/CT-UBND its ladder") {
    test::TempDir dir;
    const auto path = dir / "v2.db";
    {
        store::OpenOptions v2;
        v2.target_version = 2;
        auto store = store::Store::open(path, v2);
        store::Store::WriteTx tx(*store);
        store->insert_directive({0, "07/CT-UBND", Date{2025, 4, 11}, "UBND tỉnh Cao Bằng", "", "", "…"}, std::nullopt);
        tx.commit();
    }
    auto store = store::Store::open(path);
    const auto ladder = store->ladder(store->directives().at(0).id);
    REQUIRE(ladder.size() == 5);
    CHECK(ladder.front().due == Date{2025, 6, 30});
    CHECK(ladder.front().percent == 50);
    CHECK(ladder.back().due == Date{2026, 1, 31});
    CHECK(ladder.back().percent == 100);
}

TEST_CASE("upgrading a version-4 database to version 5 keeps each deadline as the original one") {
    test::TempDir dir;
    const auto path = dir / "v4.db";
    {
        store::OpenOptions v4;
        v4.target_version = 4;
        auto store = store::Store::open(path, v4);
        REQUIRE(store->schema_version() == 4);
        store::Store::WriteTx tx(*store);
        const auto agency = store->insert_agency({0, "Sở Tài chính", "STC", "department", false, true}, {});
        const auto directive = store->insert_directive({0, "07/CT-UBND", Date{2025, 4, 11}, "", "", "", "…"}, std::nullopt);
        const auto section = store->insert_section({0, directive, "1", "Giải ngân", 1});
        tx.commit();
        // Rows as version 4 wrote them: the store's own inserts now fill later versions' columns.
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        auto task_row = [&](const std::string& ref, int position) {
            raw.exec("INSERT INTO tasks(directive_id, section_id, ref, title, text, position, search_key) VALUES (" +
                     std::to_string(directive) + ", " + std::to_string(section) + ", '" + ref +
                     "', 'Cam kết giải ngân', 'Cam kết giải ngân', " + std::to_string(position) + ", '')");
            return raw.getLastInsertRowid();
        };
        const auto task_id = task_row("1.a.3", 1);
        const auto task2 = task_row("6", 2);
        raw.exec("INSERT INTO assignments(task_id, agency_id, role, due, updated_at) VALUES (" + std::to_string(task_id) + ", " +
                 std::to_string(agency) + ", 'lead', '2025-04-18', 'x'), (" + std::to_string(task2) + ", " +
                 std::to_string(agency) + ", 'lead', NULL, 'x')");
        raw.exec("INSERT INTO users(name, role, password_hash, created_at) VALUES ('admin', 'admin', 'h', 'x')");
    }
    CHECK(exec_int(path, "SELECT count(*) FROM pragma_table_info('assignments') WHERE name = 'original_due'") == 0);
    auto store = store::Store::open(path);
    CHECK(store::Store::latest_version() >= 5);
    CHECK(store->schema_version() == store::Store::latest_version());
    const auto rows = store->assignments({});
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].due == Date{2025, 4, 18});
    CHECK(rows[0].original_due == Date{2025, 4, 18});
    CHECK_FALSE(rows[1].original_due.has_value());
    CHECK(rows[0].extension_count == 0);
    CHECK(rows[0].review_note.empty());
    CHECK(store->find_user("admin")->failed_logins == 0);
    CHECK(exec_int(path, "SELECT count(*) FROM sqlite_master WHERE name = 'extension_requests'") == 1);
    CHECK(exec_int(path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'evidence_%'") == 3);
    CHECK(std::filesystem::exists(path.string() + ".before-v" + std::to_string(store::Store::latest_version()) + ".bak"));
    CHECK(store->check().empty());
    // Version 11: what came with the directive counts from its date (11/04/2025), not from the
    // day it was typed in (today).
    CHECK(exec_int(path, "SELECT count(*) FROM tasks WHERE exists_from = '2025-04-11'") == 2);
    CHECK(exec_int(path, "SELECT count(*) FROM assignments WHERE exists_from = '2025-04-11'") == 2);
}

TEST_CASE("inconsistencies() finds a broken rule that the integrity check cannot see, and check() calls it no damage") {
    test::TempDir dir;
    const auto path = dir / "inv.db";
    {
        auto store = store::Store::open(path);
        store::Store::WriteTx tx(*store);
        const auto d = store->insert_directive({0, "01/CT-X", Date{2025, 1, 1}, "", "", "", "…"}, std::nullopt);
        const auto s = store->insert_section({0, d, "1", "Nhóm", 1});
        const auto t = store->insert_task({0, d, s, "1", std::nullopt, "Việc", "Việc", std::nullopt, Recurrence::None, 1});
        const auto a = store->insert_agency({0, "Sở Y tế", "SYT", "department", false, true}, {});
        store::AssignmentRecord rec;
        rec.task_id = t;
        rec.agency_id = a;
        store->insert_assignment(rec);
        tx.commit();
        CHECK(store->check().empty());
    }
    {
        SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
        raw.exec("UPDATE assignments SET status = 'done', completed_on = '2025-02-01'");  // done without evidence
    }
    auto store = store::Store::open(path);
    CHECK(store->check().empty());  // not damage: the file is sound
    const auto problems = store->inconsistencies();
    REQUIRE(problems.size() == 1);
    CHECK(problems[0] == "done assignments without evidence: 1");
}
