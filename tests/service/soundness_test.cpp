// Store::require_sound on both backends (DT_TEST_PG runs this on PostgreSQL): a sound database
// passes; on SQLite a page overwritten in the middle of the file is refused as damaged
// (tests/security/quick_check_test.cpp checks that report and backup then exit 5).
#include <doctest/doctest.h>

#include <fstream>

#include "store/faults.h"
#include "support.h"

using namespace dt;

TEST_CASE("require_sound: a sound database passes; a page overwritten in the middle is Damaged") {
    test::Fixture fx;
    CHECK_NOTHROW(fx.service->require_sound());
    if (fx.pg) return;  // PostgreSQL's pages are the server's: nothing here can overwrite them
    const auto file = fx.store->path();
    fx.store.reset();
    fx.service.reset();
    const auto size = std::filesystem::file_size(file);
    REQUIRE(size >= 8 * 4096);
    {
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        for (std::uintmax_t page = size / 4096 / 2; page < size / 4096 / 2 + 4; ++page) {
            f.seekp(static_cast<std::streamoff>(page * 4096 + 16));
            for (int i = 0; i < 2000; ++i) f.put(static_cast<char>((i * 37 + 11) & 0xFF));
        }
    }
    auto reopened = store::Store::open(file);
    try {
        reopened->require_sound();
        FAIL("quick_check passed a file with four pages overwritten");
    } catch (const store::StorageError& e) {
        CHECK(e.fault() == store::Fault::Damaged);
        CHECK(std::string(e.what()).find("is damaged") != std::string::npos);
    }
}
