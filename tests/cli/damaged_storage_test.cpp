// Damaged storage (issue 8, item 3): a database cut short, overwritten in its middle, not SQLite,
// empty, another program's, read-only, in a read-only folder, on a full disk. dtrack exits 5 with
// one sentence saying what is wrong and what to do (the newest usable backup and the exact
// command that restores it), never crashes, and a write that fails leaves nothing half-written.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>
#include <sys/mount.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <random>

#include "app/storage_advice.h"
#include "core/date.h"
#include "support.h"

namespace fs = std::filesystem;
using dt::test::run_dtrack;

namespace {
const std::string kAdminEnv = "DTRACK_PASSWORD='mật khẩu quản trị'";
const std::string kNobody = "setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/tmp";

std::string sh(const std::string& text) { return dt::app::shell_word(text); }

// A seeded database with today's automatic backup, and what `list --json` showed.
struct Tracker {
    dt::test::TempDir dir;
    fs::path db;
    std::string listed;
    Tracker() : db(dir / "tracker.db") {
        REQUIRE(run_dtrack("--db " + sh(db.string()) + " init --admin admin", kAdminEnv).exit_code == 0);
        const auto r = admin("list --json");  // the first open of the day makes the day's backup
        REQUIRE_MESSAGE(r.exit_code == 0, r.err);
        listed = r.out;
        REQUIRE(fs::exists(backup()));
    }
    fs::path backup() const { return dir / "backups" / ("tracker-" + dt::Date::today().iso() + ".db"); }
    dt::test::CommandResult admin(const std::string& args, const std::string& prefix = "") const {
        return run_dtrack("--db " + sh(db.string()) + " --user admin " + args, prefix + " " + kAdminEnv);
    }
    // As admin, but run as user 65534 with the copy `exe` of dtrack (nobody_dtrack).
    dt::test::CommandResult nobody(const std::string& exe, const std::string& args) const {
        return dt::test::run_program(exe, "--db " + sh(db.string()) + " --user admin " + args, kNobody + " " + kAdminEnv);
    }
    dt::test::CommandResult plain(const std::string& args) const { return run_dtrack("--db " + sh(db.string()) + " " + args); }
    std::string restore_command(const fs::path& from) const {
        return "dtrack --db " + sh(db.string()) + " restore " + sh(from.string());
    }
};

void overwrite(const fs::path& file, std::uintmax_t offset, std::uintmax_t count, unsigned seed) {
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(offset));
    std::mt19937 rng(seed);
    for (std::uintmax_t i = 0; i < count; ++i) f.put(static_cast<char>(rng() & 0xFF));
}

