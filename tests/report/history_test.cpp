// The past as it was: a database changed over several dates gives, at each past date, the
// report that was made on that date; evidence counts from its document's date.
#include <doctest/doctest.h>

#include "core/csv.h"
#include "report/build.h"
#include "report/writers.h"
#include "support.h"

using namespace dt;
using store::Id;

namespace {
report::Report build_at(test::Fixture& fx, Date as_of) {
    report::Request req;
    req.as_of = as_of;
    req.generated_on = as_of;
    req.since_last_report = false;
    return report::build_report(*fx.service, fx.admin, req);
}

std::string csv_of(const report::Report& r, const test::TempDir& dir, const std::string& name) {
    const auto path = dir / name;
    report::write_csv(r, path);
    return test::read_text(path);
}

service::EvidenceInput evidence(const std::string& note, const std::string& ref, std::optional<Date> doc_date = {}) {
    service::EvidenceInput e;
    e.note = note;
    e.doc_ref = ref;
    e.doc_date = doc_date;
    return e;
}

void change(test::Fixture& fx, Id id, std::optional<Status> status, std::optional<int> progress,
            std::optional<std::string> owner = {}, std::optional<Date> done_on = {}) {
    service::AssignmentChange c;
    c.status = status;
    c.progress = progress;
    c.owner = owner;
    c.completed_on = done_on;
    fx.service->update(fx.admin, id, c, std::nullopt);
}
}  // namespace

TEST_CASE("a report made today for a past date equals the one made and kept on that date") {
    test::Fixture fx;
    test::TempDir dir;
    const Id finance = fx.assignment_of("1.1", "Sở Tài chính");        // due 30/06/2025
    const Id building = fx.assignment_of("1.1", "Sở Xây dựng");        // due 30/06/2025
    const Id trade = fx.assignment_of("2.1", "Sở Công Thương");        // no deadline
    // 1.2 (due 31/12/2025) went to a group: one assignment per district.
    int n12 = 0;
    Id districts = 0;
    for (const auto& v : fx.service->list(service::ListFilter{}))
        if (v.record.task_ref == "1.2" && ++n12 == 1) districts = v.record.id;
    REQUIRE((finance && building && districts && trade && n12 > 1));

    struct Kept {
        Date as_of;
        std::string csv;
        report::Counts totals;
    };
    std::vector<Kept> kept;
    auto keep = [&](Date d) {
        test::FixedClock clock(d);
        const auto r = build_at(fx, d);
        kept.push_back({d, csv_of(r, dir, "kept-" + d.iso() + ".csv"), r.totals});
    };

    {
        test::FixedClock clock(Date{2025, 4, 10});
        change(fx, finance, Status::InProgress, 30, "Nguyễn Thị Hà");
        change(fx, building, Status::InProgress, 10);
    }
    keep(Date{2025, 4, 30});
    {
        test::FixedClock clock(Date{2025, 5, 20});
        fx.service->add_evidence(fx.admin, finance, evidence("Báo cáo giải ngân tháng 5", "120/BC-STC"));
        change(fx, finance, Status::Done, std::nullopt, std::nullopt, Date{2025, 5, 20});
        change(fx, building, Status::Blocked, 40, "Trần Văn Bình");
    }
    keep(Date{2025, 5, 31});
    {
        test::FixedClock clock(Date{2025, 6, 25});
        const Id request = fx.service->request_extension(fx.admin, building, Date{2025, 7, 31}, "Chờ bố trí vốn");
        fx.service->decide_extension(fx.admin, request, service::Decision::Approve, "Đồng ý");
        change(fx, districts, Status::InProgress, 50);
    }
    keep(Date{2025, 6, 30});
    {
        test::FixedClock clock(Date{2025, 8, 5});
        change(fx, building, Status::InProgress, 60);
        change(fx, districts, Status::InProgress, 70, "Lê Văn Cường");
        fx.service->send_back(fx.admin, finance, "Thiếu số liệu quý II", std::nullopt);
    }
    keep(Date{2025, 8, 31});
    {
        // Months later, more changes: none of them may show in the past reports.
        test::FixedClock clock(Date{2025, 12, 10});
        fx.service->add_evidence(fx.admin, building, evidence("Hoàn thành rà soát", "301/BC-SXD"));
        change(fx, building, Status::Done, std::nullopt, std::nullopt, Date{2025, 12, 10});
        change(fx, trade, Status::Blocked, 5);
    }

    test::FixedClock today(Date{2025, 12, 20});
    for (const auto& k : kept) {
        CAPTURE(k.as_of.iso());
        const auto again = build_at(fx, k.as_of);
        CHECK(csv_of(again, dir, "again-" + k.as_of.iso() + ".csv") == k.csv);  // byte-identical
        for (int b = 0; b < 5; ++b) CHECK(again.totals.buckets[b] == k.totals.buckets[b]);
    }

    // Hand counts: finance and building due 30/06, n12 districts due 31/12, trade none.
    auto at = [&](Date d) { return build_at(fx, d).totals; };
    const auto april = at(Date{2025, 4, 30});
    CHECK(april.count(Bucket::OpenOnTime) == 2 + n12);
    CHECK(april.count(Bucket::NoDeadline) == 1);
    const auto may = at(Date{2025, 5, 31});
    CHECK(may.count(Bucket::DoneOnTime) == 1);  // finance, done 20/05
    CHECK(may.count(Bucket::OpenOnTime) == 1 + n12);
    const auto june = at(Date{2025, 6, 30});
    CHECK(june.count(Bucket::DoneOnTime) == 1);
    CHECK(june.count(Bucket::OpenOnTime) == 1 + n12);  // building extended to 31/07 on 25/06
    CHECK(june.count(Bucket::OpenOverdue) == 0);
    const auto august = at(Date{2025, 8, 31});
    CHECK(august.count(Bucket::DoneOnTime) == 0);  // finance sent back on 05/08
    CHECK(august.count(Bucket::OpenOverdue) == 2);  // finance (30/06) and building (31/07)
    CHECK(august.count(Bucket::OpenOnTime) == n12);
    const auto december = at(Date{2025, 12, 20});
    CHECK(december.count(Bucket::DoneLate) == 1);  // building, done 10/12 after 31/07
    CHECK(december.count(Bucket::OpenOverdue) == 1);  // finance, sent back

    // Field by field at 31/05: status, progress, owner, deadline and extensions as they were.
    service::ListFilter f;
    f.as_of = Date{2025, 5, 31};
    std::map<Id, service::AssignmentView> rows;
    for (auto& v : fx.service->list(f)) rows.emplace(v.record.id, v);
    CHECK(rows.at(building).record.status == Status::Blocked);
    CHECK(rows.at(building).record.progress == 40);
    CHECK(rows.at(building).record.owner == "Trần Văn Bình");
    CHECK(rows.at(building).record.due == Date{2025, 6, 30});
    CHECK(rows.at(building).record.extension_count == 0);
    CHECK(rows.at(districts).record.owner.empty());
    f.as_of = Date{2025, 6, 30};
    CHECK(fx.service->get(building, f.as_of).record.due == Date{2025, 7, 31});
    CHECK(fx.service->get(building, f.as_of).record.extension_count == 1);
    // The status filter applies to the state at that date, not to today's.
    f.status = Status::Blocked;
    const auto blocked = fx.service->list(f);
    REQUIRE(blocked.size() == 1);
    CHECK(blocked[0].record.id == building);
    // The summary agrees with the report.
    const auto summary = fx.service->summary(fx.service->directives().front(), Date{2025, 8, 31});
    CHECK(summary.bucket_counts[static_cast<int>(Bucket::OpenOverdue)] == 2);
}

