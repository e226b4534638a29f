// Issue 17, the checksum note: a file with bytes flipped in its middle never yields a report
// (silently missing rows) or a backup: PRAGMA quick_check runs first, and they exit 5.
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <random>

#include "app/storage_advice.h"
#include "support.h"

using namespace dt;
namespace fs = std::filesystem;

TEST_CASE("bytes flipped in the middle of the file: report and backup exit 5, write nothing, quick_check's cost shown") {
    test::TempDir dir;
    const auto file = dir / "t.db";
    const std::string db = "--db " + app::shell_word(file.string());
    const std::string env = "DTRACK_PASSWORD='mật khẩu quản trị'";
    REQUIRE(test::run_dtrack(db + " init --admin admin", env).exit_code == 0);
    REQUIRE(test::run_dtrack(db + " --user admin list", env).exit_code == 0);  // the day's backup, made while sound
    const auto sound = std::chrono::steady_clock::now();
    REQUIRE(test::run_dtrack(db + " --user admin report --out " + app::shell_word((dir / "ok.csv").string()), env).exit_code == 0);
    MESSAGE("a sound report (with quick_check) took "
            << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - sound).count() << " ms end to end");
    // Flip bytes inside pages in the middle of the file (not the header, not the users table's first page).
    const auto size = fs::file_size(file);
    {
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        std::mt19937 rng(17);
        for (std::uintmax_t page = size / 4096 / 2; page < size / 4096 / 2 + 6; ++page) {
            f.seekp(static_cast<std::streamoff>(page * 4096 + 100));
            for (int i = 0; i < 600; ++i) f.put(static_cast<char>(rng() & 0xFF));
        }
    }
    const auto r = test::run_dtrack(db + " --user admin report --out " + app::shell_word((dir / "r.csv").string()), env);
    CHECK(r.exit_code == 5);
    CHECK_FALSE(fs::exists(dir / "r.csv"));
    const auto b = test::run_dtrack(db + " --user admin backup " + app::shell_word((dir / "copy.db").string()), env);
    CHECK(b.exit_code == 5);
    CHECK_FALSE(fs::exists(dir / "copy.db"));
}
