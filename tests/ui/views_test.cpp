// The real views, driven headlessly: filtering, editing, conflicts and rights.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "core/text.h"
#include "headless.h"
#include "support.h"
#include "ui/strings.h"
#include "ui/views.h"

using namespace dt;
using store::Id;

namespace {
ui::AppState make_state(test::Fixture& fx, service::Actor actor, ui::View view) {
    ui::AppState state(*fx.service, std::move(actor));
    state.as_of = Date{2025, 7, 15};
    state.view = view;
    return state;
}
}  // namespace

TEST_CASE("the strings table has every key once, in order") { CHECK(ui::table_in_order()); }

TEST_CASE("typing 'giai ngan' in the tasks filter keeps only matching rows") {
    test::Fixture fx;
    test::Headless gui;
    auto state = make_state(fx, fx.admin, ui::View::Tasks);
    gui.frames(state, 2);
    REQUIRE(state.tasks.visible().size() == 13);
    REQUIRE(gui.click(state, "tasks:search"));
    gui.type(state, "giai ngan");
    CHECK(state.tasks.filter().text == "giai ngan");
    const auto& visible = state.tasks.visible();
    CHECK(visible.size() == 12);  // tasks 1.1 and 1.2, whose titles say "giải ngân"
    for (int i : visible) CHECK(state.tasks.matches(state.tasks.rows()[i], "giai ngan"));
}

TEST_CASE("the table read without task texts searches them through the stored keys, in the directive's order") {
    test::Fixture fx;
    service::ListFilter full;
    service::ListFilter table_rows = full;
    table_rows.detail = store::RowDetail::Table;
    const auto light = fx.service->list(table_rows);
    REQUIRE(light.size() == 13);
    for (const auto& v : light) CHECK(v.record.text.empty());

    ui::TaskTable from_full, from_light;
    from_full.rebuild(fx.service->list(full));
    from_light.rebuild(light, fx.service->task_search_keys());
    REQUIRE(from_light.rows().size() == from_full.rows().size());
    for (std::size_t i = 0; i < from_full.rows().size(); ++i) CHECK(from_light.rows()[i].id == from_full.rows()[i].id);
    CHECK(from_light.rows().front().ref == "1.1");
    CHECK(from_light.rows().front().role == AssignmentRole::Lead);

    // "biên giới" and "hằng tháng" are only in the tasks' texts, not in their titles.
    for (auto* table : {&from_full, &from_light}) {
        ui::TaskFilter filter;
        filter.text = "bien gioi";
        table->set_filter(filter);
        REQUIRE(table->visible().size() == 1);
        CHECK(table->rows()[table->visible()[0]].ref == "2.1");
        filter.text = "HẰNG tháng";
        table->set_filter(filter);
        CHECK(table->visible().size() == 2);  // task 1.1: its lead and its coordinator
        filter.text = "so cong thuong";
        table->set_filter(filter);
        CHECK(table->visible().size() == 1);
    }
}

TEST_CASE("the tasks table sorts by deadline with undated rows last either way, by agency and by reference") {
    test::Fixture fx;
    ui::TaskTable table;
    table.rebuild(fx.service->list({}));
    const auto& rows = table.rows();
    const auto column = [&](auto field) {
        std::vector<std::string> out;
        for (int i : table.visible()) out.push_back(field(rows[i]));
        return out;
    };
    const auto due = [](const ui::TaskRow& r) { return r.due ? r.due->iso() : std::string("none"); };

    table.set_sort({ui::SortKey::Due, false});
    auto dues = column(due);
    REQUIRE(dues.size() == 13);
    CHECK(dues.front() == "2025-06-30");
    CHECK(dues[12] == "none");
    CHECK(std::is_sorted(dues.begin(), dues.end() - 1));
    // Equal keys keep the directive's order: 1.1's lead before its coordinator.
    CHECK(rows[table.visible()[0]].role == AssignmentRole::Lead);
    CHECK(rows[table.visible()[1]].role == AssignmentRole::Coordinate);

    table.set_sort({ui::SortKey::Due, true});
    dues = column(due);
    CHECK(dues.front() == "2025-12-31");
    CHECK(dues[11] == "2025-06-30");
    CHECK(dues[12] == "none");

    table.set_sort({ui::SortKey::Agency, false});
    const auto agencies = column([](const ui::TaskRow& r) { return r.agency; });
    CHECK(std::is_sorted(agencies.begin(), agencies.end()));
    CHECK(agencies.front() < agencies.back());

    table.set_sort({ui::SortKey::Ref, true});
    CHECK(rows[table.visible().front()].ref == "2.1");
    CHECK(rows[table.visible().back()].ref == "1.1");
}

TEST_CASE("changing the status in the editor is saved through the service and journalled") {
    test::Fixture fx;
    test::Headless gui;
    const Id id = fx.assignment_of("2.1", "Sở Công Thương");
    auto state = make_state(fx, fx.admin, ui::View::Task);
    ui::select_assignment(state, id);
    gui.frames(state, 2);
    REQUIRE(gui.click(state, "editor:status"));
    REQUIRE(gui.click(state, "editor:status:in_progress"));
    REQUIRE(gui.click(state, "editor:save"));
    const auto saved = fx.service->get(id).record;
    CHECK(saved.status == Status::InProgress);
    CHECK(saved.version == 2);
    const auto history = fx.service->history(id);
    REQUIRE(history.size() == 1);
    CHECK(history[0].new_value == "in_progress");
    CHECK_FALSE(state.message_is_error);
}

