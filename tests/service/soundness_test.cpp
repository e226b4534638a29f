// Store::require_sound on both backends (DT_TEST_PG runs this on PostgreSQL): a sound database
// passes; on SQLite an overwritten page of a table is refused as damaged
// (tests/security/quick_check_test.cpp checks that report and backup then exit 5).
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>

#include "store/faults.h"
#include "support.h"

using namespace dt;

TEST_CASE("require_sound: a sound database passes, an overwritten page of a table is Damaged") {
    test::Fixture fx;
    CHECK_NOTHROW(fx.service->require_sound());
    if (fx.pg) return;  // PostgreSQL's pages are the server's: nothing here can overwrite them
    const auto file = fx.store->path();
    fx.store.reset();
    fx.service.reset();
    // The pages of the assignments table (in use, so quick_check reads them), found by their
    // root page: not a free page, which quick_check does not read.
    int root = 0, page_size = 0;
    {
        SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
        root = db.execAndGet("SELECT rootpage FROM sqlite_master WHERE name = 'assignments'").getInt();
        page_size = db.execAndGet("PRAGMA page_size").getInt();
    }
    REQUIRE(root > 1);
    {
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(static_cast<std::streamoff>(root - 1) * page_size);
        for (int i = 0; i < page_size; ++i) f.put(static_cast<char>((i * 37 + 11) & 0xFF));
    }
    auto reopened = store::Store::open(file);
    try {
        reopened->require_sound();
        FAIL("quick_check passed a file whose assignments page was overwritten");
    } catch (const store::StorageError& e) {
        CHECK(e.fault() == store::Fault::Damaged);
        CHECK(std::string(e.what()).find("is damaged") != std::string::npos);
    }
}
