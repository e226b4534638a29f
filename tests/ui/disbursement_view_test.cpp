// Giải ngân: the cached model (rates, chart series, give/take lists) and the view driven headlessly.
#include <doctest/doctest.h>

#include <cstring>
#include <fstream>

#include <imgui.h>

#include "headless.h"
#include "support.h"
#include "ui/models.h"
#include "ui/views.h"

using namespace dt;

namespace {
constexpr std::int64_t kMillion = 1'000'000;
const char* const kRoads = "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông";
const char* const kHoaAn = "UBND huyện Hòa An";

// Two investors on the directive's ladder, seen on 15/07/2025 (50 % required since 30/06):
// the roads board at 20 % (P01 at exactly 20 points below, P02 with nothing), Hòa An at 87.5 % (P03).
void seed(test::Fixture& fx) {
    auto& s = *fx.service;
    for (auto [due, percent] : {std::pair{Date{2025, 6, 30}, 50}, {Date{2025, 9, 30}, 75}, {Date{2025, 11, 30}, 85},
                                {Date{2025, 12, 31}, 95}, {Date{2026, 1, 31}, 100}})
        s.set_milestone(fx.admin, due, percent);
    s.add_investor(fx.admin, kRoads, std::nullopt);
    s.add_investor(fx.admin, kHoaAn, std::string(kHoaAn));
    auto project = [&](const char* code, const char* investor, std::int64_t assigned, std::int64_t total) {
        s.add_project(fx.admin, {code, std::string("Dự án ") + code, investor, 2025, assigned * kMillion,
                                 total * kMillion, store::CapitalSource::Domestic});
    };
    project("P01", kRoads, 1000, 1200);
    project("P02", kRoads, 500, 500);
    project("P03", kHoaAn, 800, 800);
    auto entry = [&](const char* code, Date date, std::int64_t amount) {
        s.record_disbursement(fx.admin, {code, date, amount * kMillion, "Thanh toán khối lượng", 0});
    };
    entry("P01", Date{2025, 3, 15}, 100);
    entry("P03", Date{2025, 5, 5}, 300);
    entry("P01", Date{2025, 6, 20}, 200);
    entry("P03", Date{2025, 7, 1}, 400);
    entry("P01", Date{2025, 8, 10}, 100);  // after the as-of date: not counted yet
}

ui::AppState disbursement_state(test::Fixture& fx, service::Actor actor) {
    ui::AppState state(*fx.service, std::move(actor));
    state.as_of = Date{2025, 7, 15};
    state.view = ui::View::Disbursement;
    return state;
}

std::vector<store::DisbursementRecord> entries_of(test::Fixture& fx, const char* code) {
    std::vector<store::DisbursementRecord> out;
    for (const auto& p : fx.service->project_status(fx.admin, Date{2026, 12, 31}, std::nullopt))
        if (p.project.code == code) out = fx.service->disbursement_entries(fx.admin, p.project.id);
    return out;
}

const std::string& code_of(const ui::DisbursementModel& m, const ui::ProjectMove& move) {
    return m.projects[move.project].project.code;
}
}  // namespace

TEST_CASE("disbursement model: cumulative rates step at each entry date, up to the as-of date") {
    test::Fixture fx;
    seed(fx);
    ui::DisbursementModel m;
    m.rebuild(*fx.service, fx.admin, Date{2025, 7, 15});
    CHECK(m.plan_year == 2025);
    CHECK(m.chart_from == Date{2025, 1, 1});
    CHECK(m.chart_to == Date{2026, 1, 31});
    REQUIRE(m.current);
    CHECK(m.current->percent == 50);

    // The province's assigned plan is 2,300 million.
    const auto& province = m.province_series;
    CHECK(ui::rate_at(province, Date{2025, 3, 14}) == 0.0);
    CHECK(ui::rate_at(province, Date{2025, 3, 15}) == doctest::Approx(100.0 * 100 / 2300));
    CHECK(ui::rate_at(province, Date{2025, 5, 5}) == doctest::Approx(100.0 * 400 / 2300));
    CHECK(ui::rate_at(province, Date{2025, 6, 30}) == doctest::Approx(100.0 * 600 / 2300));
    CHECK(ui::rate_at(province, Date{2025, 7, 15}) == doctest::Approx(100.0 * 1000 / 2300));
    CHECK(province.back().date == Date{2025, 7, 15});  // the 10/08 entry is after the as-of date
    CHECK(ui::rate_at(province, Date{2025, 7, 15}) == doctest::Approx(m.status.province.rate_assigned));

    const auto roads = m.status.investors.front().investor.id;
    CHECK(m.status.investors.front().investor.name == kRoads);
    CHECK(ui::rate_at(m.investor_series.at(roads), Date{2025, 4, 1}) == doctest::Approx(100.0 * 100 / 1500));
    CHECK(ui::rate_at(m.investor_series.at(roads), Date{2025, 7, 15}) == doctest::Approx(20.0));

    // Next milestone 75 %: the roads board still has 55 points to go, Hòa An 12.5.
    CHECK(*m.gap_to_next(m.status.investors[0].rates) == doctest::Approx(55.0));
    CHECK(*m.gap_to_next(m.status.investors[1].rates) == doctest::Approx(-12.5));
}

