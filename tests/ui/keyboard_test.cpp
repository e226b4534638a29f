// The keyboard: Ctrl+1…8 switch views, the palette jumps to a task typed without diacritics, Esc closes.
#include <doctest/doctest.h>

#include <set>

#include "headless.h"
#include "support.h"
#include "ui/views.h"

using namespace dt;

TEST_CASE("Ctrl+2 opens the directive, Ctrl+3 the tasks, Ctrl+1 the dashboard, a digit alone does not") {
    test::Fixture fx;
    test::Headless gui;
    ui::AppState state(*fx.service, fx.admin);
    gui.frames(state, 2);
    REQUIRE(state.view == ui::View::Dashboard);
    gui.key(state, '2');
    CHECK(state.view == ui::View::Dashboard);
    gui.key(state, '2', true);
    CHECK(state.view == ui::View::Directive);
    gui.key(state, '3', true);
    CHECK(state.view == ui::View::Tasks);
    gui.key(state, '8', true);
    CHECK(state.view == ui::View::Admin);
    gui.key(state, '1', true);
    CHECK(state.view == ui::View::Dashboard);
}

TEST_CASE("the palette finds a task by a word typed without diacritics and opens its rows") {
    test::Fixture fx;
    test::Headless gui;
    ui::AppState state(*fx.service, fx.admin);
    state.as_of = Date{2025, 7, 15};
    gui.frames(state, 2);
    gui.key(state, 'K', true);
    REQUIRE(state.palette.open);
    gui.type(state, "thuong mai");  // "Phát triển hạ tầng thương mại" (2.1), not the agency "Sở Công Thương"
    REQUIRE(state.palette.matches.size() == 1);
    const auto& found = state.palette.candidates[state.palette.matches[0]];
    CHECK(found.kind == ui::PaletteEntry::Kind::Task);
    CHECK(found.ref == "2.1");
    gui.key(state, 257);  // Enter
    CHECK_FALSE(state.palette.open);
    CHECK(state.view == ui::View::Tasks);
    REQUIRE(state.tasks.visible().size() == 1);
    CHECK(state.tasks.rows()[state.tasks.visible()[0]].ref == "2.1");

    // An agency by its name without accents; Esc closes without jumping.
    gui.key(state, 'P', true, true);
    REQUIRE(state.palette.open);
    gui.type(state, "cong thuong");
    REQUIRE_FALSE(state.palette.matches.empty());
    CHECK(state.palette.candidates[state.palette.matches[0]].kind == ui::PaletteEntry::Kind::Agency);
    gui.key(state, 256);  // Esc
    CHECK_FALSE(state.palette.open);
    CHECK(state.view == ui::View::Tasks);
    CHECK(state.tasks.visible().size() == 1);
}

TEST_CASE("a file dropped on the window fills the path field of the view it lands on") {
    test::Fixture fx;
    test::Headless gui;
    ui::AppState state(*fx.service, fx.admin);
    state.view = ui::View::Disbursement;
    state.dropped = {"/tmp/giai-ngan-thang-7.csv"};
    gui.frames(state, 1);
    CHECK(std::string(state.disbursement_view.csv_path) == "/tmp/giai-ngan-thang-7.csv");
    state.view = ui::View::Admin;
    state.dropped = {"/tmp/sao-luu.db"};
    gui.frames(state, 1);
    CHECK(std::string(state.admin.restore_path) == "/tmp/sao-luu.db");
    state.dropped = {"/tmp/chi-thi-12.docx"};
    gui.frames(state, 1);
    CHECK(std::string(state.admin.import_path) == "/tmp/chi-thi-12.docx");
    CHECK(state.dropped.empty());
}
