// Saving an attachment out never writes outside the folder it is given, whatever its stored name.
#include <doctest/doctest.h>

#include <filesystem>
#include <vector>

#include "support.h"
#include "ui/open_file.h"

using namespace dt;
namespace fs = std::filesystem;

TEST_CASE("an attachment saved out stays in its folder whatever name the database holds") {
    test::TempDir dir;
    const fs::path folder = dir / "attachments";
    fs::create_directories(folder);
    const std::vector<std::string> names = {"../../escaped.txt", "/etc/passwd", "..", ".", "", ".hidden", "a/../../b.txt",
                                   "..\\..\\win.txt", "x\x1B[2J\xFF.pdf", std::string(600, 'n')};
    for (const auto& name : names) {
        CAPTURE(name.substr(0, 40));
        std::string error;
        const auto path = ui::save_attachment({name, "nội dung", "ABCDEF0123456789ffff"}, folder.string(), error);
        REQUIRE_MESSAGE(path.has_value(), error);
        const fs::path saved = fs::weakly_canonical(*path);
        CHECK(saved.parent_path() == fs::weakly_canonical(folder / "ABCDEF0123456789"));
        CHECK(saved.filename().string().front() != '.');
        CHECK(saved.filename().string().size() <= 255);
        CHECK(test::read_text(saved) == "nội dung");
    }
    std::string error;
    // A hash that is not hex cannot name a folder outside either.
    const auto odd = ui::save_attachment({"x.pdf", "d", "../../../../tmp"}, folder.string(), error);
    REQUIRE(odd.has_value());
    CHECK(fs::weakly_canonical(*odd).parent_path() == fs::weakly_canonical(folder / "unknown"));
    CHECK_FALSE(fs::exists(dir / "escaped.txt"));
    CHECK_FALSE(fs::exists(dir.path().parent_path() / "escaped.txt"));
}
