// Issue 15 in the GUI: the Báo cáo view exports a DOCX with this report's number and signer,
// prefills the next from the last (its number one higher) and reissues a recorded report; the
// editor saves an agency's difficulties and proposals through the service.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <vector>

#include "headless.h"
#include "report/build.h"
#include "support.h"
#include "ui/app_state.h"
#include "ui/views.h"

using namespace dt;
using store::Id;

namespace {
ui::AppState state_for(test::Fixture& fx, const service::Actor& actor, ui::View view) {
    ui::AppState s(*fx.service, actor);
    s.as_of = Date{2025, 7, 15};
    s.view = view;
    return s;
}
}  // namespace

TEST_CASE("the reports view writes a DOCX with its own number and signer, then offers the next number") {
    test::Fixture fx;
    test::Headless gui;
    auto state = state_for(fx, fx.admin, ui::View::Reports);
    auto& v = state.reports_view;
    std::snprintf(v.folder, sizeof v.folder, "%s", fx.dir.path().c_str());
    std::snprintf(v.file_stem, sizeof v.file_stem, "bao-cao-thang-7");
    gui.frames(state, 2);
    REQUIRE(v.document_loaded);
    CHECK(std::string(v.number) == "…/BC-UBND");  // no report yet: the settings' number
    std::snprintf(v.number, sizeof v.number, "%s", "57/BC-UBND");
    std::snprintf(v.signer, sizeof v.signer, "%s", "Đàm Thị Hương");
    v.formats[0] = v.formats[1] = false;
    REQUIRE(gui.click(state, "reports:format:docx"));
    CHECK(v.formats[4]);
    REQUIRE(gui.click(state, "reports:export"));
    gui.frames(state, 3);
    CHECK(v.error.empty());
    REQUIRE(std::filesystem::exists(fx.dir / "bao-cao-thang-7.docx"));
    const auto records = fx.service->reports();
    REQUIRE(records.size() == 1);
    CHECK(records[0].format == "docx");
    const auto doc = report::parse_document_json(records[0].document, {});
    CHECK(doc.settings.number == "57/BC-UBND");
    CHECK(doc.settings.signer_name == "Đàm Thị Hương");
    // The next report is prefilled from this one, its number one higher.
    gui.frames(state, 2);
    CHECK(std::string(v.number) == "58/BC-UBND");
    CHECK(std::string(v.signer) == "Đàm Thị Hương");
    // Reissue: the recorded report written again under its id.
    REQUIRE(gui.click(state, "reports:reissue:" + std::to_string(records[0].id)));
    gui.frames(state, 1);
    CHECK(v.error.empty());
    CHECK(std::filesystem::exists(fx.dir / ("bao-cao-" + std::to_string(records[0].id) + "-2025-07-15.docx")));
    CHECK(fx.service->reports().size() == 1);  // a reissue is not a new report
}

TEST_CASE("the editor saves an agency's difficulties and proposals, journalled") {
    test::Fixture fx;
    test::Headless gui;
    const auto sct = fx.add_user("sct", UserRole::Agency, "Sở Công Thương");
    const Id id = fx.assignment_of("2.1", "Sở Công Thương");
    auto state = state_for(fx, sct, ui::View::Task);
    ui::select_assignment(state, id);
    gui.frames(state, 2);
    REQUIRE(gui.click(state, "editor:proposals"));
    gui.type(state, "Đề nghị bố trí 5 tỷ đồng");
    REQUIRE(gui.click(state, "editor:difficulties"));
    gui.type(state, "Mặt bằng chưa giải phóng xong");
    REQUIRE(gui.click(state, "editor:proposals:save"));
    gui.frames(state, 1);
    const auto saved = fx.service->get(id).record;
    CHECK(saved.proposals == "Đề nghị bố trí 5 tỷ đồng");
    CHECK(saved.difficulties == "Mặt bằng chưa giải phóng xong");
    const auto history = fx.service->history(id);
    REQUIRE_FALSE(history.empty());
    CHECK(history.back().field == "proposals");
    CHECK(history.back().new_value == "Đề nghị bố trí 5 tỷ đồng");
    CHECK(std::string(state.editor.proposals) == "Đề nghị bố trí 5 tỷ đồng");  // refilled from what was saved
}

