// The real executable under Xvfb drawing every view for a few hundred frames (--tour). Under the
// asan preset LeakSanitizer runs at its exit: a leak makes the exit status non-zero.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>

#include "support.h"

namespace {
const std::string kAdminEnv = "DTRACK_PASSWORD='mật khẩu quản trị'";

// Mesa's software driver is dlopen()ed by libGL and dlclose()d when the display closes, before
// LeakSanitizer looks: the blocks it keeps from its own globals then show up as leaks of an
// "<unknown module>" that no suppression can name. Preloading it keeps it mapped to the end, so
// those blocks stay reachable and everything else (ours included) is still checked.
std::string keep_mesa_loaded() {
#if defined(__SANITIZE_ADDRESS__)
    for (const char* driver : {"/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so", "/usr/lib/aarch64-linux-gnu/dri/swrast_dri.so",
                               "/usr/lib64/dri/swrast_dri.so", "/usr/lib/dri/swrast_dri.so"})
        if (std::filesystem::exists(driver))
            return std::string("LD_PRELOAD=") + driver + " ASAN_OPTIONS=detect_leaks=1:verify_asan_link_order=0 ";
    return "ASAN_OPTIONS=detect_leaks=1 ";
#else
    return "";
#endif
}
}  // namespace

TEST_CASE("a tour of every view, 32 frames each, under Xvfb exits 0 (no leak under the asan preset)") {
    REQUIRE_MESSAGE(std::system("command -v xvfb-run >/dev/null") == 0, "xvfb-run is missing (./test.sh installs it)");
    dt::test::TempDir dir;
    const auto db = "--db '" + (dir / "tracker.db").string() + "'";
    REQUIRE(dt::test::run_dtrack(db + " init --admin admin", kAdminEnv).exit_code == 0);
    // Something in every view: an investor, a project and an entry, a status change with evidence.
    REQUIRE(dt::test::run_dtrack(db + " --user admin invest investor add 'Ban QLDA Ví dụ'", kAdminEnv).exit_code == 0);
    REQUIRE(dt::test::run_dtrack(db + " --user admin invest project add GT-01 --investor 'Ban QLDA Ví dụ' --name 'Đường'"
                                      " --year 2025 --plan-assigned 1.000.000.000 --plan-total 1.200.000.000",
                                 kAdminEnv).exit_code == 0);
    REQUIRE(dt::test::run_dtrack(db + " --user admin invest record GT-01 --date 27/06/2025 --amount 250.000.000", kAdminEnv)
                .exit_code == 0);
    REQUIRE(dt::test::run_dtrack(db + " --user admin update 1 --status in_progress --progress 40", kAdminEnv).exit_code == 0);
    REQUIRE(dt::test::run_dtrack(db + " --user admin evidence add 1 --note 'Đã gửi văn bản'", kAdminEnv).exit_code == 0);

    const auto log = dir / "tour.log";
    // XDG_CONFIG_HOME: the tour saves no layout, and must not read the user's either.
    const std::string cmd = kAdminEnv + " XDG_CONFIG_HOME='" + (dir / "config").string() +
                            "' xvfb-run -a -s '-screen 0 1600x1000x24' env " + keep_mesa_loaded() +
                            std::string(DT_GUI_EXE) + " " + db + " --user admin --as-of 2025-07-15 --tour 32 >'" +
                            log.string() + "' 2>&1";
    const int status = std::system(cmd.c_str());
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    CHECK_MESSAGE(code == 0, dt::test::read_text(log));
}
