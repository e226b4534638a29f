// Issue 17, item 6: the daily backup never follows a planted link, never prunes what is not
// its own, and the recovery advice never recommends a planted or future-dated "backup".
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/stat.h>

#include <fstream>

#include "app/storage_advice.h"
#include "core/date.h"
#include "store/backups.h"
#include "support.h"

using namespace dt;
namespace fs = std::filesystem;

namespace {
const std::string kAdminEnv = "DTRACK_PASSWORD='mật khẩu quản trị'";
std::string sh(const std::string& text) { return app::shell_word(text); }
}  // namespace

TEST_CASE("a symlinked backups/ folder: no copy goes through it, nothing in it is pruned, the command still works") {
    test::TempDir dir;
    const auto file = dir / "t.db";
    const std::string db = "--db " + sh(file.string());
    REQUIRE(test::run_dtrack(db + " init --admin admin --no-seed", kAdminEnv).exit_code == 0);
    fs::remove_all(dir / "backups");
    // The planter's folder, world-writable, with an unrelated file named like an old backup.
    const auto planted = dir / "planter";
    fs::create_directories(planted);
    fs::permissions(planted, fs::perms::all);
    { std::ofstream(planted / "t-2000-01-01.db") << "của người khác"; }
    fs::create_directory_symlink(planted, dir / "backups");
    const auto r = test::run_dtrack(db + " --user admin list", kAdminEnv);
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.err.find("is a link") != std::string::npos);  // the warning says why there is no backup
    int files = 0;
    for (const auto& e : fs::directory_iterator(planted)) files += e.is_regular_file() ? 1 : 0;
    CHECK(files == 1);  // no copy of the database was written there…
    CHECK(test::read_text(planted / "t-2000-01-01.db") == "của người khác");  // …and nothing was pruned
    CHECK(fs::is_symlink(dir / "backups"));
    CHECK(store::list_backups(file).empty());  // nor is anything there offered for a restore
}

TEST_CASE("the backup folder is made 0700, a planted future-dated tracker file is never recommended") {
    test::TempDir dir;
    const auto file = dir / "t.db";
    const std::string db = "--db " + sh(file.string());
    REQUIRE(test::run_dtrack(db + " init --admin admin --no-seed", kAdminEnv).exit_code == 0);
    REQUIRE(test::run_dtrack(db + " --user admin list", kAdminEnv).exit_code == 0);
    const auto today = dir / "backups" / ("t-" + Date::today().iso() + ".db");
    REQUIRE(fs::exists(today));
    struct stat st {};
    REQUIRE(stat((dir / "backups").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0700);
    CHECK(store::is_backup_of(today, file));
    // A planter's own tracker database (in which the planter is admin), dated in the future.
    const auto other = dir / "other" / "o.db";
    REQUIRE(test::run_dtrack("--db " + sh(other.string()) + " init --admin planter --no-seed", "DTRACK_PASSWORD='kẻ cài cắm 123'").exit_code == 0);
    const auto future = dir / "backups" / "t-2099-01-01.db";
    fs::copy_file(other, future);
    const auto older = dir / "backups" / "t-2000-01-01.db";  // an old one, not ours: never pruned
    fs::copy_file(other, older);
    REQUIRE(test::run_dtrack(db + " --user admin list", kAdminEnv).exit_code == 0);
    CHECK(fs::exists(older));
    // Damage the database: the advice names today's real backup, never the planted ones.
    {
        std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(0);
        f << "không còn là SQLite";
    }
    const auto r = test::run_dtrack(db + " --user admin list", kAdminEnv);
    CHECK(r.exit_code == 5);
    CHECK_MESSAGE(r.err.find(today.filename().string()) != std::string::npos, r.err);
    CHECK(r.err.find("2099") == std::string::npos);
    CHECK(r.err.find("2000-01-01") == std::string::npos);
}
