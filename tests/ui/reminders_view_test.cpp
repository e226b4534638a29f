// Nhắc việc in the window: the sidebar's and the home views' counts, the list's agency pick, the
// digest PDF opened with the desktop's program; and a written report or an attachment opened
// the same way (a fake xdg-open on the PATH records what it was given).
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include <imgui.h>

#include "headless.h"
#include "support.h"
#include "ui/app_state.h"
#include "ui/strings.h"
#include "ui/views.h"
#include "ui/widgets.h"

using namespace dt;
using store::Id;

namespace {
// An environment variable set (and put back) while it lives.
struct EnvVar {
    EnvVar(const char* name, const std::string& value) : name_(name) {
        if (const char* old = std::getenv(name)) old_ = old;
        setenv(name, value.c_str(), 1);
    }
    ~EnvVar() {
        if (old_) setenv(name_, old_->c_str(), 1);
        else unsetenv(name_);
    }
    const char* name_;
    std::optional<std::string> old_;
};

// A fake xdg-open in `bin`: copies the file it was given to `bin/opened` and writes its one
// argument to `bin/arg` last (the test waits for that file: xdg-open runs beside the window).
void fake_xdg_open(const std::filesystem::path& bin) {
    std::filesystem::create_directories(bin);
    const auto program = bin / "xdg-open";
    std::ofstream(program) << "#!/bin/sh\n"
                              "cp \"$1\" \"" << (bin / "opened").string() << "\"\n"
                              "printf '%s' \"$1\" > \"" << (bin / "arg.tmp").string() << "\"\n"
                              "mv \"" << (bin / "arg.tmp").string() << "\" \"" << (bin / "arg").string() << "\"\n";
    std::filesystem::permissions(program, std::filesystem::perms::owner_all);
}

// What the fake xdg-open was given, once it has run (at most ten seconds).
std::string opened_argument(const std::filesystem::path& bin) {
    for (int i = 0; i < 1000 && !std::filesystem::exists(bin / "arg"); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return test::read_text(bin / "arg");
}

int overdue_and_soon(const ui::AppState& s, Id agency) {
    int n = 0;
    for (const auto& x : s.reminders.rows)
        if (x.assignment.agency_id == agency &&
            (x.kind == service::ReminderKind::Overdue || x.kind == service::ReminderKind::DueSoon))
            ++n;
    return n;
}
}  // namespace

// The small directive: 1.1 due 30/06/2025 (Sở Tài chính leads, Sở Xây dựng coordinates); at
// 15/07/2025 both are overdue; nothing else falls due within 14 days.
TEST_CASE("the sidebar's reminder count is every agency's, whatever agency the list shows") {
    test::Fixture fx;
    test::Headless gui;
    ui::set_language(ui::Lang::Vi);
    ui::AppState state(*fx.service, fx.admin);
    state.as_of = Date{2025, 7, 15};
    gui.frames(state, 2);
    CHECK(state.reminders.count == 2);
    const Id finance = fx.assignment_of("1.1", "Sở Tài chính"), building = fx.assignment_of("1.1", "Sở Xây dựng");
    const Id finance_agency = fx.service->get(finance).record.agency_id;
    const Id building_agency = fx.service->get(building).record.agency_id;
    CHECK(state.reminders.count_by_agency[finance_agency] == 1);

    // The office picks Sở Xây dựng in Nhắc việc: the list holds its one row only...
    state.view = ui::View::Reminders;
    state.reminders.agency = building_agency;
    gui.frames(state, 2);
    REQUIRE(state.reminders.shown.size() == 1);
    CHECK(state.reminders.rows[state.reminders.shown[0]].assignment.id == building);
    // ...and the sidebar still counts both agencies' overdue work.
    CHECK(state.reminders.count == 2);
    CHECK(state.probes.count("nav:Nhắc việc") == 1);

    // Đơn vị của tôi on Sở Tài chính counts Sở Tài chính's, not the list's agency's (zero).
    state.view = ui::View::MyAgency;
    state.agenda_agency = finance_agency;
    gui.frames(state, 2);
    CHECK(overdue_and_soon(state, finance_agency) == 1);
    CHECK(state.reminders.count == 2);

    // At 25/06/2025 the same two are due within 7 days; at 20/06 they are 10 days off: 14 only.
    state.as_of = Date{2025, 6, 25};
    gui.frames(state, 2);
    CHECK(state.reminders.count == 2);
    for (const auto& x : state.reminders.rows) CHECK(x.kind == service::ReminderKind::DueSoon);
    state.as_of = Date{2025, 6, 20};
    gui.frames(state, 2);
    CHECK(state.reminders.count == 0);
    state.reminders.within = 14;
    gui.frames(state, 2);
    CHECK(state.reminders.count == 2);
}

TEST_CASE("an agency user's reminders are its own, on its home view and beside Đơn vị của tôi") {
    test::Fixture fx;
    test::Headless gui;
    const auto agency_user = fx.add_user("canbo.sxd", UserRole::Agency, "Sở Xây dựng");
    const Id own = fx.assignment_of("1.1", "Sở Xây dựng");
    ui::AppState state(*fx.service, agency_user);
    state.as_of = Date{2025, 7, 15};
    state.view = ui::View::MyAgency;
    gui.frames(state, 2);
    REQUIRE(state.reminders.rows.size() == 1);
    CHECK(state.reminders.rows[0].assignment.id == own);
    CHECK(state.reminders.count == 1);
    CHECK(state.reminders.count_by_agency[*agency_user.agency_id] == 1);

    // Done late, then sent back by the office: overdue again and sent back, two lines to act on.
    {
        test::FixedClock clock(Date{2025, 7, 16});
        fx.service->add_evidence(fx.admin, own, {"Báo cáo", "", std::nullopt, std::nullopt});
        service::AssignmentChange done;
        done.status = Status::Done;
        fx.service->update(fx.admin, own, done, std::nullopt);
        fx.service->send_back(fx.admin, own, "Thiếu số liệu", std::nullopt);
    }
    test::FixedClock today(Date{2025, 7, 20});
    state.as_of = Date{2025, 7, 20};
    state.data_changed();
    gui.frames(state, 2);
    REQUIRE(state.reminders.rows.size() == 2);
    CHECK(state.reminders.rows[0].kind == service::ReminderKind::Overdue);
    CHECK(state.reminders.rows[1].kind == service::ReminderKind::SentBack);
    CHECK(state.reminders.count == 2);
    CHECK(state.reminders.count_by_agency[*agency_user.agency_id] == 2);
    CHECK(state.probes.count("reminders:open") == 1);  // the summary line and its button on the home view
}

TEST_CASE("the digest of one agency is a PDF written and opened with the desktop's program") {
    test::Fixture fx;
    test::Headless gui;
    const auto home = fx.dir / "home";
    std::filesystem::create_directories(home / "Documents");
    EnvVar home_var("HOME", home.string());
    const auto bin = fx.dir / "bin";
    fake_xdg_open(bin);
    EnvVar path_var("PATH", bin.string() + ":/usr/bin:/bin");

    ui::AppState state(*fx.service, fx.admin);
    state.as_of = Date{2025, 7, 15};
    state.view = ui::View::Reminders;
    gui.frames(state, 2);
    state.reminders.agency = fx.service->get(fx.assignment_of("1.1", "Sở Tài chính")).record.agency_id;
    gui.frames(state, 2);
    REQUIRE(gui.click(state, "reminders:pdf"));
    CHECK(state.reminders.error.empty());
    const auto written = home / "Documents" / "nhac-viec-STC-2025-07-15.pdf";
    CHECK(state.reminders.written == written.string());
    CHECK(opened_argument(bin) == written.string());
    CHECK(test::read_text(bin / "opened").starts_with("%PDF-"));
}

TEST_CASE("a written report and an attachment open with the desktop's program") {
    test::Fixture fx;
    test::Headless gui;
    const auto bin = fx.dir / "bin";
    fake_xdg_open(bin);
    EnvVar path_var("PATH", bin.string() + ":/usr/bin:/bin");
    EnvVar runtime("XDG_RUNTIME_DIR", (fx.dir / "run").string());
    std::filesystem::create_directories(fx.dir / "run");

    SUBCASE("the report's PDF, from the Báo cáo view") {
        ui::AppState state(*fx.service, fx.admin);
        state.as_of = Date{2025, 7, 15};
        state.view = ui::View::Reports;
        gui.frames(state, 2);
        auto& v = state.reports_view;
        std::snprintf(v.folder, sizeof v.folder, "%s", fx.dir.path().c_str());
        std::snprintf(v.number, sizeof v.number, "%s", "62/BC-UBND");
        v.formats[1] = false;  // the PDF only
        REQUIRE(gui.click(state, "reports:export"));
        gui.frames(state, 4);
        REQUIRE(v.written.size() == 1);
        REQUIRE(gui.click(state, "reports:open:.pdf"));
        CHECK(opened_argument(bin) == v.written[0]);
        CHECK(test::read_text(bin / "opened").starts_with("%PDF-"));
    }
    SUBCASE("an evidence's attached file, from the editor") {
        const Id id = fx.assignment_of("1.1", "Sở Tài chính");
        service::EvidenceInput e;
        e.note = "Báo cáo giải ngân quý II";
        e.file = store::EvidenceFile{"báo cáo quý II.txt", "Số liệu giải ngân quý II", ""};
        fx.service->add_evidence(fx.admin, id, e);
        ui::AppState state(*fx.service, fx.admin);
        state.view = ui::View::Task;
        ui::select_assignment(state, id);
        gui.frames(state, 3);
        REQUIRE(gui.click(state, "editor:open:báo cáo quý II.txt"));
        CHECK(state.message.empty());
        const auto arg = opened_argument(bin);
        CHECK(arg.starts_with((fx.dir / "run").string()));
        CHECK(arg.ends_with(".txt"));
        CHECK(test::read_text(bin / "opened") == "Số liệu giải ngân quý II");
    }
    SUBCASE("no xdg-open: a sentence in the window's language, with the file's place") {
        ui::set_language(ui::Lang::Vi);
        std::filesystem::remove(bin / "xdg-open");
        const Id id = fx.assignment_of("1.1", "Sở Tài chính");
        service::EvidenceInput e;
        e.note = "Công văn";
        e.file = store::EvidenceFile{"cv.pdf", "%PDF-1.4", ""};
        fx.service->add_evidence(fx.admin, id, e);
        EnvVar only_bin("PATH", bin.string());
        ui::AppState state(*fx.service, fx.admin);
        state.view = ui::View::Task;
        ui::select_assignment(state, id);
        gui.frames(state, 3);
        REQUIRE(gui.click(state, "editor:open:cv.pdf"));
        CHECK(state.message_is_error);
        CHECK(state.message.find("Tệp đã được lưu vào") != std::string::npos);
        CHECK(state.message.find("xdg-open") != std::string::npos);
        CHECK(state.message.find("cv.pdf") != std::string::npos);
    }
}

TEST_CASE("the reminders' days column holds its words whole in both languages (not cut at 173 days)") {
    test::Fixture fx;
    test::Headless gui;
    ImGui::GetIO().DisplaySize = ImVec2(1366, 768);
    ui::AppState state(*fx.service, fx.admin);
    state.as_of = Date{2025, 12, 20};  // 1.1 overdue by 173 days
    state.view = ui::View::Reminders;
    std::vector<ui::CellRecord> cells;
    ui::record_cells(&cells);
    for (auto lang : {ui::Lang::Vi, ui::Lang::En}) {
        ui::set_language(lang);
        gui.frames(state, 3);
    }
    ui::record_cells(nullptr);
    ui::set_language(ui::Lang::Vi);
    ImGui::GetIO().DisplaySize = ImVec2(1600, 1000);
    int days_cells = 0;
    for (const auto& c : cells)
        if (c.text.find("173") != std::string::npos) {
            CAPTURE(c.text);
            CHECK(c.shown == c.text);
            ++days_cells;
        }
    CHECK(days_cells >= 4);  // two agencies, two languages
}