// One sentence on one line (the last: `check` lists the problems it found above it), saying
// `what` and `advice`.
void check_sentence(const dt::test::CommandResult& r, const std::string& what, const std::string& advice,
                    bool only_line = true) {
    CHECK(r.exit_code == 5);
    const auto start = r.err.rfind('\n', r.err.size() >= 2 ? r.err.size() - 2 : 0);
    const std::string last = start == std::string::npos ? r.err : r.err.substr(start + 1);
    CHECK_MESSAGE(last.find(what) != std::string::npos, r.err);
    CHECK_MESSAGE(last.find(advice) != std::string::npos, r.err);
    CHECK(last.ends_with(".\n"));
    if (only_line) CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

// The restore the sentence names puts the backup's data back, keeps the damaged bytes, and
// `check` passes.
void check_restore_mends(const Tracker& t, const std::string& damaged_bytes) {
    const auto r = t.plain("restore " + sh(t.backup().string()));  // no sign-in: nobody can sign in to a damaged file
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(t.plain("check").exit_code == 0);
    CHECK(t.admin("list --json").out == t.listed);
    bool kept = false;
    for (const auto& entry : fs::directory_iterator(t.dir.path()))
        if (entry.path().filename().string().starts_with("tracker.db.before-restore-"))
            kept = kept || dt::test::read_text(entry.path()) == damaged_bytes;
    CHECK(kept);
}

// Where a table's root page starts in the file, and the page size.
std::pair<std::uintmax_t, std::uintmax_t> page_of(const fs::path& db, const std::string& table) {
    SQLite::Database raw(db.string(), SQLite::OPEN_READONLY);
    const auto page = raw.execAndGet("SELECT rootpage FROM sqlite_master WHERE name = '" + table + "'").getInt64();
    const auto size = raw.execAndGet("PRAGMA page_size").getInt64();
    REQUIRE(page > 1);
    return {static_cast<std::uintmax_t>((page - 1) * size), static_cast<std::uintmax_t>(size)};
}

bool root() { return geteuid() == 0; }

// A skip that shows: ctest reports the test as skipped (SKIP_REGULAR_EXPRESSION in CMakeLists.txt).
void skip(const std::string& why) {
    MESSAGE("SKIPPED (nothing was checked): " << why);
    std::cout << "SKIPPED (nothing was checked): " << why << std::endl;
}

// dtrack as user 65534 (setpriv). That user may not reach the build tree (a checkout in a
// private folder: root's home, mktemp -d), so the program is copied into the test's own folder
// (dtrack loads nothing else from the build tree: its libraries are the system's). Empty, with
// `why` set, when even that copy cannot be run by that user: the caller skips, saying why.
std::string nobody_dtrack(const Tracker& t, std::string& why) {
    if (!root()) {
        why = "needs root to run dtrack as another user (setpriv)";
        return {};
    }
    fs::permissions(t.dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                      fs::perms::others_read | fs::perms::others_exec);
    const fs::path bin = t.dir / "bin";
    fs::create_directories(bin);
    fs::permissions(bin, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                             fs::perms::others_exec);
    const fs::path exe = bin / "dtrack";
    fs::copy_file(DT_DTRACK_EXE, exe, fs::copy_options::overwrite_existing);
    fs::permissions(exe, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                             fs::perms::others_exec);
    if (std::system((kNobody + " test -x " + sh(exe.string())).c_str()) != 0) {
        why = "user 65534 cannot reach " + exe.string() + " (a folder above it is private: TMPDIR=" +
              (std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "") + ")";
        return {};
    }
    return exe.string();
}

// A small tmpfs mounted over a folder for one test, unmounted at the end.
struct SmallDisk {
    fs::path where;
    bool mounted = false;
    SmallDisk(const fs::path& folder, const char* size) : where(folder) {
        fs::create_directories(where);
        mounted = root() && ::mount("tmpfs", where.c_str(), "tmpfs", 0, (std::string("size=") + size).c_str()) == 0;
    }
    ~SmallDisk() {
        if (mounted) ::umount2(where.c_str(), MNT_DETACH);
    }
};
}  // namespace

