// Several processes on one database file: nothing lost, nothing overwritten, nothing half-done.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "support.h"

using namespace dt;

namespace {
int scalar(const std::filesystem::path& db, const std::string& sql) {
    SQLite::Database raw(db.string(), SQLite::OPEN_READONLY);
    return raw.execAndGet(sql).getInt();
}

std::string ids_of(test::Fixture& fx, const std::string& task_ref, int count) {
    service::ListFilter f;
    std::string ids;
    int n = 0;
    for (const auto& v : fx.service->list(f))
        if (v.record.task_ref == task_ref && n++ < count) ids += (ids.empty() ? "" : ",") + std::to_string(v.record.id);
    return ids;
}
}  // namespace

TEST_CASE("two processes updating different assignments 500 times each: every update lands") {
    test::Fixture fx;
    const auto db = (fx.dir / "tracker.db").string();
    const std::string a = ids_of(fx, "1.2", 5), b = ids_of(fx, "1.1", 2);
    const auto out = fx.dir / "out";
    const std::string cmd = "(" + std::string(DT_STRESS_EXE) + " '" + db + "' " + a + " 500 > '" + out.string() + "1' 2>&1 & " +
                            DT_STRESS_EXE + " '" + db + "' " + b + " 500 > '" + out.string() + "2' 2>&1 & wait)";
    const auto started = std::chrono::steady_clock::now();
    REQUIRE(std::system(cmd.c_str()) == 0);
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    MESSAGE("1,000 updates from two processes in " << seconds << " s");
    const auto r1 = test::read_text(out.string() + "1"), r2 = test::read_text(out.string() + "2");
    CHECK(r1 == "500 0\n");
    CHECK(r2 == "500 0\n");
    CHECK(r1.find("locked") == std::string::npos);
    CHECK(r2.find("locked") == std::string::npos);
    CHECK(scalar(db, "SELECT count(*) FROM journal WHERE field = 'owner'") == 1000);
    CHECK(scalar(db, "SELECT sum(version - 1) FROM assignments") == 1000);
}

TEST_CASE("two processes updating the same assignment from the same version: one wins, one conflicts") {
    test::TempDir dir;
    const auto db = "--db '" + (dir / "t.db").string() + "'";
    const std::string env = "DTRACK_PASSWORD='mật khẩu quản trị'";
    REQUIRE(test::run_dtrack(db + " init --admin admin", env).exit_code == 0);
    // Both start from version 1 at once; each writes its exit status to a file.
    const std::string base = env + " '" + DT_DTRACK_EXE + "' " + db + " --user admin update 7 --expect-version 1 --owner ";
    {
        std::ofstream script(dir / "race.sh");
        script << "(" << base << "'Người A' >/dev/null 2>&1; echo $? > '" << (dir / "a").string() << "') &\n"
               << "(" << base << "'Người B' >/dev/null 2>&1; echo $? > '" << (dir / "b").string() << "') &\nwait\n";
    }
    REQUIRE(std::system(("bash '" + (dir / "race.sh").string() + "'").c_str()) == 0);
    const auto a = test::read_text(dir / "a"), b = test::read_text(dir / "b");
    CHECK(((a == "0\n" && b == "4\n") || (a == "4\n" && b == "0\n")));
    CHECK(scalar(dir / "t.db", "SELECT version FROM assignments WHERE id = 7") == 2);
    CHECK(scalar(dir / "t.db", "SELECT count(*) FROM journal WHERE assignment_id = 7") == 1);
    CHECK(scalar(dir / "t.db", "SELECT sum(version) FROM assignments") == scalar(dir / "t.db", "SELECT count(*) FROM assignments") + 1);
}

TEST_CASE("an import killed with SIGKILL leaves all of it or none of it, and check passes") {
    test::TempDir dir;
    const auto db = "--db '" + (dir / "t.db").string() + "'";
    const std::string env = "DTRACK_PASSWORD='mật khẩu quản trị'";
    REQUIRE(test::run_dtrack(db + " init --admin admin", env).exit_code == 0);  // the registry and 07/CT-UBND
    // A big directive: 600 tasks for two groups fan out to some 16,800 assignments in one transaction.
    {
        std::ofstream text(dir / "lon.txt");
        text << "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\nSố: 99/CT-UBND\nCao Bằng, ngày 03 tháng 02 năm 2026\nCHỈ THỊ\nVề việc thử tải lớn\n";
        for (int s = 1; s <= 6; ++s) {
            text << s << ". Nhóm nhiệm vụ thử số " << s << ".\na) Các sở, ban, ngành, UBND các huyện, thành phố:\n";
            for (int t = 0; t < 100; ++t) text << "- Thực hiện nhiệm vụ thử số " << t << " trước ngày 31/12/2026.\n";
        }
        text << "Nơi nhận:\n- Như trên;\n";
    }
    REQUIRE(test::run_dtrack(db + " --user admin import '" + (dir / "lon.txt").string() + "' --dry-run --json", env).exit_code == 0);
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        setenv("DTRACK_PASSWORD", "mật khẩu quản trị", 1);
        execl(DT_DTRACK_EXE, "dtrack", "--db", (dir / "t.db").c_str(), "--user", "admin", "import", (dir / "lon.txt").c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(250));  // past sign-in, inside the import
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    const auto check = test::run_dtrack(db + " check", "");
    CHECK_MESSAGE(check.exit_code == 0, check.err);
    const int directives = scalar(dir / "t.db", "SELECT count(*) FROM directives");
    const int tasks = scalar(dir / "t.db", "SELECT count(*) FROM tasks");
    MESSAGE("killed " << std::string(WIFSIGNALED(status) ? "during" : "after") << " the import: " << directives << " directive(s), "
                      << tasks << " tasks");
    CHECK((directives == 1 || directives == 2));
    CHECK(tasks == 38 + (directives - 1) * 600);
    const int big = scalar(dir / "t.db", "SELECT count(*) FROM assignments a JOIN tasks t ON t.id = a.task_id "
                                         "JOIN directives d ON d.id = t.directive_id WHERE d.code = '99/CT-UBND'");
    const int members = scalar(dir / "t.db", "SELECT count(DISTINCT m.member_id) FROM group_members m JOIN agencies g "
                                             "ON g.id = m.group_id WHERE g.name IN ('Các sở, ban, ngành', 'UBND các huyện, thành phố')");
    CHECK(big == (directives - 1) * 600 * members);
}
