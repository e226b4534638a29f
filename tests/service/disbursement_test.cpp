#include <doctest/doctest.h>

#include <functional>

#include "core/error.h"
#include "support.h"

using namespace dt;
using test::kind_of;
using service::EntryInput;
using service::ProjectInput;
using store::Id;

namespace {
struct Disbursement : test::Fixture {
    Disbursement() {
        // The small directive has no ladder: give it 07/CT-UBND's.
        for (auto [d, p] : {std::pair{Date{2025, 6, 30}, 50}, {Date{2025, 9, 30}, 75}, {Date{2025, 11, 30}, 85},
                            {Date{2025, 12, 31}, 95}, {Date{2026, 1, 31}, 100}})
            service->set_milestone(admin, d, p);
        service->add_investor(admin, "Ban QLDA Ví dụ A", std::string("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông"));
        service->add_investor(admin, "Huyện Ví dụ B", std::nullopt);
        project("A-1", "Ban QLDA Ví dụ A", 100'000'000, 120'000'000);
        project("B-1", "Huyện Ví dụ B", 200'000'000, 200'000'000);
    }
    void project(const std::string& code, const std::string& investor, std::int64_t assigned, std::int64_t total) {
        ProjectInput p;
        p.code = code;
        p.name = "Dự án giả định " + code;
        p.investor = investor;
        p.year = 2025;
        p.plan_assigned = assigned;
        p.plan_total = total;
        service->add_project(admin, p);
    }
    Id record(const std::string& code, Date date, std::int64_t amount) {
        return service->record_disbursement(admin, EntryInput{code, date, amount, "", 0});
    }
    int entries() const { return static_cast<int>(service->disbursement_entries(admin, std::nullopt).size()); }
};
}  // namespace

TEST_CASE("the ladder requires the latest milestone on or before the date, at each boundary") {
    Disbursement fx;
    const auto ladder = fx.service->ladder();
    REQUIRE(ladder.size() == 5);
    CHECK(service::required_percent(ladder, Date{2025, 6, 29}) == 0);
    CHECK(service::required_percent(ladder, Date{2025, 6, 30}) == 50);
    CHECK(service::required_percent(ladder, Date{2025, 7, 1}) == 50);
    CHECK(service::required_percent(ladder, Date{2025, 9, 29}) == 50);
    CHECK(service::required_percent(ladder, Date{2025, 9, 30}) == 75);
    CHECK(service::required_percent(ladder, Date{2025, 11, 29}) == 75);
    CHECK(service::required_percent(ladder, Date{2025, 11, 30}) == 85);
    CHECK(service::required_percent(ladder, Date{2025, 12, 31}) == 95);
    CHECK(service::required_percent(ladder, Date{2026, 1, 30}) == 95);
    CHECK(service::required_percent(ladder, Date{2026, 1, 31}) == 100);
    CHECK(service::next_milestone(ladder, Date{2025, 9, 30})->due == Date{2025, 11, 30});
    CHECK_FALSE(service::next_milestone(ladder, Date{2026, 2, 1}).has_value());
    // The ladder only climbs.
    CHECK(kind_of([&] { fx.service->set_milestone(fx.admin, Date{2025, 10, 15}, 60); }) == ErrorKind::Invalid);
    CHECK(kind_of([&] { fx.service->set_milestone(fx.admin, Date{2025, 10, 15}, 101); }) == ErrorKind::Invalid);
    fx.service->set_milestone(fx.admin, Date{2025, 10, 31}, 80);
    CHECK(service::required_percent(fx.service->ladder(), Date{2025, 10, 31}) == 80);
    fx.service->remove_milestone(fx.admin, Date{2025, 10, 31});
    CHECK(fx.service->ladder().size() == 5);
}