TEST_CASE("a damaged database: exit 5, what is wrong and the exact restore command, the restore mends it") {
    Tracker t;
    const auto size = fs::file_size(t.db);
    const std::string advice = "restore the newest backup with: " + t.restore_command(t.backup());
    SUBCASE("cut short") {
        fs::resize_file(t.db, size / 2);
        const auto bytes = dt::test::read_text(t.db);
        check_sentence(t.admin("list"), "is damaged (it was cut short", advice);
        check_sentence(t.plain("check"), "is damaged", advice, false);
        check_restore_mends(t, bytes);
    }
    SUBCASE("cut in the middle of its first page") {
        fs::resize_file(t.db, 60);
        const auto bytes = dt::test::read_text(t.db);
        check_sentence(t.admin("list"), "is not a SQLite database", advice);
        check_restore_mends(t, bytes);
    }
    SUBCASE("random bytes over its middle third") {
        overwrite(t.db, size / 3, size / 3, 7);
        const auto bytes = dt::test::read_text(t.db);
        const auto listed = t.admin("list --json");
        CHECK((listed.exit_code == 0 || listed.exit_code == 5));  // never a crash
        if (listed.exit_code == 5) check_sentence(listed, "is damaged", advice);
        check_sentence(t.plain("check"), "is damaged", advice, false);
        check_restore_mends(t, bytes);
    }
    SUBCASE("random bytes over one table's pages: open succeeds, the first read of it fails") {
        const auto [offset, page_size] = page_of(t.db, "assignments");
        overwrite(t.db, offset, page_size, 11);
        const auto bytes = dt::test::read_text(t.db);
        check_sentence(t.admin("list"), "is damaged (database disk image is malformed)", advice);
        check_sentence(t.admin("show 1"), "is damaged", advice);
        check_sentence(t.plain("check"), "is damaged", advice, false);
        check_restore_mends(t, bytes);
    }
    SUBCASE("not SQLite at all") {
        { std::ofstream(t.db, std::ios::binary | std::ios::trunc) << "Biên bản họp\n" << std::string(9000, 'x'); }
        const auto bytes = dt::test::read_text(t.db);
        check_sentence(t.admin("list"), "is not a SQLite database (it is damaged, or another kind of file)", advice);
        check_restore_mends(t, bytes);
    }
    SUBCASE("empty") {
        fs::resize_file(t.db, 0);
        check_sentence(t.admin("list"), "is empty (0 bytes)", advice);
        check_sentence(t.admin("update 1 --owner x"), "is empty (0 bytes)", advice);
        check_restore_mends(t, "");
    }
    SUBCASE("another program's SQLite database") {
        fs::remove(t.db);
        {
            SQLite::Database other(t.db.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            other.exec("CREATE TABLE photos(id INTEGER PRIMARY KEY, path TEXT); INSERT INTO photos VALUES (1, 'a.jpg')");
        }
        const auto bytes = dt::test::read_text(t.db);
        check_sentence(t.admin("list"), "is a SQLite database of another program", "check --db (or DTRACK_DB), or " + advice);
        check_restore_mends(t, bytes);
    }
}

TEST_CASE("a damaged database without a usable backup says so, and a damaged newest backup is skipped") {
    Tracker t;
    fs::resize_file(t.db, fs::file_size(t.db) / 2);
    SUBCASE("no backup at all") {
        fs::remove_all(t.dir / "backups");
        check_sentence(t.admin("list"), "is damaged", "there is no usable backup in " + sh((t.dir / "backups").string()));
    }
    SUBCASE("the newest backup is damaged too: the one before it is named") {
        const auto yesterday = t.dir / "backups" / ("tracker-" + dt::Date::today().plus_days(-1).iso() + ".db");
        fs::copy_file(t.backup(), yesterday);
        overwrite(t.backup(), 0, 100, 3);
        check_sentence(t.admin("list"), "is damaged", "restore the newest backup with: " + t.restore_command(yesterday));
        CHECK(t.plain("restore " + sh(t.backup().string())).exit_code == 5);  // a damaged backup is refused
        CHECK(t.plain("restore " + sh(yesterday.string())).exit_code == 0);
        CHECK(t.plain("check").exit_code == 0);
    }
    SUBCASE("a missing database with a backup") {
        fs::remove(t.db);
        check_sentence(t.admin("list"), "There is no database at",
                       "run 'dtrack init' to create it, or restore the newest backup with: " + t.restore_command(t.backup()));
        CHECK(t.plain("restore " + sh(t.backup().string())).exit_code == 0);
        CHECK(t.admin("list --json").out == t.listed);
    }
}

TEST_CASE("a healthy database is still restored only by an administrator") {
    Tracker t;
    CHECK(t.plain("restore " + sh(t.backup().string())).exit_code == 3);
    CHECK(t.admin("restore " + sh(t.backup().string())).exit_code == 0);
}

TEST_CASE("a read-only database file: reads work, a write exits 5 saying so, nothing changes") {
    Tracker t;
    std::string why;
    const auto exe = nobody_dtrack(t, why);
    if (exe.empty()) {
        skip(why);
        return;
    }
    fs::permissions(t.dir.path(), fs::perms::all);  // the folder is writable for everyone: SQLite's -wal and -shm can be made
    fs::permissions(t.db, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
    const auto listed = t.nobody(exe, "list --json");
    REQUIRE_MESSAGE(listed.exit_code == 0, listed.err);
    CHECK(listed.out == t.listed);
    const auto r = t.nobody(exe, "update 1 --owner 'Ai đó'");
    check_sentence(r, "is read-only for this user", "make it writable for this user");
    CHECK(t.admin("list --json").out == t.listed);
}

TEST_CASE("a database in a read-only folder: exit 5 naming the folder and SQLite's -wal and -shm files") {
    Tracker t;
    std::string why;
    const auto exe = nobody_dtrack(t, why);
    if (exe.empty()) {
        skip(why);
        return;
    }
    fs::permissions(t.dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                      fs::perms::others_read | fs::perms::others_exec);
    fs::permissions(t.db, fs::perms::all);  // the file itself is writable, its folder (root's, 0755) is not
    const auto r = t.nobody(exe, "list");
    check_sentence(r, "The folder " + sh(t.dir.path().string()) + " is read-only for this user", "make that folder writable");
    CHECK(r.err.find("tracker.db-wal") != std::string::npos);
    CHECK(t.admin("list --json").out == t.listed);
}

TEST_CASE("a full disk: writes exit 5 and roll back whole, the file stays healthy with its data") {
    dt::test::TempDir dir;
    SmallDisk disk(dir / "disk", "2m");
    if (!disk.mounted) {
        MESSAGE("skipped: mounting a 2 MB tmpfs needs root (" << (root() ? "mount failed" : "not root") << ")");
        return;
    }
    const fs::path db = disk.where / "tracker.db";
    const std::string d = "--db " + sh(db.string()) + " ";
    REQUIRE(run_dtrack(d + "init --admin admin", kAdminEnv).exit_code == 0);
    const auto before = run_dtrack(d + "--user admin list --json", kAdminEnv);
    REQUIRE(before.exit_code == 0);
    const auto id = std::to_string(nlohmann::json::parse(before.out).at(0)["id"].get<long long>());
    // Fill the disk, leaving a little room: enough to open (SQLite's -shm), not to write much.
    {
        std::ofstream filler(disk.where / "filler", std::ios::binary);
        const std::string block(4096, '\0');
        while (filler.write(block.data(), static_cast<std::streamsize>(block.size()))) {}
    }
    fs::resize_file(disk.where / "filler", fs::file_size(disk.where / "filler") - 64 * 1024);
    const auto import = run_dtrack(d + "--user admin import " + sh(std::string(DT_TEST_DATA) + "/directives/ct-12-ubnd-official-roman.txt"),
                                   kAdminEnv);
    check_sentence(import, "The disk that holds", "free some space on that disk and try again; nothing was changed");
    const auto backup = run_dtrack(d + "--user admin backup " + sh((disk.where / "copy.db").string()), kAdminEnv);
    CHECK(backup.exit_code == 5);
    CHECK_FALSE(fs::exists(disk.where / "copy.db"));  // no half a backup
    // Completely full: even opening fails (SQLite cannot make its -shm), saying so.
    {
        std::ofstream more(disk.where / "filler2", std::ios::binary);
        const std::string block(512, '\0');
        while (more.write(block.data(), static_cast<std::streamsize>(block.size()))) {}
    }
    check_sentence(run_dtrack(d + "--user admin update " + id + " --owner 'Ai đó'", kAdminEnv), "The disk that holds",
                   "free some space");
    fs::remove(disk.where / "filler");
    fs::remove(disk.where / "filler2");
    const auto check = run_dtrack(d + "check");
    CHECK_MESSAGE(check.exit_code == 0, check.err);
    CHECK(run_dtrack(d + "--user admin list --json", kAdminEnv).out == before.out);
    CHECK(run_dtrack(d + "--user admin update " + id + " --owner 'Ai đó'", kAdminEnv).exit_code == 0);
}

TEST_CASE("issue 17.11: a read-only -shm left behind beside a writable database: exit 5 naming that file and what to do") {
    Tracker t;
    std::string why;
    const auto exe = nobody_dtrack(t, why);
    if (exe.empty()) {
        skip(why);
        return;
    }
    fs::permissions(t.dir.path(), fs::perms::all);
    fs::permissions(t.db, fs::perms::all);  // the file's mode was fixed…
    const fs::path shm = t.db.string() + "-shm";
    {
        std::ofstream left(shm, std::ios::binary);  // …but root's -shm (0644) was left behind
        left << std::string(32768, '\0');
    }
    fs::permissions(shm, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
    const auto r = t.nobody(exe, "update 1 --owner 'Ai đó'");
    check_sentence(r, "SQLite's file " + sh(shm.string()) + " beside it is read-only for this user", "delete that file");
    CHECK(r.err.find("restore") == std::string::npos);
    CHECK(t.admin("list --json").out == t.listed);  // nothing changed
    // Following the advice mends it.
    fs::remove(shm);
    CHECK(t.nobody(exe, "update 1 --owner 'Ai đó'").exit_code == 0);
}
