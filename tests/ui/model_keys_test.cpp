// Each model rebuilt only when its own key changed: a save in the editor patches one row of the
// tasks table (counted), the as-of field rebuilds nothing until its text is a new valid date,
// and the dashboard's strings are made once per count.
#include <doctest/doctest.h>

#include <algorithm>

#include "headless.h"
#include "support.h"
#include "ui/views.h"

using namespace dt;
using store::Id;

namespace {
constexpr int kBackspace = 259, kRight = 262;

ui::AppState make_state(test::Fixture& fx, ui::View view, Date as_of = Date{2025, 7, 15}) {
    ui::AppState state(*fx.service, fx.admin);
    state.as_of = as_of;
    state.view = view;
    return state;
}

bool visible(const ui::AppState& s, Id id) {
    const auto& rows = s.tasks.rows();
    return std::any_of(s.tasks.visible().begin(), s.tasks.visible().end(), [&](int i) { return rows[i].id == id; });
}
}  // namespace

TEST_CASE("a save in the editor rebuilds one row of the tasks table, keeping its filter, and no other model") {
    test::Fixture fx;
    test::Headless gui;
    const Id id = fx.assignment_of("2.1", "Sở Công Thương");
    auto state = make_state(fx, ui::View::Task, Date::today());  // today: the save shows (a past date rewinds it)
    ui::select_assignment(state, id);
    gui.frames(state, 2);
    const std::size_t table = state.tasks.rows().size();
    REQUIRE(table == 13);
    REQUIRE(state.tasks.rows_built() == table);
    // The table shows open work not started: the row saved as in progress must leave it.
    ui::TaskFilter not_started;
    not_started.status = Status::NotStarted;
    state.tasks.set_filter(not_started);
    REQUIRE(visible(state, id));
    const auto before = state.rebuilds;
    const int no_deadline = state.dashboard.buckets[static_cast<int>(Bucket::NoDeadline)];

    REQUIRE(gui.click(state, "editor:status"));
    REQUIRE(gui.click(state, "editor:status:in_progress"));
    REQUIRE(gui.click(state, "editor:save"));
    gui.frames(state, 2);

    CHECK(fx.service->get(id).record.status == Status::InProgress);
    CHECK(state.tasks.rows_built() == table + 1);  // ONE row, not the table again
    CHECK(state.rebuilds.tasks == before.tasks);
    CHECK(state.rebuilds.tasks_patched == before.tasks_patched + 1);
    CHECK(state.rebuilds.directive == before.directive);
    CHECK(state.rebuilds.disbursement == before.disbursement);
    const auto* row = state.tasks.find(id);
    REQUIRE(row != nullptr);
    CHECK(row->status == Status::InProgress);
    CHECK(row->version == 2);
    CHECK_FALSE(visible(state, id));  // the filter applied again to the patched row
    CHECK(state.tasks.visible().size() == 12);
    // The dashboard counts from the rows: recounted (no SQL), and the same bucket (no deadline).
    CHECK(state.rebuilds.dashboard == before.dashboard + 1);
    CHECK(state.dashboard.buckets[static_cast<int>(Bucket::NoDeadline)] == no_deadline);
    // The editor shows the saved row and its history, read again for that assignment only.
    CHECK(state.editor.saved.record.version == 2);
    REQUIRE(state.editor.history_lines.size() == 1);
    CHECK(state.editor.history_lines[0].second == ui::journal_line(fx.service->history(id).at(0)));

    // Another process's change (or any change beyond one row) still reads the whole table.
    state.data_changed();
    gui.frames(state, 1);
    CHECK(state.rebuilds.tasks == before.tasks + 1);
    CHECK(state.tasks.rows_built() == 2 * table + 1);
}

TEST_CASE("typing in the as-of field rebuilds nothing until the date is valid and different") {
    test::Fixture fx;
    test::Headless gui;
    auto state = make_state(fx, ui::View::Dashboard);
    gui.frames(state, 2);
    REQUIRE(std::string(state.as_of_text) == "15/07/2025");
    const auto before = state.rebuilds;
    const auto rows_before = state.tasks.rows_built();
    REQUIRE(gui.click(state, "top:as-of"));
    for (int i = 0; i < 12; ++i) gui.key(state, kRight);
    for (int i = 0; i < 4; ++i) gui.key(state, kBackspace);  // "15/07/": not a date
    REQUIRE(std::string(state.as_of_text) == "15/07/");
    gui.type(state, "20");  // "15/07/20": still not one
    gui.frames(state, 2);
    CHECK(state.as_of == Date{2025, 7, 15});
    CHECK(state.rebuilds.tasks == before.tasks);
    CHECK(state.rebuilds.dashboard == before.dashboard);
    CHECK(state.rebuilds.disbursement == before.disbursement);
    CHECK(state.tasks.rows_built() == rows_before);

    gui.type(state, "25");  // "15/07/2025": valid, but the date in force
    gui.frames(state, 2);
    CHECK(state.rebuilds.tasks == before.tasks);
    CHECK(state.tasks.rows_built() == rows_before);

    gui.key(state, kBackspace);
    gui.type(state, "4");  // "15/07/2024": a new date, once
    gui.frames(state, 3);
    CHECK(state.as_of == Date{2024, 7, 15});
    CHECK(state.rebuilds.tasks == before.tasks + 1);
    CHECK(state.rebuilds.dashboard == before.dashboard + 1);
    CHECK(state.rebuilds.disbursement == before.disbursement + 1);
    CHECK(state.rebuilds.directive == before.directive);  // the directive does not hang on the date
}

TEST_CASE("the dashboard's strings are made once per count and language, not per frame") {
    test::Fixture fx;
    test::Headless gui;
    auto state = make_state(fx, ui::View::Dashboard);
    gui.frames(state, 3);
    const unsigned made_from = state.dashboard_text.generation;
    CHECK(made_from == state.tasks.generation());
    CHECK(state.dashboard_text.buckets[static_cast<int>(Bucket::NoDeadline)] ==
          ui::format_count(state.dashboard.buckets[static_cast<int>(Bucket::NoDeadline)]));
    gui.frames(state, 3);
    CHECK(state.dashboard_text.generation == made_from);
    state.data_changed();
    gui.frames(state, 1);
    CHECK(state.dashboard_text.generation == state.tasks.generation());
    CHECK(state.dashboard_text.generation != made_from);
}