TEST_CASE("rates against both denominators, behind and rank") {
    Disbursement fx;
    fx.record("A-1", Date{2025, 5, 10}, 30'000'000);
    fx.record("A-1", Date{2025, 9, 12}, 30'000'000);  // 60 of 100 assigned, 60 of 120 whole
    fx.record("B-1", Date{2025, 6, 1}, 160'000'000);  // 80 %
    const auto june = fx.service->disbursement_status(fx.admin, Date{2025, 6, 30});
    CHECK(june.required_percent == 50);
    REQUIRE(june.investors.size() == 2);
    CHECK(june.investors[0].investor.name == "Ban QLDA Ví dụ A");  // 30 % < 80 %: slowest first
    CHECK(june.investors[0].rates.disbursed == 30'000'000);        // the September entry is not counted yet
    CHECK(june.investors[0].rates.rate_assigned == doctest::Approx(30.0));
    CHECK(june.investors[0].rates.rate_total == doctest::Approx(25.0));
    CHECK(june.investors[0].behind);
    CHECK(june.investors[0].rank == 1);
    CHECK_FALSE(june.investors[1].behind);
    CHECK(june.behind == 1);

    const auto sept = fx.service->disbursement_status(fx.admin, Date{2025, 9, 30});
    CHECK(sept.required_percent == 75);
    CHECK(sept.investors[0].rates.rate_assigned == doctest::Approx(60.0));
    CHECK(sept.investors[0].rates.rate_total == doctest::Approx(50.0));
    CHECK(sept.province.disbursed == 220'000'000);
    CHECK(sept.province.plan_assigned == 300'000'000);
    CHECK(sept.province.plan_total == 320'000'000);
    CHECK(sept.province.rate_assigned == doctest::Approx(73.333).epsilon(0.001));
    CHECK(sept.province.rate_total == doctest::Approx(68.75));
    CHECK(sept.behind == 1);
}

TEST_CASE("entries are refused with a clear reason and nothing is stored") {
    Disbursement fx;
    CHECK(kind_of([&] { fx.record("X-9", Date{2025, 6, 1}, 1000); }) == ErrorKind::Invalid);         // unknown code
    CHECK(kind_of([&] { fx.record("A-1", Date{2024, 12, 31}, 1000); }) == ErrorKind::Invalid);       // before the year
    CHECK(kind_of([&] { fx.record("A-1", Date{2026, 2, 1}, 1000); }) == ErrorKind::Invalid);         // after 31/01 next year
    CHECK(kind_of([&] { fx.record("A-1", Date{2025, 6, 1}, 0); }) == ErrorKind::Invalid);            // nothing disbursed
    CHECK(kind_of([&] { fx.record("A-1", Date{2025, 6, 1}, 120'000'001); }) == ErrorKind::Invalid);  // beyond the whole plan
    CHECK(fx.entries() == 0);
    CHECK(fx.record("A-1", Date{2026, 1, 31}, 120'000'000) > 0);  // the last day of the window, the whole plan
    CHECK(kind_of([&] { fx.record("A-1", Date{2026, 1, 31}, 1); }) == ErrorKind::Invalid);
    CHECK(kind_of([&] { fx.record("B-1", Date{2025, 6, 1}, 5); fx.record("B-1", Date{2025, 6, 1}, 5); }) ==
          ErrorKind::Invalid);  // the same entry twice
    CHECK(fx.entries() == 2);
}

TEST_CASE("projects and investors are validated") {
    Disbursement fx;
    ProjectInput p;
    p.code = "C-1";
    p.name = "Dự án giả định C";
    p.investor = "huyen vi du b";  // found without diacritics
    p.year = 2025;
    p.plan_assigned = 50;
    p.plan_total = 40;  // the whole plan includes the assigned one
    CHECK(kind_of([&] { fx.service->add_project(fx.admin, p); }) == ErrorKind::Invalid);
    p.plan_total = 50;
    p.investor = "Không có";
    CHECK(kind_of([&] { fx.service->add_project(fx.admin, p); }) == ErrorKind::Invalid);
    p.investor = "huyen vi du b";
    CHECK(fx.service->add_project(fx.admin, p) > 0);
    CHECK(kind_of([&] { fx.service->add_project(fx.admin, p); }) == ErrorKind::Invalid);  // same code
    CHECK(kind_of([&] { fx.service->add_investor(fx.admin, "HUYỆN VÍ DỤ B", std::nullopt); }) == ErrorKind::Invalid);
    CHECK(kind_of([&] { fx.service->add_investor(fx.admin, "Nhóm", std::string("Các chủ đầu tư")); }) == ErrorKind::Invalid);
}