TEST_CASE("disbursement model: the give and take lists follow the ladder's requirement") {
    test::Fixture fx;
    seed(fx);
    ui::DisbursementModel m;

    SUBCASE("after the first milestone: nothing disbursed gives, far ahead takes, exactly 20 points below stays") {
        m.rebuild(*fx.service, fx.admin, Date{2025, 7, 15});
        REQUIRE(m.give.size() == 1);
        CHECK(code_of(m, m.give[0]) == "P02");
        CHECK(m.give[0].gap == doctest::Approx(-50.0));
        REQUIRE(m.take.size() == 1);
        CHECK(code_of(m, m.take[0]) == "P03");
        CHECK(m.take[0].gap == doctest::Approx(37.5));
        REQUIRE(m.laggards.size() == 1);
        CHECK(m.status.investors[m.laggards[0]].investor.name == kRoads);
    }
    SUBCASE("before the first milestone nothing is required, so nobody gives yet") {
        m.rebuild(*fx.service, fx.admin, Date{2025, 5, 1});
        CHECK(m.status.required_percent == 0);
        CHECK_FALSE(m.current);
        CHECK(m.give.empty());
        REQUIRE(m.take.size() == 1);
        CHECK(code_of(m, m.take[0]) == "P01");  // 10 % at 0 required
        CHECK(m.laggards.empty());
    }
}

TEST_CASE("disbursement view: investors listed in rank order with the service's numbers, drill-down") {
    test::Fixture fx;
    seed(fx);
    test::Headless gui;
    auto state = disbursement_state(fx, fx.admin);
    gui.frames(state, 2);
    const auto status = fx.service->disbursement_status(fx.admin, Date{2025, 7, 15});
    const auto& model = state.disbursement.status;
    REQUIRE(model.investors.size() == status.investors.size());
    for (std::size_t i = 0; i < status.investors.size(); ++i) {
        CHECK(model.investors[i].investor.name == status.investors[i].investor.name);
        CHECK(model.investors[i].rank == static_cast<int>(i + 1));
        CHECK(model.investors[i].rates.disbursed == status.investors[i].rates.disbursed);
        CHECK(model.investors[i].rates.rate_total == doctest::Approx(status.investors[i].rates.rate_total));
    }
    CHECK(model.behind == 1);
    const std::string first = std::string("disbursement:investor:") + kRoads;
    const std::string second = std::string("disbursement:investor:") + kHoaAn;
    REQUIRE(state.probes.count(first) == 1);
    REQUIRE(state.probes.count(second) == 1);
    CHECK(state.probes[first].second < state.probes[second].second);  // the slowest on top

    // Drill down: the investor's projects, then a project's entries.
    REQUIRE(gui.click(state, first));
    CHECK(state.disbursement_view.investor == model.investors[0].investor.id);
    REQUIRE(gui.click(state, "disbursement:project:P01"));
    REQUIRE(state.disbursement_view.project);
    CHECK(state.disbursement.entries_of.at(*state.disbursement_view.project).size() == 3);
    CHECK(state.probes.count("disbursement:project:P03") == 0);  // Hòa An's project is not listed
}

TEST_CASE("disbursement view: the entry form records an entry, a bad amount is refused") {
    test::Fixture fx;
    seed(fx);
    test::Headless gui;
    auto state = disbursement_state(fx, fx.admin);
    gui.frames(state, 2);
    REQUIRE(gui.click(state, "disbursement:tab:entry"));
    REQUIRE(gui.click(state, "disbursement:form:project"));
    REQUIRE(gui.click(state, "disbursement:form:project:P02"));
    REQUIRE(gui.click(state, "disbursement:form:amount"));

    SUBCASE("a grouped amount is saved on the prefilled as-of date") {
        gui.type(state, "1.250.000");
        REQUIRE(gui.click(state, "disbursement:form:note"));
        gui.type(state, "Tạm ứng tuần 29");
        REQUIRE(gui.click(state, "disbursement:form:save"));
        const auto saved = entries_of(fx, "P02");
        REQUIRE(saved.size() == 1);
        CHECK(saved[0].amount == 1'250'000);
        CHECK(saved[0].date == Date{2025, 7, 15});
        CHECK(saved[0].note == "Tạm ứng tuần 29");
        CHECK(saved[0].created_by == "admin");
        CHECK(state.disbursement_view.field_errors.empty());
        CHECK(state.disbursement.project(saved[0].project_id)->rates.disbursed == 1'250'000);  // the model was rebuilt
    }
    for (const char* bad : {"-5", "1,5"}) {
        SUBCASE(bad) {
            gui.type(state, bad);
            REQUIRE(gui.click(state, "disbursement:form:save"));
            CHECK_FALSE(state.disbursement_view.field_errors["amount"].empty());
            CHECK(entries_of(fx, "P02").empty());
        }
    }
}