namespace {
// PATH set to `dir` (and back to what it was) while it lives: the GUI's lp is whatever is there.
struct PathOnly {
    explicit PathOnly(const std::string& dir) : old_(std::getenv("PATH") ? std::getenv("PATH") : "") {
        setenv("PATH", dir.c_str(), 1);
    }
    ~PathOnly() { setenv("PATH", old_.c_str(), 1); }
    std::string old_;
};

// A fake CUPS lp: records its arguments one per line and keeps a copy of the file it was
// given (the last argument), then exits with `code`.
void fake_lp(const std::filesystem::path& dir, int code) {
    std::filesystem::create_directories(dir);
    const auto lp = dir / "lp";
    std::ofstream(lp) << "#!/bin/sh\n"
                         "printf '%s\\n' \"$@\" > \"" << (dir / "args").string() << "\"\n"
                         "for last; do :; done\n"
                         "cp \"$last\" \"" << (dir / "printed.pdf").string() << "\"\n"
                         "exit " << code << "\n";
    std::filesystem::permissions(lp, std::filesystem::perms::owner_all);
}

std::vector<std::string> lines_of(const std::filesystem::path& path) {
    std::vector<std::string> out;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}
}  // namespace

TEST_CASE("the reports view prints the PDF through lp, and says so when lp is missing or refuses") {
    test::Fixture fx;
    test::Headless gui;
    auto state = state_for(fx, fx.admin, ui::View::Reports);
    auto& v = state.reports_view;
    gui.frames(state, 2);
    REQUIRE(v.document_loaded);
    std::snprintf(v.number, sizeof v.number, "%s", "61/BC-UBND");
    const auto bin = fx.dir / "bin";

    SUBCASE("lp gets the PDF with a title, A4 and the file after --") {
        fake_lp(bin, 0);
        {
            PathOnly path(bin.string() + ":/usr/bin:/bin");
            REQUIRE(gui.click(state, "reports:print"));
            gui.frames(state, 1);
        }
        CHECK(v.error.empty());
        const auto args = lines_of(bin / "args");
        REQUIRE(args.size() == 6);
        CHECK(args[0] == "-t");
        CHECK(args[1] == "Báo cáo 61/BC-UBND (15/07/2025)");
        CHECK(args[2] == "-o");
        CHECK(args[3] == "media=A4");
        CHECK(args[4] == "--");
        CHECK(args[5].ends_with("bao-cao-2025-07-15.pdf"));
        // What lp was given is the report's PDF; the private copy is gone once lp returned.
        CHECK(test::read_text(bin / "printed.pdf").starts_with("%PDF-"));
        CHECK(test::read_text(bin / "printed.pdf").size() > 5000);
        CHECK_FALSE(std::filesystem::exists(args[5]));
        CHECK_FALSE(std::filesystem::exists(std::filesystem::path(args[5]).parent_path()));
    }
    SUBCASE("no lp on the PATH: a sentence in the view, nothing sent") {
        std::filesystem::create_directories(bin);
        {
            PathOnly path(bin.string());
            REQUIRE(gui.click(state, "reports:print"));
            gui.frames(state, 2);  // the view goes on drawing
        }
        CHECK(v.error.find("Không tìm thấy lệnh in (lp)") != std::string::npos);
        CHECK(v.error.find("cups-client") != std::string::npos);
    }
    SUBCASE("lp refuses the job (no printer): another sentence") {
        fake_lp(bin, 1);
        {
            PathOnly path(bin.string() + ":/usr/bin:/bin");
            REQUIRE(gui.click(state, "reports:print"));
            gui.frames(state, 1);
        }
        CHECK(v.error.find("chưa có máy in mặc định") != std::string::npos);
        CHECK(std::filesystem::exists(bin / "args"));
    }
}
