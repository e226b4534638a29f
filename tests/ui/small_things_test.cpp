// Issue 14, item 7 and the editor's keys, walked headlessly: an admin's Đơn vị của tôi starts on an
// agency with open work; an agency user changes its own password from the top bar; "Hoàn thành"
// moves progress to 100 % and Ctrl+S saves it; a file dropped on the editor fills its attachment.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstring>

#include <imgui.h>

#include "headless.h"
#include "support.h"
#include "ui/strings.h"
#include "ui/views.h"

using namespace dt;
using store::Id;

TEST_CASE("an admin on Đơn vị của tôi starts on the first agency with open work, as the matrix orders them") {
    test::Fixture fx;
    test::Headless gui;
    ui::AppState state(*fx.service, fx.admin);
    state.as_of = Date{2025, 7, 15};  // 1.1 overdue: Sở Tài chính first in the matrix
    state.view = ui::View::MyAgency;
    gui.frames(state, 3);
    REQUIRE(state.agenda_agency.has_value());
    CHECK(*state.agenda_agency == fx.service->get(fx.assignment_of("1.1", "Sở Tài chính")).record.agency_id);
    CHECK_FALSE(state.agenda.rows.empty());
    // Its rows are that agency's, open first; a pick is kept when the view is drawn again.
    for (int i : state.agenda.rows) CHECK(state.tasks.rows()[i].agency_full == "Sở Tài chính");
    const Id building = fx.service->get(fx.assignment_of("1.1", "Sở Xây dựng")).record.agency_id;
    state.agenda_agency = building;
    gui.frames(state, 2);
    CHECK(*state.agenda_agency == building);
}

TEST_CASE("an agency user changes its own password from the top bar and stays signed in") {
    test::Fixture fx;
    if (fx.pg) return;  // on a server the password is PostgreSQL's (server_connection_test)
    test::Headless gui;
    auto user = fx.add_user("canbo.stc", UserRole::Agency, "Sở Tài chính");
    ui::AppState state(*fx.service, user);
    state.view = ui::View::MyAgency;
    gui.frames(state, 2);
    REQUIRE(gui.click(state, "top:password"));
    REQUIRE(state.probes.count("admin:own:change") == 1);
    std::snprintf(state.admin.own_current, sizeof state.admin.own_current, "%s", "mật-khẩu-canbo.stc");
    std::snprintf(state.admin.own_new, sizeof state.admin.own_new, "%s", "Đổi mật khẩu mới 2025");
    std::snprintf(state.admin.own_repeat, sizeof state.admin.own_repeat, "%s", "Đổi mật khẩu mới 2025");
    REQUIRE(gui.click(state, "admin:own:change"));
    CHECK(state.admin.field_errors["own"].empty());
    CHECK_FALSE(state.signed_out);
    CHECK(fx.service->sign_in("canbo.stc", "Đổi mật khẩu mới 2025").name == "canbo.stc");
    CHECK(test::kind_of([&] { fx.service->sign_in("canbo.stc", "mật-khẩu-canbo.stc"); }) == ErrorKind::Denied);
    CHECK(state.admin.own_new[0] == '\0');  // wiped
}

TEST_CASE("Hoàn thành moves progress to 100 and Ctrl+S saves it") {
    test::Fixture fx;
    test::Headless gui;
    const Id id = fx.assignment_of("1.1", "Sở Tài chính");
    fx.service->add_evidence(fx.admin, id, {"Báo cáo số 12", "12/BC-STC", std::nullopt, std::nullopt});
    ui::AppState state(*fx.service, fx.admin);
    state.view = ui::View::Task;
    ui::select_assignment(state, id);
    gui.frames(state, 3);
    REQUIRE(state.editor.loaded_id == id);
    CHECK(state.editor.progress == 0);
    REQUIRE(gui.click(state, "editor:status"));
    REQUIRE(gui.click(state, "editor:status:done"));
    CHECK(state.editor.progress == 100);
    CHECK(fx.service->get(id).record.status == Status::NotStarted);  // nothing saved yet
    gui.key(state, 'S', true);
    const auto saved = fx.service->get(id).record;
    CHECK(saved.status == Status::Done);
    CHECK(saved.progress == 100);
}

TEST_CASE("a file dropped on the task editor becomes the evidence's attachment path") {
    test::Fixture fx;
    test::Headless gui;
    ui::AppState state(*fx.service, fx.admin);
    state.view = ui::View::Task;
    ui::select_assignment(state, fx.assignment_of("1.1", "Sở Tài chính"));
    gui.frames(state, 2);
    state.dropped = {"/tmp/báo cáo quý II.pdf"};
    gui.frames(state, 1);
    CHECK(std::string(state.editor.file) == "/tmp/báo cáo quý II.pdf");
    CHECK_FALSE(state.message_is_error);
    // Dropped where nothing takes a file: said, nothing filled.
    state.view = ui::View::Dashboard;
    state.dropped = {"/tmp/khác.pdf"};
    gui.frames(state, 1);
    CHECK(state.message_is_error);
    CHECK(std::string(state.editor.file) == "/tmp/báo cáo quý II.pdf");
}

TEST_CASE("the deadline's origin and extension count stay inside the editor's left column at 1366x768") {
    test::Fixture fx;
    test::Headless gui;
    ui::set_language(ui::Lang::Vi);
    const Id id = fx.assignment_of("1.1", "Sở Tài chính");
    const auto user = fx.add_user("canbo.stc", UserRole::Agency, "Sở Tài chính");
    const Id request = fx.service->request_extension(user, id, Date{2025, 8, 31}, "Chờ số liệu quyết toán");
    fx.service->decide_extension(fx.admin, request, service::Decision::Approve, "Đồng ý");
    ui::AppState state(*fx.service, user);
    state.view = ui::View::Task;
    ui::select_assignment(state, id);
    ImGui::GetIO().DisplaySize = ImVec2(1366, 768);
    gui.frames(state, 3);
    REQUIRE(state.probes.count("editor:due-origin-end") == 1);
    REQUIRE(state.probes.count("editor:ext:due") == 1);
    const float end = state.probes.at("editor:due-origin-end").first;
    // The right column's date field is 8 font sizes wide, its probe at its centre.
    const float right_column = state.probes.at("editor:ext:due").first - ImGui::GetFontSize() * 4;
    CHECK(end <= right_column);
    ImGui::GetIO().DisplaySize = ImVec2(1600, 1000);
}
