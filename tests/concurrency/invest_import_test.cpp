// Issue 17, item 9: a 20,000-row `invest import` (one transaction, now one pass) does not keep
// another writer out longer than SQLite's busy timeout (5 s): the other write lands.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "app/storage_advice.h"
#include "support.h"

using namespace dt;

TEST_CASE("another writer is not refused during a 20,000-row invest import, both land whole") {
    test::TempDir dir;
    const auto file = dir / "t.db";
    const std::string db = "--db " + app::shell_word(file.string());
    const std::string env = "DTRACK_PASSWORD='mật khẩu quản trị'";
    REQUIRE(test::run_dtrack(db + " init --admin admin", env).exit_code == 0);
    REQUIRE(test::run_dtrack(db + " --user admin invest investor add 'Ban QLDA thử'", env).exit_code == 0);
    for (int p = 0; p < 4; ++p)
        REQUIRE(test::run_dtrack(db + " --user admin invest project add DA-" + std::to_string(p) +
                                     " --investor 'Ban QLDA thử' --name 'Dự án thử' --year 2025 --plan-assigned 900000000000000 "
                                     "--plan-total 900000000000000",
                                 env).exit_code == 0);
    {
        std::ofstream csv(dir / "rows.csv");
        csv << "project_code,date,amount,note\n";
        for (int i = 0; i < 20000; ++i) csv << "DA-" << i % 4 << ",2025-" << (1 + i % 12 < 10 ? "0" : "") << 1 + i % 12 << "-15," << 1000 + i << ",dòng " << i << "\n";
    }
    const auto started = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        setenv("DTRACK_PASSWORD", "mật khẩu quản trị", 1);
        const int null = ::open("/dev/null", O_WRONLY);
        dup2(null, 1);
        execl(DT_DTRACK_EXE, "dtrack", "--db", file.c_str(), "--user", "admin", "invest", "import", (dir / "rows.csv").c_str(),
              static_cast<char*>(nullptr));
        _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // past sign-in, into the import
    const auto other = test::run_dtrack(db + " --user admin update 7 --owner 'Người khác'", env);
    int status = 0;
    waitpid(pid, &status, 0);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    MESSAGE("import of 20,000 rows and the other write: " << seconds << " s");
    CHECK_MESSAGE(other.exit_code == 0, other.err);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    SQLite::Database raw(file.string(), SQLite::OPEN_READONLY);
    CHECK(raw.execAndGet("SELECT count(*) FROM disbursements").getInt() == 20000);
    CHECK(raw.execAndGet("SELECT owner FROM assignments WHERE id = 7").getString() == "Người khác");
}
