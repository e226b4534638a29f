// The real executable on a damaged database under Xvfb: the recovery screen, not a crash and not
// a blank window; it exits cleanly and leaves the file as it found it.
#include <doctest/doctest.h>

#include <stb/stb_image.h>

#include <sys/wait.h>

#include <cstdlib>
#include <set>

#include "app/storage_advice.h"
#include "support.h"

namespace fs = std::filesystem;

namespace {
const std::string kAdminEnv = "DTRACK_PASSWORD='mật khẩu quản trị'";

// Width, height and the number of distinct colours of a PNG (0, 0, 0 when unreadable).
std::tuple<int, int, std::size_t> look(const fs::path& png) {
    int w = 0, h = 0, channels = 0;
    unsigned char* data = stbi_load(png.c_str(), &w, &h, &channels, 4);
    if (!data) return {0, 0, 0};
    std::set<unsigned> colours;
    for (int i = 0; i < w * h; i += 7) colours.insert(unsigned(data[4 * i]) << 16 | unsigned(data[4 * i + 1]) << 8 | data[4 * i + 2]);
    stbi_image_free(data);
    return {w, h, colours.size()};
}

int gui(const std::string& args) {
    const std::string cmd = "ASAN_OPTIONS=detect_leaks=0 " + kAdminEnv + " xvfb-run -a -s '-screen 0 1600x1000x24' " +
                            std::string(DT_GUI_EXE) + " " + args + " >/dev/null 2>&1";
    const int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
}  // namespace

TEST_CASE("the GUI on a damaged database shows the recovery screen under Xvfb and exits cleanly") {
    REQUIRE_MESSAGE(std::system("command -v xvfb-run >/dev/null") == 0, "xvfb-run is missing (./test.sh installs it)");
    dt::test::TempDir dir;
    const fs::path db = dir / "tracker.db";
    const std::string on = "--db " + dt::app::shell_word(db.string());
    REQUIRE(dt::test::run_dtrack(on + " init --admin admin", kAdminEnv).exit_code == 0);
    REQUIRE(dt::test::run_dtrack(on + " --user admin list", kAdminEnv).exit_code == 0);  // today's backup
    REQUIRE(gui(on + " --screenshot " + dt::app::shell_word((dir / "healthy.png").string())) == 0);

    fs::resize_file(db, fs::file_size(db) / 2);
    const std::string damaged = dt::test::read_text(db);
    for (const char* lang : {"vi", "en"}) {
        CAPTURE(lang);
        const fs::path png = dir / (std::string("recovery-") + lang + ".png");
        CHECK(gui(on + " --lang " + lang + " --screenshot " + dt::app::shell_word(png.string())) == 0);
        const auto [w, h, colours] = look(png);
        CHECK(w == 1600);
        CHECK(h == 1000);
        CHECK(colours > 5);  // text and buttons, not an empty window
    }
    CHECK(std::get<2>(look(dir / "recovery-vi.png")) != 0);
    CHECK(look(dir / "recovery-vi.png") != look(dir / "healthy.png"));  // not the sign-in screen
    // Signed in at once (--user) and touring every view: still the recovery screen, exit 0.
    CHECK(gui(on + " --user admin --tour 3") == 0);
    // Showing the screen wrote nothing: the damaged bytes are still there for the restore to keep.
    CHECK(dt::test::read_text(db) == damaged);
    CHECK(fs::exists(dir / "backups"));
}