TEST_CASE("evidence dated in April but entered in December counts at 30/04, not at 31/03") {
    test::Fixture fx;
    const Id id = fx.assignment_of("1.1", "Sở Tài chính");
    {
        test::FixedClock clock(Date{2025, 12, 15});
        fx.service->add_evidence(fx.admin, id, evidence("Kế hoạch triển khai", "45/KH-STC", Date{2025, 4, 20}));
        fx.service->add_evidence(fx.admin, id, evidence("Ghi chú không có ngày văn bản", ""));
    }
    test::FixedClock today(Date{2025, 12, 20});
    auto latest = [&](Date d) -> std::optional<report::Evidence> {
        for (const auto& s : build_at(fx, d).sections)
            for (const auto& t : s.tasks)
                for (const auto& sh : t.shares)
                    if (sh.assignment_id == id) return sh.latest_evidence;
        return std::nullopt;
    };
    CHECK_FALSE(latest(Date{2025, 3, 31}).has_value());
    const auto april = latest(Date{2025, 4, 30});
    REQUIRE(april.has_value());
    CHECK(april->doc_ref == "45/KH-STC");
    // The one without a document date counts from its entry (15/12).
    CHECK(latest(Date{2025, 12, 14})->doc_ref == "45/KH-STC");
    CHECK(latest(Date{2025, 12, 15})->note == "Ghi chú không có ngày văn bản");
    // "Minh chứng mới" since 31/03 up to 30/04 lists it by its document's date.
    report::Request req;
    req.as_of = Date{2025, 4, 30};
    req.since = Date{2025, 3, 31};
    const auto r = report::build_report(*fx.service, fx.admin, req);
    REQUIRE(r.changes.has_value());
    REQUIRE(r.changes->new_evidence.size() == 1);
    CHECK(r.changes->new_evidence[0].what == "45/KH-STC: Kế hoạch triển khai");
}