TEST_CASE("a stale edit opens the conflict dialog, and re-apply saves on top knowingly") {
    test::Fixture fx;
    test::Headless gui;
    const Id id = fx.assignment_of("2.1", "Sở Công Thương");
    auto state = make_state(fx, fx.admin, ui::View::Task);
    ui::select_assignment(state, id);
    gui.frames(state, 2);
    // Someone else saves first.
    service::AssignmentChange theirs;
    theirs.owner = "Trần Văn Bình";
    fx.service->update(fx.admin, id, theirs, std::nullopt);

    REQUIRE(gui.click(state, "editor:status"));
    REQUIRE(gui.click(state, "editor:status:blocked"));
    REQUIRE(gui.click(state, "editor:save"));
    CHECK(state.conflict.open);
    CHECK(state.conflict.theirs.record.owner == "Trần Văn Bình");
    CHECK(state.probes.count("conflict:reapply") == 1);  // the dialog was drawn
    CHECK(fx.service->get(id).record.status == Status::NotStarted);  // nothing overwritten

    REQUIRE(gui.click(state, "conflict:reapply"));
    const auto saved = fx.service->get(id).record;
    CHECK_FALSE(state.conflict.open);
    CHECK(saved.status == Status::Blocked);
    CHECK(saved.owner == "Trần Văn Bình");  // their change kept
}

TEST_CASE("an agency user cannot edit another agency's row in the GUI") {
    test::Fixture fx;
    test::Headless gui;
    const auto stc = fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
    const Id other = fx.assignment_of("2.1", "Sở Công Thương");
    const Id own = fx.assignment_of("1.1", "Sở Tài chính");
    auto state = make_state(fx, stc, ui::View::Task);

    ui::select_assignment(state, other);
    gui.frames(state, 2);
    gui.click(state, "editor:status");
    CHECK(state.probes.count("editor:status:done") == 0);  // the disabled combo does not open
    gui.click(state, "editor:save");
    CHECK(fx.service->get(other).record.version == 1);
    CHECK(fx.service->history(other).empty());

    ui::select_assignment(state, own);
    gui.frames(state, 2);
    REQUIRE(gui.click(state, "editor:status"));
    REQUIRE(gui.click(state, "editor:status:in_progress"));
    REQUIRE(gui.click(state, "editor:save"));
    CHECK(fx.service->get(own).record.status == Status::InProgress);
}

TEST_CASE("the navigation switches views, and every view draws with the seed data") {
    test::Fixture fx;
    test::Headless gui;
    auto state = make_state(fx, fx.admin, ui::View::Dashboard);
    gui.frames(state, 2);
    CHECK(state.dashboard.total == 13);
    for (auto [view, key] : {std::pair{ui::View::Directive, ui::T::NavDirective}, {ui::View::Tasks, ui::T::NavTasks},
                             {ui::View::MyAgency, ui::T::NavMyAgency}, {ui::View::Disbursement, ui::T::NavDisbursement},
                             {ui::View::Admin, ui::T::NavAdmin},
                             {ui::View::Reports, ui::T::NavReports}, {ui::View::Dashboard, ui::T::NavDashboard}}) {
        REQUIRE(gui.click(state, std::string("nav:") + ui::tr(key)));
        CHECK(state.view == view);
    }
}

TEST_CASE("the reports view shows the figures at the as-of date and exports the chosen formats") {
    test::Fixture fx;
    test::Headless gui;
    auto state = make_state(fx, fx.admin, ui::View::Reports);
    std::snprintf(state.reports_view.folder, sizeof state.reports_view.folder, "%s", fx.dir.path().c_str());
    std::snprintf(state.reports_view.file_stem, sizeof state.reports_view.file_stem, "bao-cao-quy-3");
    gui.frames(state, 2);
    REQUIRE(state.reports_view.preview.has_value());
    CHECK(state.reports_view.preview->totals.total == 13);
    CHECK(state.reports_view.preview->totals.count(Bucket::OpenOverdue) == 2);  // task 1.1 at 15/07/2025
    REQUIRE(gui.click(state, "reports:export"));
    gui.frames(state, 3);  // one format per frame
    CHECK(std::filesystem::exists(fx.dir / "bao-cao-quy-3.pdf"));
    CHECK(std::filesystem::exists(fx.dir / "bao-cao-quy-3.xlsx"));
    CHECK(fx.service->reports().size() == 2);
    CHECK(state.reports_view.error.empty());
    // Exporting again without overwrite is refused and says why.
    REQUIRE(gui.click(state, "reports:export"));
    gui.frames(state, 3);
    CHECK_FALSE(state.reports_view.error.empty());
    CHECK(fx.service->reports().size() == 2);
}
