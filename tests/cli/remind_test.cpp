// Nhắc việc: Service::reminders and `dtrack remind` against hand counts at two as-of dates.
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <set>

#include "core/numbers.h"
#include "support.h"

using namespace dt;
using nlohmann::json;
using store::Id;

namespace {
const std::string kEnv = "DTRACK_PASSWORD='mật-khẩu-quản-trị'";

test::CommandResult remind(test::Fixture& fx, const std::string& args) {
    return test::run_dtrack("--db '" + (fx.dir / "tracker.db").string() + "' --user admin remind " + args, kEnv);
}

std::set<Id> ids_of(const json& rows, const std::string& kind) {
    std::set<Id> ids;
    for (const auto& r : rows)
        if (r["kind"] == kind) ids.insert(r["id"].get<Id>());
    return ids;
}
}  // namespace

// The small directive: 1.1 due 30/06/2025 (Sở Tài chính leads, Sở Xây dựng coordinates), 1.2 due
// 31/12/2025 (the ten districts and the city), 2.1 without a deadline (Sở Công Thương).
TEST_CASE("reminders: due within the window, then overdue, at two as-of dates (hand counts)") {
    test::Fixture fx;
    const Id stc = fx.assignment_of("1.1", "Sở Tài chính"), sxd = fx.assignment_of("1.1", "Sở Xây dựng");
    auto r = fx.service->reminders(fx.admin, std::nullopt, 7, Date{2025, 6, 25});
    REQUIRE(r.size() == 2);  // 1.1 due in 5 days for its two agencies
    for (const auto& x : r) {
        CHECK(x.kind == service::ReminderKind::DueSoon);
        CHECK(x.days == 5);
    }
    CHECK(fx.service->reminders(fx.admin, std::nullopt, 4, Date{2025, 6, 25}).empty());  // 5 days is beyond 4

    r = fx.service->reminders(fx.admin, std::nullopt, 7, Date{2025, 7, 15});
    REQUIRE(r.size() == 2);
    CHECK(r[0].kind == service::ReminderKind::Overdue);
    CHECK(r[0].days == -15);
    CHECK(std::set<Id>{r[0].assignment.id, r[1].assignment.id} == std::set<Id>{stc, sxd});

    // 20/12/2025, 14 days: 1.1 still overdue (2), 1.2 due in 11 days for its 10 districts and the city.
    r = fx.service->reminders(fx.admin, std::nullopt, 14, Date{2025, 12, 20});
    int overdue = 0, soon = 0;
    for (const auto& x : r) (x.kind == service::ReminderKind::Overdue ? overdue : soon) += 1;
    CHECK(overdue == 2);
    CHECK(soon == 10);

    // Done work is never a reminder: done on 10/07, it is not one at 15/07, and it still was
    // at 09/07 (reminders at a past date read the assignments as they were then).
    {
        test::FixedClock clock(Date{2025, 7, 10});
        fx.service->add_evidence(fx.admin, stc, {"Báo cáo số 12", "", std::nullopt, std::nullopt});
        service::AssignmentChange done;
        done.status = Status::Done;
        fx.service->update(fx.admin, stc, done, std::nullopt);
    }
    r = fx.service->reminders(fx.admin, std::nullopt, 7, Date{2025, 7, 15});
    REQUIRE(r.size() == 1);
    CHECK(r[0].assignment.id == sxd);
    r = fx.service->reminders(fx.admin, std::nullopt, 7, Date{2025, 7, 9});
    REQUIRE(r.size() == 2);
    CHECK(std::set<Id>{r[0].assignment.id, r[1].assignment.id} == std::set<Id>{stc, sxd});
}

TEST_CASE("reminders: sent back and a decided extension are listed, an agency sees only its own") {
    test::Fixture fx;
    const Id stc = fx.assignment_of("1.1", "Sở Tài chính"), sct = fx.assignment_of("2.1", "Sở Công Thương");
    fx.service->add_evidence(fx.admin, sct, {"Đã xong", "", std::nullopt, std::nullopt});
    service::AssignmentChange done;
    done.status = Status::Done;
    fx.service->update(fx.admin, sct, done, std::nullopt);
    fx.service->send_back(fx.admin, sct, "Thiếu số liệu quý II", std::nullopt);
    const auto agency_user = fx.add_user("canbo.stc", UserRole::Agency, "Sở Tài chính");
    const Id request = fx.service->request_extension(agency_user, stc, Date::today().plus_days(30), "Chờ số liệu");
    fx.service->decide_extension(fx.admin, request, service::Decision::Approve, "Đồng ý");

    const auto all = fx.service->reminders(fx.admin, std::nullopt, 7, Date::today());
    int sent_back = 0, decided = 0;
    for (const auto& x : all) {
        if (x.kind == service::ReminderKind::SentBack) {
            ++sent_back;
            CHECK(x.assignment.id == sct);
            CHECK(x.assignment.review_note == "Thiếu số liệu quý II");
        }
        if (x.kind == service::ReminderKind::ExtensionDecided) {
            ++decided;
            CHECK(x.assignment.id == stc);
            REQUIRE(x.extension);
            CHECK(x.extension->status == store::ExtensionStatus::Approved);
        }
    }
    CHECK(sent_back == 1);
    CHECK(decided == 1);
    // A week later the decision is old news.
    for (const auto& x : fx.service->reminders(fx.admin, std::nullopt, 7, Date::today().plus_days(8)))
        CHECK(x.kind != service::ReminderKind::ExtensionDecided);

    const auto own = fx.service->reminders(agency_user, std::nullopt, 7, Date::today());
    for (const auto& x : own) CHECK(x.assignment.agency == "Sở Tài chính");
    CHECK(test::kind_of([&] { fx.service->reminders(agency_user, std::string("Sở Công Thương"), 7, Date::today()); }) ==
          ErrorKind::Denied);
    CHECK(test::kind_of([&] { fx.service->reminders(fx.admin, std::nullopt, 0, Date::today()); }) == ErrorKind::Invalid);
}