TEST_CASE("disbursement view: an agency user cannot record entries: the form is disabled") {
    test::Fixture fx;
    seed(fx);
    const auto hoa_an = fx.add_user("hoaan", UserRole::Agency, kHoaAn);
    test::Headless gui;
    auto state = disbursement_state(fx, hoa_an);
    gui.frames(state, 2);
    REQUIRE(state.disbursement.status.investors.size() == 1);  // only its own investor
    REQUIRE(gui.click(state, "disbursement:tab:entry"));
    // A complete form, as if typed: only the disabled button stands between it and the service.
    std::strcpy(state.disbursement_view.amount, "1000000");
    state.disbursement_view.form_project = state.disbursement.projects.front().project.id;
    gui.frames(state);  // the chosen project's investor shows under the combo, moving the button down
    REQUIRE(gui.click(state, "disbursement:form:save"));
    CHECK(state.disbursement_view.field_errors.empty());  // the button did nothing: no check, no refusal
    CHECK(state.message.empty());
    CHECK(entries_of(fx, "P03").size() == 2);
    gui.click(state, "disbursement:form:project");
    CHECK(state.probes.count("disbursement:form:project:P03") == 0);  // the disabled combo does not open
}

TEST_CASE("disbursement view: CSV previewed then imported, a bad line is named, nothing stored") {
    test::Fixture fx;
    seed(fx);
    test::Headless gui;
    auto state = disbursement_state(fx, fx.admin);
    const auto path = fx.dir / "entries.csv";
    gui.frames(state, 2);
    REQUIRE(gui.click(state, "disbursement:tab:entry"));
    REQUIRE(gui.click(state, "disbursement:csv:path"));
    gui.type(state, path.string());

    SUBCASE("good rows") {
        std::ofstream(path) << "project_code,date,amount,note\n"
                               "P02,2025-07-04,2.000.000,Tuần 27\nP02,11/07/2025,3000000,Tuần 28\n";
        REQUIRE(gui.click(state, "disbursement:csv:preview"));
        CHECK(state.disbursement_view.csv_error.empty());
        CHECK(state.disbursement_view.csv_rows.size() == 2);
        CHECK(state.disbursement_view.csv_total == 5'000'000);
        CHECK(entries_of(fx, "P02").empty());  // a preview stores nothing
        REQUIRE(gui.click(state, "disbursement:csv:import"));
        CHECK(entries_of(fx, "P02").size() == 2);
        CHECK(state.disbursement_view.csv_rows.empty());
    }
    SUBCASE("a bad line") {
        std::ofstream(path) << "project_code,date,amount,note\n"
                               "P02,2025-07-04,2000000,Tuần 27\nP02,2025-07-11,1,5,x\n";
        REQUIRE(gui.click(state, "disbursement:csv:preview"));
        CHECK(state.disbursement_view.csv_error.find("Dòng 3") != std::string::npos);  // the GUI speaks Vietnamese
        CHECK(state.disbursement_view.csv_rows.empty());
        CHECK(state.probes.count("disbursement:csv:import") == 0);
        CHECK(entries_of(fx, "P02").empty());
    }
}

TEST_CASE("disbursement view: the summary line wraps inside a narrow window instead of running past its edge") {
    test::Fixture fx;
    seed(fx);
    test::Headless gui;
    auto state = disbursement_state(fx, fx.admin);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1600, 1000);
    gui.frames(state, 2);
    REQUIRE(state.probes.count("disbursement:summary-end") == 1);
    const auto wide_start = state.probes.at("disbursement:summary");
    const auto wide_end = state.probes.at("disbursement:summary-end");
    CHECK(wide_end.second < wide_start.second);  // one line: the last piece's top is above the label's centre
    io.DisplaySize = ImVec2(900, 700);
    gui.frames(state, 2);
    const auto narrow_start = state.probes.at("disbursement:summary");
    const auto narrow_end = state.probes.at("disbursement:summary-end");
    CHECK(narrow_end.first <= 900.0f);
    CHECK(narrow_end.second > narrow_start.second);  // the last piece went to a line of its own
    io.DisplaySize = ImVec2(1600, 1000);
}
