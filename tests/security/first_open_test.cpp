// Issue 17, item 10: the first open of the day, by several processes at once, makes one good
// backup and no error; a 0-byte or foreign file under today's name does not block it; what a
// killed backup or report left behind is cleaned up, and never looks like a backup.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include "app/storage_advice.h"
#include "core/date.h"
#include "store/backups.h"
#include "support.h"

using namespace dt;
namespace fs = std::filesystem;

namespace {
const std::string kAdminEnv = "DTRACK_PASSWORD='mật khẩu quản trị'";
std::string sh(const std::string& text) { return app::shell_word(text); }
void age(const fs::path& p) { fs::last_write_time(p, fs::file_time_type::clock::now() - std::chrono::hours(3)); }
}  // namespace

TEST_CASE("four processes opening at once on the day's first open: all succeed silently, one good backup, no leftovers") {
    test::TempDir dir;
    const auto file = dir / "t.db";
    REQUIRE(test::run_dtrack("--db " + sh(file.string()) + " init --admin admin --no-seed", kAdminEnv).exit_code == 0);
    fs::remove_all(dir / "backups");  // as on a new day: no backup yet
    {
        std::ofstream script(dir / "open.sh");
        for (int k = 0; k < 4; ++k)
            script << "(" << kAdminEnv << " " << DT_DTRACK_EXE << " --db " << sh(file.string()) << " --user admin list >/dev/null 2>"
                   << sh((dir / ("err" + std::to_string(k))).string()) << "; echo $? > " << sh((dir / ("rc" + std::to_string(k))).string())
                   << ") &\n";
        script << "wait\n";
    }
    REQUIRE(std::system(("bash " + sh((dir / "open.sh").string())).c_str()) == 0);
    for (int k = 0; k < 4; ++k) {
        CHECK(test::read_text(dir / ("rc" + std::to_string(k))) == "0\n");
        CHECK_MESSAGE(test::read_text(dir / ("err" + std::to_string(k))).empty(), test::read_text(dir / ("err" + std::to_string(k))));
    }
    const auto today = dir / "backups" / ("t-" + Date::today().iso() + ".db");
    CHECK(store::is_backup_of(today, file));
    int entries = 0;
    for (const auto& e : fs::directory_iterator(dir / "backups")) {
        ++entries;
        CHECK_MESSAGE(e.path() == today, e.path().string());
    }
    CHECK(entries == 1);
}

TEST_CASE("a 0-byte file under today's backup name is replaced by a real backup") {
    test::TempDir dir;
    const auto file = dir / "t.db";
    REQUIRE(test::run_dtrack("--db " + sh(file.string()) + " init --admin admin --no-seed", kAdminEnv).exit_code == 0);
    const auto today = dir / "backups" / ("t-" + Date::today().iso() + ".db");
    fs::create_directories(today.parent_path());
    fs::permissions(today.parent_path(), fs::perms::owner_all);
    { std::ofstream touch(today); }
    REQUIRE(fs::file_size(today) == 0);
    CHECK(test::run_dtrack("--db " + sh(file.string()) + " --user admin list", kAdminEnv).exit_code == 0);
    CHECK(fs::file_size(today) > 0);
    CHECK(store::is_backup_of(today, file));
}

TEST_CASE("dtrack backup killed mid-way leaves no file under the name, its stale temporaries and a report's are removed") {
    test::TempDir dir;
    const auto file = dir / "t.db";
    const std::string db = "--db " + sh(file.string());
    REQUIRE(test::run_dtrack(db + " init --admin admin", kAdminEnv).exit_code == 0);
    const auto target = dir / "copy.db";
    // Killed at several moments: the name is either absent or a whole backup, never half of one.
    for (int delay_ms : {0, 20, 60, 120}) {
        fs::remove(target);
        const pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            setenv("DTRACK_PASSWORD", "mật khẩu quản trị", 1);
            execl(DT_DTRACK_EXE, "dtrack", "--db", file.c_str(), "--user", "admin", "backup", target.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        CHECK((!fs::exists(target) || store::is_backup_of(target, file)));
        CHECK_FALSE(fs::exists(target.string() + "-journal"));
    }
    // What such a kill leaves (a hidden temporary and its -journal, hours old) is removed by the next write.
    fs::remove(target);
    for (const char* leftover : {".copy.db.tmp-1", ".copy.db.tmp-1-journal", ".r.csv.tmp-7"}) {
        { std::ofstream(dir / leftover) << "nửa chừng"; }
        age(dir / leftover);
    }
    { std::ofstream(dir / ".copy.db.tmp-2") << "đang ghi"; }  // recent: another process's, left alone
    REQUIRE(test::run_dtrack(db + " --user admin backup " + sh(target.string()), kAdminEnv).exit_code == 0);
    REQUIRE(test::run_dtrack(db + " --user admin report --out " + sh((dir / "r.csv").string()), kAdminEnv).exit_code == 0);
    CHECK(store::is_backup_of(target, file));
    CHECK_FALSE(fs::exists(dir / ".copy.db.tmp-1"));
    CHECK_FALSE(fs::exists(dir / ".copy.db.tmp-1-journal"));
    CHECK_FALSE(fs::exists(dir / ".r.csv.tmp-7"));
    CHECK(fs::exists(dir / ".copy.db.tmp-2"));
    CHECK_FALSE(fs::exists(target.string() + "-journal"));
    CHECK_FALSE(fs::exists(target.string() + "-wal"));
}
