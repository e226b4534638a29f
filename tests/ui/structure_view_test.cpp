// The Chỉ thị view's structure editor, driven headlessly: the office moves a task's deadline
// (the assignments on it follow, through the service); an agency user has no editor at all.
#include <doctest/doctest.h>

#include "headless.h"
#include "support.h"
#include "ui/views.h"

using namespace dt;

TEST_CASE("Chỉ thị view: the office corrects a task's deadline in the structure editor") {
    test::Fixture fx;
    test::Headless gui;
    ui::AppState state(*fx.service, fx.admin);
    state.as_of = Date{2025, 7, 15};
    state.view = ui::View::Directive;
    gui.frames(state, 2);
    REQUIRE(gui.click(state, "directive:task:1.1"));
    REQUIRE(gui.click(state, "directive:structure"));
    gui.frames(state, 2);
    REQUIRE(state.structure.open);
    CHECK(std::string(state.structure.deadline) == "30/06/2025");
    CHECK(state.structure.assignments.size() == 2);

    REQUIRE(gui.click(state, "structure:deadline"));
    for (int i = 0; i < 12; ++i) gui.key(state, 262);  // to the end
    for (int i = 0; i < 12; ++i) gui.key(state, 259);  // and empty
    gui.type(state, "31/08/2025");
    REQUIRE(gui.click(state, "structure:save"));
    gui.frames(state, 2);
    CHECK_MESSAGE(!state.message_is_error, state.message);
    CHECK(fx.service->find_task("99/CT-TEST", "1.1").deadline == Date{2025, 8, 31});
    CHECK(fx.service->get(fx.assignment_of("1.1", "Sở Tài chính")).record.due == Date{2025, 8, 31});
    // The editor was read again after the save: the new deadline, not the old one.
    CHECK(std::string(state.structure.deadline) == "31/08/2025");

    // A refusal is shown in the status line and changes nothing.
    REQUIRE(gui.click(state, "structure:deadline"));
    for (int i = 0; i < 12; ++i) gui.key(state, 262);
    for (int i = 0; i < 12; ++i) gui.key(state, 259);
    gui.type(state, "01/01/2025");  // before the directive (01/04/2025)
    REQUIRE(gui.click(state, "structure:save"));
    gui.frames(state, 1);
    CHECK(state.message_is_error);
    CHECK(fx.service->find_task("99/CT-TEST", "1.1").deadline == Date{2025, 8, 31});
}

TEST_CASE("Chỉ thị view: an agency user gets no structure editor") {
    test::Fixture fx;
    test::Headless gui;
    const auto stc = fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
    ui::AppState state(*fx.service, stc);
    state.view = ui::View::Directive;
    gui.frames(state, 2);
    REQUIRE(gui.click(state, "directive:task:1.1"));
    state.structure.open = true;  // even forced open, nothing is drawn
    gui.frames(state, 2);
    CHECK(state.probes.count("directive:structure") == 0);
    CHECK(state.probes.count("structure:save") == 0);
}
