// The real executable in a real window under Xvfb: one PNG per view, checked for size and content.
#include <doctest/doctest.h>

#include <stb/stb_image.h>

#include <sys/wait.h>

#include <cstdlib>
#include <set>

#include "support.h"

namespace {
struct Image {
    int width = 0, height = 0;
    std::set<unsigned> colours;
};

Image load_png(const std::string& path) {
    Image img;
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &img.width, &img.height, &channels, 4);
    if (!data) return img;
    for (int i = 0; i < img.width * img.height; i += 7) {
        const unsigned char* p = data + 4 * i;
        img.colours.insert(unsigned(p[0]) << 16 | unsigned(p[1]) << 8 | unsigned(p[2]));
    }
    stbi_image_free(data);
    return img;
}
}  // namespace

namespace {
// Renders one screen of the real executable under Xvfb into `png`; the exit status.
int render(const std::string& args, const std::string& png, const std::string& env = "") {
    // Mesa's software renderer keeps a few allocations to the end; under sanitizers they are
    // not ours to report (the headless view tests run our drawing code with leak checks).
    const std::string cmd = "ASAN_OPTIONS=detect_leaks=0 " + env + " xvfb-run -a -s '-screen 0 1600x1000x24' " +
                            std::string(DT_GUI_EXE) + " " + args + " --screenshot '" + png + "' >/dev/null 2>&1";
    return std::system(cmd.c_str());
}
const std::string kAdminEnv = "DTRACK_PASSWORD='mật khẩu quản trị'";
}  // namespace

TEST_CASE("every view renders under Xvfb to a 1600x1000 PNG that is not blank") {
    REQUIRE_MESSAGE(std::system("command -v xvfb-run >/dev/null") == 0, "xvfb-run is missing (./test.sh installs it)");
    dt::test::TempDir dir;
    const auto db = "--db '" + (dir / "tracker.db").string() + "'";
    REQUIRE(dt::test::run_dtrack(db + " init --admin admin", kAdminEnv).exit_code == 0);
    for (const char* view :
         {"dashboard", "directive", "tasks", "task", "my-agency", "admin", "disbursement", "reports", "reminders"}) {
        CAPTURE(view);
        const auto png = (dir / (std::string(view) + ".png")).string();
        REQUIRE(render(db + " --user admin --as-of 2025-07-15 --view " + view, png, kAdminEnv) == 0);
        const auto img = load_png(png);
        CHECK(img.width == 1600);
        CHECK(img.height == 1000);
        CHECK(img.colours.size() > 20);  // text, frames and colours, not an empty window
    }
}

TEST_CASE("every view renders at a 1366x768 laptop's size, in both languages") {
    dt::test::TempDir dir;
    const auto db = "--db '" + (dir / "tracker.db").string() + "'";
    REQUIRE(dt::test::run_dtrack(db + " init --admin admin", kAdminEnv).exit_code == 0);
    for (const char* lang : {"vi", "en"})
        for (const char* view :
             {"dashboard", "directive", "tasks", "task", "my-agency", "admin", "disbursement", "reports", "reminders"}) {
            CAPTURE(view);
            CAPTURE(lang);
            const auto png = (dir / (std::string(view) + "-" + lang + ".png")).string();
            REQUIRE(render(db + " --user admin --as-of 2025-07-15 --size 1366x768 --lang " + lang + " --view " + view, png,
                           kAdminEnv) == 0);
            const auto img = load_png(png);
            CHECK(img.width == 1366);
            CHECK(img.height == 768);
            CHECK(img.colours.size() > 20);
        }
}

TEST_CASE("the sign-in screens: the first administrator on a new file, then user and password") {
    dt::test::TempDir dir;
    const auto db = "--db '" + (dir / "tracker.db").string() + "'";
    REQUIRE(render(db, (dir / "first.png").string()) == 0);
    REQUIRE(dt::test::run_dtrack(db + " init --admin admin", kAdminEnv).exit_code == 0);
    REQUIRE(render(db, (dir / "sign-in.png").string()) == 0);
    const auto first = load_png((dir / "first.png").string()), sign_in = load_png((dir / "sign-in.png").string());
    CHECK(first.width == 1600);
    CHECK(sign_in.width == 1600);
    CHECK(first.colours.size() > 5);
    CHECK(first.colours != sign_in.colours);  // the first-administrator form has one more field
}

TEST_CASE("without a display the application says so and exits 1") {
    dt::test::TempDir dir;
    const std::string cmd = "env -u DISPLAY -u WAYLAND_DISPLAY " + std::string(DT_GUI_EXE) + " --db '" +
                            (dir / "t.db").string() + "' >'" + (dir / "err").string() + "' 2>&1";
    const int status = std::system(cmd.c_str());
    CHECK(WEXITSTATUS(status) == 1);
    CHECK(dt::test::read_text(dir / "err").find("dtrack") != std::string::npos);
}