TEST_CASE("dtrack remind --json carries each assignment's id, text in the chosen language, a PDF digest") {
    test::Fixture fx;
    const Id stc = fx.assignment_of("1.1", "Sở Tài chính"), sxd = fx.assignment_of("1.1", "Sở Xây dựng");
    auto r = remind(fx, "--within 7 --as-of 2025-06-25 --json");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    auto rows = json::parse(r.out);
    CHECK(rows.size() == 2);
    CHECK(ids_of(rows, "due_soon") == std::set<Id>{stc, sxd});
    CHECK(rows[0]["days"] == 5);

    r = remind(fx, "--within 7 --as-of 15/07/2025 --json --agency STC");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    rows = json::parse(r.out);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["id"] == stc);
    CHECK(rows[0]["kind"] == "overdue");
    CHECK(rows[0]["status"] == "not_started");  // codes in JSON

    r = remind(fx, "--within 7 --as-of 2025-07-15 --lang vi");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("Quá hạn:") != std::string::npos);
    CHECK(r.out.find("quá 15 ngày") != std::string::npos);
    CHECK(r.out.find("Chưa thực hiện") != std::string::npos);
    CHECK(r.out.find("not_started") == std::string::npos);
    r = test::run_dtrack("--db '" + (fx.dir / "tracker.db").string() + "' --user admin remind --as-of 2025-07-15",
                         kEnv + " LC_ALL= LC_MESSAGES= LANG=en_US.UTF-8");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("overdue by 15 day(s)") != std::string::npos);
    CHECK(r.out.find("Not started") != std::string::npos);

    CHECK(remind(fx, "--within 0").exit_code == 2);
    const auto pdf = fx.dir / "nhac-viec.pdf";
    r = remind(fx, "--within 14 --as-of 2025-12-20 --pdf '" + pdf.string() + "'");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(test::read_text(pdf).rfind("%PDF", 0) == 0);
    CHECK(remind(fx, "--as-of 2025-12-20 --pdf '" + pdf.string() + "'").exit_code == 2);  // exists, no --force
}

TEST_CASE("dtrack list and show say statuses and roles in words, in Vietnamese or English, JSON keeps codes") {
    test::Fixture fx;
    const std::string db = "--db '" + (fx.dir / "tracker.db").string() + "' --user admin ";
    auto r = test::run_dtrack(db + "list --agency STC --lang vi", kEnv);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("Chưa thực hiện") != std::string::npos);
    CHECK(r.out.find("Chủ trì") != std::string::npos);
    CHECK(r.out.find("not_started") == std::string::npos);
    CHECK(r.out.find("1 phân công") != std::string::npos);
    r = test::run_dtrack(db + "list --agency STC", kEnv + " LC_ALL= LC_MESSAGES=vi_VN.UTF-8 LANG=");
    CHECK(r.out.find("Trạng thái") != std::string::npos);
    r = test::run_dtrack(db + "show " + std::to_string(fx.assignment_of("1.1", "Sở Xây dựng")) + " --lang en", kEnv);
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("Coordinate") != std::string::npos);
    CHECK(r.out.find("Not started") != std::string::npos);
    r = test::run_dtrack(db + "list --agency STC --json --lang vi", kEnv);
    CHECK(r.out.find("\"not_started\"") != std::string::npos);
}

TEST_CASE("numbers: thousands and decimals as each language writes them") {
    CHECK(format_integer(1250000, NumberStyle::Vi) == "1.250.000");
    CHECK(format_integer(1250000, NumberStyle::En) == "1,250,000");
    CHECK(format_integer(-999, NumberStyle::En) == "-999");
    CHECK(format_decimal(1234.56, 1, NumberStyle::Vi) == "1.234,6");
    CHECK(format_decimal(1234.56, 1, NumberStyle::En) == "1,234.6");
    CHECK(format_percent(48.26, NumberStyle::Vi) == "48,3 %");
    CHECK(format_percent(0.0, NumberStyle::En) == "0.0 %");
    CHECK(format_decimal(-0.04, 1, NumberStyle::En) == "0.0");
}
