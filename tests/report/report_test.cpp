// The report model's figures, its changes part, and the CSV and HTML writers read back.
#include <doctest/doctest.h>

#include <fstream>

#include "core/csv.h"
#include "core/error.h"
#include "report/build.h"
#include "report/writers.h"
#include "sample_report.h"
#include "support.h"

using namespace dt;
using store::Id;

namespace {
service::EvidenceInput note(const std::string& text, const std::string& ref = "") {
    service::EvidenceInput e;
    e.note = text;
    e.doc_ref = ref;
    return e;
}

report::Report build(test::Fixture& fx, Date as_of, std::optional<Date> since = std::nullopt) {
    report::Request req;
    req.as_of = as_of;
    req.since = since;
    req.generated_on = Date{2025, 10, 3};
    return report::build_report(*fx.service, fx.admin, req);
}

// Done on `on`, entered that day: a report at an earlier date must not see it.
void done(test::Fixture& fx, Id id, Date on) {
    test::FixedClock clock(on);
    fx.service->add_evidence(fx.admin, id, note("Báo cáo kết quả", "215/BC-STC"));
    service::AssignmentChange c;
    c.status = Status::Done;
    c.completed_on = on;
    fx.service->update(fx.admin, id, c, std::nullopt);
}
}  // namespace

TEST_CASE("report figures at several dates match the service's list") {
    test::Fixture fx;
    done(fx, fx.assignment_of("1.1", "Sở Tài chính"), Date{2025, 6, 20});
    for (Date as_of : {Date{2025, 5, 1}, Date{2025, 7, 15}, Date{2026, 1, 15}}) {
        CAPTURE(as_of.iso());
        const auto r = build(fx, as_of);
        service::ListFilter f;
        f.as_of = as_of;
        const auto rows = fx.service->list(f);
        CHECK(r.totals.total == static_cast<int>(rows.size()));
        for (auto b : {Bucket::DoneOnTime, Bucket::DoneLate, Bucket::OpenOnTime, Bucket::OpenOverdue, Bucket::NoDeadline}) {
            int expected = 0;
            for (const auto& v : rows) expected += v.bucket == b ? 1 : 0;
            CHECK(r.totals.count(b) == expected);
        }
        int by_sections = 0;
        for (const auto& s : r.sections) by_sections += s.counts.total;
        CHECK(by_sections == r.totals.total);
        CHECK(r.overdue.size() == static_cast<std::size_t>(r.totals.count(Bucket::OpenOverdue)));
    }
    const auto july = build(fx, Date{2025, 7, 15});
    CHECK(july.totals.count(Bucket::DoneOnTime) == 1);
    CHECK(july.totals.count(Bucket::OpenOverdue) == 1);  // Sở Xây dựng's share of 1.1
    CHECK(july.totals.on_time_rate == doctest::Approx(50.0));
    REQUIRE(july.overdue.size() == 1);
    CHECK(july.overdue[0].share.agency == "Sở Xây dựng");
    CHECK(july.overdue[0].days_overdue == 15);
    CHECK(july.agencies.front().agency == "Sở Xây dựng");  // most overdue first
    const auto& first_task = july.sections.at(0).tasks.at(0);
    CHECK(first_task.ref == "1.1");
    CHECK(first_task.deadline == Date{2025, 6, 30});
    // Evidence without a document date counts from the day it was entered (20/06): there in July.
    CHECK(first_task.shares.at(0).latest_evidence.has_value());
    CHECK_FALSE(build(fx, Date{2025, 6, 19}).sections.at(0).tasks.at(0).shares.at(0).latest_evidence.has_value());
    const auto now = build(fx, Date::today());
    REQUIRE(now.sections.at(0).tasks.at(0).shares.at(0).latest_evidence.has_value());
    CHECK(now.sections.at(0).tasks.at(0).shares.at(0).latest_evidence->doc_ref == "215/BC-STC");
    // Before the deadline the same work is on time, and nothing has passed yet.
    const auto may = build(fx, Date{2025, 5, 1});
    CHECK(may.totals.count(Bucket::OpenOverdue) == 0);
    CHECK(may.totals.on_time_rate == 0.0);
    CHECK_FALSE(may.disbursement.has_value());  // no investors in this database
}

TEST_CASE("the changes part: newly done, newly overdue, deadline changes, new evidence") {
    test::Fixture fx;
    const Id stc = fx.assignment_of("1.1", "Sở Tài chính");
    const Id xd = fx.assignment_of("1.1", "Sở Xây dựng");
    done(fx, stc, Date{2025, 6, 20});
    service::AssignmentChange moved;
    moved.due = Date{2026, 3, 31};
    fx.service->update(fx.admin, fx.assignment_of("2.1", "Sở Công Thương"), moved, std::nullopt);
    // The journal and evidence carry today's timestamps: look at a window that holds today.
    const Date today = Date::today();
    const auto r = build(fx, today, Date{2025, 6, 1});
    REQUIRE(r.changes.has_value());
    CHECK(r.changes->since == Date{2025, 6, 1});
    REQUIRE(r.changes->newly_done.size() == 1);
    CHECK(r.changes->newly_done[0].agency == "Sở Tài chính");
    bool xd_overdue = false;
    for (const auto& c : r.changes->newly_overdue) xd_overdue |= c.agency == "Sở Xây dựng";
    CHECK(xd_overdue == (today > Date{2025, 6, 30}));
    REQUIRE(r.changes->deadline_changes.size() == 1);
    CHECK(r.changes->deadline_changes[0].what == "— → 31/03/2026");
    REQUIRE(r.changes->new_evidence.size() == 1);
    CHECK(r.changes->new_evidence[0].what.starts_with("215/BC-STC"));
    (void)xd;
    // A window that ends before anything happened shows no changes.
    const auto before = build(fx, Date{2025, 6, 10}, Date{2025, 6, 1});
    CHECK(before.changes->newly_done.empty());
    CHECK(before.changes->new_evidence.empty());
    CHECK_THROWS_AS(build(fx, Date{2025, 6, 1}, Date{2025, 7, 1}), Error);  // since after as-of
}

