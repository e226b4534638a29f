// Issue 17, item 5: `report --force` replaces a regular file or writes a new name, never the
// database itself, its -wal or -shm, a backup or .bak copy, a link or a device node.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/stat.h>

#include <fstream>

#include "app/storage_advice.h"
#include "core/date.h"
#include "support.h"

using namespace dt;
namespace fs = std::filesystem;

namespace {
std::string sh(const std::string& text) { return app::shell_word(text); }
int reports(const fs::path& db) {
    SQLite::Database raw(db.string(), SQLite::OPEN_READONLY);
    return raw.execAndGet("SELECT count(*) FROM reports").getInt();
}
}  // namespace

TEST_CASE("report --force refuses the database, its -wal and -shm, a backup, a .bak, a link and a fifo, nothing changes") {
    test::TempDir dir;
    const auto file = dir / "t.db";
    const std::string db = "--db " + sh(file.string());
    const std::string env = "DTRACK_PASSWORD='mật khẩu quản trị'";
    REQUIRE(test::run_dtrack(db + " init --admin admin", env).exit_code == 0);
    REQUIRE(test::run_dtrack(db + " --user admin list", env).exit_code == 0);  // the day's backup
    REQUIRE(test::run_dtrack(db + " --user admin backup " + sh((dir / "copy.bak").string()), env).exit_code == 0);
    const auto backup = dir / "backups" / ("t-" + Date::today().iso() + ".db");
    REQUIRE(fs::exists(backup));
    mkfifo((dir / "fifo").c_str(), 0600);
    { std::ofstream(dir / "plain.csv") << "cũ"; }
    fs::create_symlink(dir / "plain.csv", dir / "link.csv");
    // An open connection keeps the -wal and -shm present while dtrack runs.
    SQLite::Database holder(file.string(), SQLite::OPEN_READONLY);
    holder.execAndGet("SELECT count(*) FROM assignments");
    const int before = reports(file);
    const auto db_bytes = test::read_text(file), backup_bytes = test::read_text(backup);
    for (const fs::path& target : {file, fs::path(file.string() + "-wal"), fs::path(file.string() + "-shm"), backup,
                                  dir / "copy.bak", dir / "fifo", dir / "link.csv"}) {
        if (!fs::exists(fs::symlink_status(target))) {
            MESSAGE("not present here: " << target.string());
            continue;
        }
        const auto r = test::run_dtrack(db + " --user admin report --format csv --force --out " + sh(target.string()), env);
        CHECK_MESSAGE(r.exit_code == 2, target.string() << ": " << r.err);
    }
    CHECK(test::read_text(file) == db_bytes);
    CHECK(test::read_text(backup) == backup_bytes);
    CHECK(test::read_text(dir / "plain.csv") == "cũ");
    CHECK(fs::is_symlink(dir / "link.csv"));
    struct stat st {};
    CHECK((lstat((dir / "fifo").c_str(), &st) == 0 && S_ISFIFO(st.st_mode)));
    CHECK(reports(file) == before);
    CHECK(test::run_dtrack(db + " check").exit_code == 0);
    // A regular file is still replaced with --force, and a new name written.
    CHECK(test::run_dtrack(db + " --user admin report --format csv --force --out " + sh((dir / "plain.csv").string()), env).exit_code == 0);
    CHECK(test::read_text(dir / "plain.csv").starts_with("\xEF\xBB\xBF"));
    CHECK(test::run_dtrack(db + " --user admin report --out " + sh((dir / "new.csv").string()), env).exit_code == 0);
    CHECK(reports(file) == before + 2);
}
