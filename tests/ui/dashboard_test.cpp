// Tổng quan leads to the work: the matrix worst first, and every number opens exactly its rows.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "headless.h"
#include "support.h"
#include "ui/strings.h"
#include "ui/views.h"

using namespace dt;
using store::Id;

namespace {
std::set<Id> visible_ids(const ui::AppState& state) {
    std::set<Id> ids;
    for (int i : state.tasks.visible()) ids.insert(state.tasks.rows()[i].id);
    return ids;
}
}  // namespace

TEST_CASE("the dashboard's matrix lists the agencies with overdue work first, by short name") {
    test::Fixture fx;
    test::Headless gui;
    ui::AppState state(*fx.service, fx.admin);
    state.as_of = Date{2025, 7, 15};  // task 1.1 (due 30/06/2025) is overdue for its two agencies
    gui.frames(state, 2);
    const auto& agencies = state.dashboard.agencies;
    REQUIRE(agencies.size() == 13);
    CHECK(agencies[0].full == "Sở Tài chính");
    CHECK(agencies[0].name == "STC");
    CHECK(agencies[0].overdue == 1);
    CHECK(agencies[1].full == "Sở Xây dựng");
    for (std::size_t a = 2; a < agencies.size(); ++a) CHECK(agencies[a].overdue == 0);
    CHECK(state.section_titles.at("1") == "Giải ngân vốn đầu tư công");
    CHECK(state.dashboard.deadline_passed == 2);
    CHECK(state.dashboard.on_time_passed == 0);
}

TEST_CASE("clicking a matrix cell opens the tasks view with exactly that cell's rows") {
    test::Fixture fx;
    test::Headless gui;
    ui::AppState state(*fx.service, fx.admin);
    state.as_of = Date{2025, 7, 15};
    gui.frames(state, 2);
    REQUIRE(gui.click(state, "matrix:Sở Tài chính:1"));
    CHECK(state.view == ui::View::Tasks);
    CHECK(visible_ids(state) == std::set<Id>{fx.assignment_of("1.1", "Sở Tài chính")});

    // The agency's name opens all its rows; the overdue card every overdue row.
    state.view = ui::View::Dashboard;
    gui.frames(state, 2);
    REQUIRE(gui.click(state, "matrix:Sở Xây dựng"));
    CHECK(state.view == ui::View::Tasks);
    CHECK(visible_ids(state) == std::set<Id>{fx.assignment_of("1.1", "Sở Xây dựng")});
    state.view = ui::View::Dashboard;
    gui.frames(state, 2);
    REQUIRE(gui.click(state, "bucket:open_overdue"));
    CHECK(visible_ids(state) ==
          std::set<Id>{fx.assignment_of("1.1", "Sở Tài chính"), fx.assignment_of("1.1", "Sở Xây dựng")});
    // A district's cell of section 1 holds its one row of task 1.2, not another district's.
    state.view = ui::View::Dashboard;
    gui.frames(state, 2);
    REQUIRE(gui.click(state, "matrix:UBND huyện Bảo Lạc:1"));
    CHECK(visible_ids(state) == std::set<Id>{fx.assignment_of("1.2", "UBND huyện Bảo Lạc")});
}

TEST_CASE("search with several words keeps the rows holding each word, in any order") {
    test::Fixture fx;
    ui::TaskTable table;
    table.rebuild(fx.service->list({}));
    ui::TaskFilter filter;
    filter.text = "ngan tong";  // "Tổng hợp báo cáo giải ngân": both words, neither phrase
    table.set_filter(filter);
    REQUIRE(table.visible().size() == 2);  // task 1.1: its lead and its coordinator
    CHECK(table.rows()[table.visible()[0]].ref == "1.1");
    filter.text = "ngan  Bảo Lạc";  // a word of the task and the agency's name
    table.set_filter(filter);
    REQUIRE(table.visible().size() == 1);
    CHECK(table.rows()[table.visible()[0]].agency_full == "UBND huyện Bảo Lạc");
    filter.text = "ngan bien";  // no task says both
    table.set_filter(filter);
    CHECK(table.visible().empty());
}

TEST_CASE("the dashboard at a past date counts only what existed then, as it was then") {
    test::Fixture fx;
    test::Headless gui;
    ui::AppState state(*fx.service, fx.admin);
    state.as_of = Date{2025, 5, 31};
    gui.frames(state, 2);
    const int before = state.dashboard.total;
    const auto buckets_before = state.dashboard.buckets;
    {
        // Months later: a directive issued in August, and 1.1's Sở Tài chính done.
        test::FixedClock later(Date{2025, 8, 20});
        auto outline = test::small_outline();
        outline.directive.code = "102/CT-TEST";
        outline.directive.issued_on = Date{2025, 8, 18};
        fx.service->import_directive(fx.admin, outline);
        const Id finance = fx.assignment_of("1.1", "Sở Tài chính");
        service::EvidenceInput e;
        e.note = "Báo cáo tháng 8";
        e.doc_ref = "81/BC-STC";
        fx.service->add_evidence(fx.admin, finance, e);
        service::AssignmentChange c;
        c.status = Status::Done;
        c.completed_on = Date{2025, 8, 20};
        fx.service->update(fx.admin, finance, c, std::nullopt);
    }
    test::FixedClock today(Date{2025, 9, 1});
    ++state.revision;  // what a write in the GUI does
    gui.frames(state, 2);
    CHECK(state.dashboard.total == before);
    CHECK(state.dashboard.buckets == buckets_before);
    CHECK(state.dashboard.buckets[static_cast<int>(Bucket::DoneLate)] == 0);
    state.as_of = Date{2025, 8, 31};
    gui.frames(state, 2);
    // Both directives (the August one without district committees: they were gone by then).
    const auto now = fx.service->list(service::ListFilter{}).size();
    CHECK(now > static_cast<std::size_t>(before));
    CHECK(static_cast<std::size_t>(state.dashboard.total) == now);
    CHECK(state.dashboard.buckets[static_cast<int>(Bucket::DoneLate)] == 1);
}