TEST_CASE("since defaults to the last recorded report, settings come from the database") {
    test::Fixture fx;
    CHECK_FALSE(build(fx, Date{2025, 7, 1}).changes.has_value());
    store::ReportRecord rec;
    rec.as_of = Date{2025, 6, 30};
    rec.directive = "99/CT-TEST";
    rec.format = "pdf";
    rec.path = "/tmp/x.pdf";
    rec.figures = "{}";
    fx.service->record_report(fx.admin, rec);
    const auto r = build(fx, Date{2025, 9, 30});
    REQUIRE(r.changes.has_value());
    CHECK(r.changes->since == Date{2025, 6, 30});
    report::save_setting(*fx.service, fx.admin, "number", "15/BC-UBND");
    report::save_setting(*fx.service, fx.admin, "signer_name", "Nguyễn Văn Ví Dụ");
    CHECK(build(fx, Date{2025, 9, 30}).settings.number == "15/BC-UBND");
    CHECK_THROWS_AS(report::save_setting(*fx.service, fx.admin, "color", "đỏ"), Error);
    const auto viewer = fx.add_user("lanhdao", UserRole::Viewer);
    CHECK_THROWS_AS(report::save_setting(*fx.service, viewer, "number", "1/BC"), Error);
}

TEST_CASE("an empty database has nothing to report, clearly") {
    test::TempDir dir;
    auto store = store::Store::open(dir / "empty.db");
    service::Service service(*store);
    report::Request req;
    req.as_of = Date{2025, 9, 30};
    CHECK_THROWS_AS(report::build_report(service, service::Service::system(), req), Error);
}

TEST_CASE("CSV: one row per assignment, BOM, RFC 4180 quoting that parses back") {
    test::TempDir dir;
    const auto r = test::sample_report(5);
    report::write_csv(r, dir / "r.csv");
    const auto bytes = test::read_text(dir / "r.csv");
    CHECK(bytes.starts_with("\xEF\xBB\xBF"));
    const auto records = parse_csv(bytes);
    std::size_t shares = 0;
    for (const auto& s : r.sections)
        for (const auto& t : s.tasks) shares += t.shares.size();
    REQUIRE(records.size() == shares + 1);
    CHECK(records[0].fields[2] == "Mục");
    CHECK(records[1].fields[4] == "Sở Tài chính");
    CHECK(records[1].fields[12] == "215/BC-STC ngày 30/06/2025: <script>alert('x')</script> \"trích dẫn\", có dấu phẩy\ndòng thứ hai");
    CHECK(records[2].fields[12].size() == 10000);
    CHECK(records[0].fields[14] == "Thời hạn ban đầu");
    CHECK(records[0].fields[15] == "Số lần gia hạn");
    CHECK(records[0].fields[16] == "Mã lượt giao");
    CHECK(records[1].fields[16] == std::to_string(r.sections.at(0).tasks.at(0).shares.at(0).assignment_id));
    for (const auto& rec : records) CHECK(rec.fields.size() == 17);
}

TEST_CASE("HTML: every value escaped") {
    test::TempDir dir;
    report::write_html(test::sample_report(2), dir / "r.html");
    const auto html = test::read_text(dir / "r.html");
    CHECK(html.find("<script>") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("&lt;b&gt;báo cáo&lt;/b&gt;") != std::string::npos);
    CHECK(html.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") != std::string::npos);
    CHECK(html.find("Cao Bằng, ngày 03 tháng 10 năm 2025") != std::string::npos);
    CHECK(html.find("Huyện Ví dụ Núi Đá (giả định)") != std::string::npos);
}

TEST_CASE("a folder that does not exist or is not writable: a clear error and no file") {
    test::TempDir dir;
    const auto r = test::sample_report(1);
    CHECK_THROWS_AS(report::write_csv(r, dir / "khong-co" / "r.csv"), Error);
    CHECK_THROWS_AS(report::write_html(r, dir / "khong-co" / "r.html"), Error);
    CHECK_THROWS_AS(report::write_atomically(dir / "x.txt", [](const std::filesystem::path& temp) {
        std::ofstream(temp) << "một nửa";
        throw Error(ErrorKind::Storage, "interrupted");
    }), Error);
    CHECK(std::filesystem::is_empty(dir.path()));
}