TEST_CASE("CSV import: all rows or none, a bad row named by its line") {
    Disbursement fx;
    const auto refused = [&](const std::string& csv, const std::string& line) {
        try {
            fx.service->import_disbursement_csv(fx.admin, csv);
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::Invalid);
            CHECK_MESSAGE(std::string(e.what()).find(line) != std::string::npos, e.what());
            return;
        }
        FAIL("accepted: " << csv);
    };
    const std::string header = "project_code,date,amount,note\n";
    refused(header + "A-1,2025-06-01,1.000.000,\nA-1,2025-06-08,-5,sai\n", "Line 3");
    refused(header + "A-1,2025-06-01,1000000,\nX-9,2025-06-08,5,\n", "Line 3");
    refused(header + "A-1,2025-06-01,1000000,\nA-1,31/02/2025,5,\n", "Line 3");
    refused(header + "A-1,2025-06-01,1000000,\nA-1,2025-06-01,1000000,lặp\n", "Line 3");  // duplicated row
    refused(header + "A-1,2025-06-01,60000000,\nA-1,2025-06-08,60000001,\n", "Line 3");  // beyond the plan together
    refused("code,date,amount\nA-1,2025-06-01,5\n", "Line 1");
    refused(header + "A-1,2025-06-01,5\n", "Line 2");
    CHECK(fx.entries() == 0);

    const std::string good = header + "A-1,2025-06-01,1.000.000,\"Tạm ứng, đợt 1\"\r\nB-1,30/06/2025,2500000,\n";
    CHECK(fx.service->preview_disbursement_csv(fx.admin, good).size() == 2);
    CHECK(fx.entries() == 0);  // a preview stores nothing
    CHECK(fx.service->import_disbursement_csv(fx.admin, good) == 2);
    CHECK(fx.entries() == 2);
    refused(good, "Line 2");  // importing the same file again would count twice
    CHECK(fx.entries() == 2);
}

TEST_CASE("only the admin writes, an agency user reads its own investors, a viewer reads all") {
    Disbursement fx;
    fx.record("A-1", Date{2025, 6, 1}, 10);
    const auto board = fx.add_user("bqlgt", UserRole::Agency, "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông");
    const auto stc = fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
    const auto viewer = fx.add_user("lanhdao", UserRole::Viewer);
    CHECK(kind_of([&] { fx.service->add_investor(board, "X", std::nullopt); }) == ErrorKind::Denied);
    CHECK(kind_of([&] { fx.service->record_disbursement(board, EntryInput{"A-1", Date{2025, 6, 2}, 5, "", 0}); }) ==
          ErrorKind::Denied);
    CHECK(kind_of([&] { fx.service->import_disbursement_csv(viewer, "project_code,date,amount,note\n"); }) == ErrorKind::Denied);
    CHECK(kind_of([&] { fx.service->set_milestone(stc, Date{2025, 8, 1}, 60); }) == ErrorKind::Denied);
    const auto own = fx.service->disbursement_status(board, Date{2025, 7, 1});
    REQUIRE(own.investors.size() == 1);
    CHECK(own.investors[0].investor.name == "Ban QLDA Ví dụ A");
    CHECK(fx.service->disbursement_entries(board, std::nullopt).size() == 1);
    CHECK(fx.service->disbursement_status(stc, Date{2025, 7, 1}).investors.empty());
    CHECK(fx.service->disbursement_status(viewer, Date{2025, 7, 1}).investors.size() == 2);
    CHECK(fx.entries() == 1);
}
