// The keyboard: Ctrl+1…8 switch views, the palette jumps to a task typed without diacritics, Esc closes.
#include <doctest/doctest.h>

#include <set>

#include <imgui.h>

#include "headless.h"
#include "support.h"
#include "ui/key_taps.h"
#include "ui/widgets.h"
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

namespace {
// One frame as the window draws it, with its taps (app/gui_main.cpp's order).
void tapped_frame(ui::AppState& state, ui::KeyTaps& taps) {
    ImGuiIO& io = ImGui::GetIO();
    taps.before_frame(io);
    ImGui::NewFrame();
    ui::draw_frame(state);
    ImGui::Render();
    taps.after_frame(io);
}
}  // namespace

TEST_CASE("a shortcut tapped faster than a frame (pressed and released in one batch) still switches the view") {
    test::Fixture fx;
    test::Headless gui;
    ui::AppState state(*fx.service, fx.admin);
    gui.frames(state, 2);
    ImGuiIO& io = ImGui::GetIO();
    // Without the taps: Ctrl, 3 down and up again before the frame starts: imgui never sees it.
    gui.frames(state, 1);
    CHECK(state.view == ui::View::Dashboard);
    ui::KeyTaps taps;
    taps.press('3', true, false, false);  // both events came and went before this frame
    tapped_frame(state, taps);
    CHECK(state.view == ui::View::Tasks);
    CHECK_FALSE(io.KeysDown['3']);  // let go after the frame
    CHECK_FALSE(io.KeyCtrl);
    tapped_frame(state, taps);
    CHECK(state.view == ui::View::Tasks);
    // Esc tapped closes the palette; a key still held is left as it is.
    ui::open_palette(state);
    gui.frames(state, 2);
    REQUIRE(state.palette.open);
    taps.press(256, false, false, false);
    tapped_frame(state, taps);
    gui.frames(state, 1);
    CHECK_FALSE(state.palette.open);
    io.KeysDown['4'] = true;
    io.KeyCtrl = true;
    taps.press('4', true, false, false);
    tapped_frame(state, taps);
    CHECK(io.KeysDown['4']);  // the window's own state: still held
    CHECK(state.view == ui::View::Task);  // Ctrl+4: the fourth entry
    io.KeysDown['4'] = false;
    io.KeyCtrl = false;
    gui.frames(state, 1);
}

TEST_CASE("in the tasks table the arrows move between rows and Enter opens the row in the editor") {
    test::Fixture fx;
    test::Headless gui;
    ImGuiIO& io = ImGui::GetIO();
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;  // as the application
    ui::AppState state(*fx.service, fx.admin);
    ui::TaskFilter filter;
    filter.ref = "1.1";  // two rows: Sở Tài chính's and Sở Xây dựng's
    ui::open_tasks(state, filter);
    gui.frames(state, 3);
    REQUIRE(state.tasks.visible().size() == 2);
    const auto first = state.tasks.rows()[state.tasks.visible()[0]].id;
    const auto second = state.tasks.rows()[state.tasks.visible()[1]].id;
    REQUIRE(gui.click(state, "tasks:row:" + std::to_string(first)));
    CHECK(state.selected == first);
    CHECK(state.view == ui::View::Tasks);
    gui.key(state, 264);  // Down
    gui.key(state, 257);  // Enter
    CHECK(state.view == ui::View::Task);
    CHECK(state.selected == second);
    io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
}
