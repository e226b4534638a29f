// Issue 17, item 7: the database, SQLite's files beside it, its backups and .bak copies are
// created 0600 and the folders 0700, whatever the umask (here the usual 022).
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/stat.h>

#include "app/storage_advice.h"
#include "core/date.h"
#include "support.h"

using namespace dt;
namespace fs = std::filesystem;

namespace {
std::string sh(const std::string& text) { return app::shell_word(text); }
unsigned mode_of(const fs::path& p) {
    struct stat st {};
    if (lstat(p.c_str(), &st) != 0) return 01000;  // absent: never a valid mode
    return st.st_mode & 0777;
}
}  // namespace

TEST_CASE("with umask 022: database, -wal, -shm, backups and .bak copies are 0600, their folders 0700") {
    test::TempDir dir;
    const auto file = dir / "data" / "t.db";
    const std::string db = "--db " + sh(file.string());
    const std::string env = "umask 022; DTRACK_PASSWORD='mật khẩu quản trị'";
    REQUIRE(test::run_dtrack(db + " init --admin admin --no-seed", env).exit_code == 0);
    REQUIRE(test::run_dtrack(db + " --user admin list", env).exit_code == 0);
    REQUIRE(test::run_dtrack(db + " --user admin backup " + sh((dir / "data" / "copy.db").string()), env).exit_code == 0);
    REQUIRE(test::run_dtrack(db + " --user admin restore " + sh((dir / "data" / "copy.db").string()), env).exit_code == 0);
    SQLite::Database holder(file.string(), SQLite::OPEN_READONLY);  // keeps -wal and -shm present
    holder.execAndGet("SELECT count(*) FROM users");
    CHECK(mode_of(dir / "data") == 0700);
    CHECK(mode_of(file) == 0600);
    CHECK(mode_of(file.string() + "-wal") == 0600);
    CHECK(mode_of(file.string() + "-shm") == 0600);
    CHECK(mode_of(dir / "data" / "backups") == 0700);
    CHECK(mode_of(dir / "data" / "backups" / ("t-" + Date::today().iso() + ".db")) == 0600);
    CHECK(mode_of(dir / "data" / "copy.db") == 0600);
    int bak = 0;
    for (const auto& e : fs::directory_iterator(dir / "data"))
        if (e.path().extension() == ".bak") {
            ++bak;
            CHECK_MESSAGE(mode_of(e.path()) == 0600, e.path().string());
        }
    CHECK(bak == 1);  // the content the restore replaced
    // Nothing else was left beside them (no -wal or -shm of a backup, no temporaries).
    for (const auto& e : fs::directory_iterator(dir / "data" / "backups")) CHECK_MESSAGE(e.path().extension() == ".db", e.path().string());
}
