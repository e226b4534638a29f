// The past as it was, for rows added later: a task, its assignment and a whole directive added
// after a date did not exist at that date. Everything read at an as-of date (the report, the
// list, the summary, the reminders) made later for a kept date equals what was made on it.
#include <doctest/doctest.h>

#include <sstream>

#include "report/build.h"
#include "report/writers.h"
#include "support.h"

using namespace dt;
using store::Id;

namespace {
report::Report build_at(test::Fixture& fx, Date as_of, const std::string& directive) {
    report::Request req;
    req.as_of = as_of;
    req.generated_on = as_of;
    req.since_last_report = false;
    req.directive = directive;
    return report::build_report(*fx.service, fx.admin, req);
}

std::string csv_at(test::Fixture& fx, Date as_of, const std::string& directive, const test::TempDir& dir) {
    const auto path = dir / ("r-" + std::to_string(as_of.serial()) + "-" + std::to_string(directive.size()) + ".csv");
    std::filesystem::remove(path);
    report::write_csv(build_at(fx, as_of, directive), path);
    return test::read_text(path);
}

// Every row of the list at a date, as a line of what it was then.
std::string list_at(test::Fixture& fx, Date as_of) {
    service::ListFilter f;
    f.as_of = as_of;
    std::ostringstream out;
    for (const auto& v : fx.service->list(f)) {
        const auto& r = v.record;
        out << r.id << ' ' << r.directive_code << ' ' << r.task_ref << ' ' << to_string(r.status) << ' ' << r.progress
            << ' ' << r.owner << ' ' << (r.due ? r.due->iso() : "-") << ' ' << r.extension_count << ' '
            << static_cast<int>(v.bucket) << '\n';
    }
    return out.str();
}

std::string summaries_at(test::Fixture& fx, Date as_of) {
    std::ostringstream out;
    for (const auto& d : fx.service->directives()) {
        const auto s = fx.service->summary(d, as_of);
        if (s.tasks == 0) continue;  // not issued yet: dtrack summary leaves it out
        out << d.code << ' ' << s.tasks << ' ' << s.assignments;
        for (int b = 0; b < 5; ++b) out << ' ' << s.bucket_counts[b];
        out << '\n';
    }
    return out.str();
}

std::string reminders_at(test::Fixture& fx, Date as_of) {
    std::ostringstream out;
    for (const auto& r : fx.service->reminders(fx.admin, std::nullopt, 30, as_of))
        out << static_cast<int>(r.kind) << ' ' << r.assignment.id << ' ' << r.days << ' '
            << (r.assignment.due ? r.assignment.due->iso() : "-") << '\n';
    return out.str();
}

void set_status(test::Fixture& fx, Id id, Status status, std::optional<int> progress, std::optional<Date> done_on = {}) {
    service::AssignmentChange c;
    c.status = status;
    c.progress = progress;
    c.completed_on = done_on;
    fx.service->update(fx.admin, id, c, std::nullopt);
}

int count_lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }
}  // namespace

TEST_CASE("rows added later did not exist before: report, list, summary and reminders equal those kept at each date") {
    test::Fixture fx;
    test::TempDir dir;
    const std::string first = "99/CT-TEST", second = "100/CT-TEST";
    const Id finance = fx.assignment_of("1.1", "Sở Tài chính");  // due 30/06/2025
    const Id building = fx.assignment_of("1.1", "Sở Xây dựng");  // due 30/06/2025
    REQUIRE((finance && building));
    const int base = static_cast<int>(fx.service->list(service::ListFilter{}).size());

    struct Kept {
        Date day;
        std::string report_first, report_second, list, summaries, reminders;
    };
    std::vector<Kept> kept;
    auto keep = [&](Date d) {
        test::FixedClock clock(d);
        const bool second_exists = fx.store->directive_exists(second);
        kept.push_back({d, csv_at(fx, d, first, dir), second_exists ? csv_at(fx, d, second, dir) : "", list_at(fx, d),
                        summaries_at(fx, d), reminders_at(fx, d)});
    };

    {
        test::FixedClock clock(Date{2025, 4, 10});
        set_status(fx, finance, Status::InProgress, 20);
    }
    keep(Date{2025, 4, 30});
    Id added = 0;
    {
        // A task added to the directive later (through the store: the service has no such use
        // case yet), with its assignment: it counts from today, 20/05.
        test::FixedClock clock(Date{2025, 5, 20});
        const auto d = fx.store->directives().front();
        const auto section = fx.store->sections(d.id).front();
        const Id task = fx.store->insert_task({0, d.id, section.id, "1.3", std::nullopt, "Rà soát dự án chậm giải ngân",
                                               "Rà soát các dự án chậm giải ngân, đề xuất điều chuyển vốn",
                                               Date{2025, 7, 15}, Recurrence::None, 3, std::nullopt});
        store::AssignmentRecord a;
        a.task_id = task;
        a.agency_id = fx.store->find_agency("Sở Tài chính")->id;
        a.due = Date{2025, 7, 15};
        added = fx.store->insert_assignment(a);
        // Evidence with its document's date, entered a few days after it, in the same period.
        service::EvidenceInput e;
        e.note = "Báo cáo rà soát đợt 1";
        e.doc_ref = "88/BC-STC";
        e.doc_date = Date{2025, 5, 15};
        fx.service->add_evidence(fx.admin, finance, e);
        set_status(fx, building, Status::Blocked, 40);
    }
    keep(Date{2025, 5, 31});
    {
        test::FixedClock clock(Date{2025, 6, 25});
        set_status(fx, added, Status::InProgress, 10);
    }
    keep(Date{2025, 6, 30});
    {
        // A second directive issued and imported later: none of its rows existed before.
        test::FixedClock clock(Date{2025, 7, 10});
        auto outline = test::small_outline();
        outline.directive.code = second;
        outline.directive.issued_on = Date{2025, 7, 8};
        fx.service->import_directive(fx.admin, outline);
        // A deadline extended later: building's 30/06 becomes 30/09.
        const Id request = fx.service->request_extension(fx.admin, building, Date{2025, 9, 30}, "Chờ vốn bổ sung");
        fx.service->decide_extension(fx.admin, request, service::Decision::Approve, "Đồng ý");
    }
    keep(Date{2025, 7, 31});
    {
        test::FixedClock clock(Date{2025, 9, 3});
        service::EvidenceInput e;
        e.note = "Danh mục dự án điều chuyển vốn";
        e.doc_ref = "120/BC-STC";
        fx.service->add_evidence(fx.admin, added, e);
        set_status(fx, added, Status::Done, std::nullopt, Date{2025, 9, 2});
        set_status(fx, building, Status::InProgress, 70);
    }

    test::FixedClock today(Date{2025, 12, 1});
    for (const auto& k : kept) {
        CAPTURE(k.day.iso());
        CHECK(csv_at(fx, k.day, first, dir) == k.report_first);  // byte-identical
        if (!k.report_second.empty()) CHECK(csv_at(fx, k.day, second, dir) == k.report_second);
        CHECK(list_at(fx, k.day) == k.list);
        CHECK(summaries_at(fx, k.day) == k.summaries);
        CHECK(reminders_at(fx, k.day) == k.reminders);
    }

    // Hand counts. At 30/04: the directive as imported. At 31/05 and 30/06: one assignment more
    // (1.3, added 20/05). At 31/07: the second directive's rows too.
    CHECK(count_lines(list_at(fx, Date{2025, 4, 30})) == base);
    CHECK(count_lines(list_at(fx, Date{2025, 5, 19})) == base);
    CHECK(count_lines(list_at(fx, Date{2025, 5, 20})) == base + 1);
    CHECK(count_lines(list_at(fx, Date{2025, 6, 30})) == base + 1);
    CHECK(count_lines(list_at(fx, Date{2025, 7, 7})) == base + 1);
    // The second directive's rows: as many as it has today (nothing was added to it since; its
    // district tasks, issued after 1/7/2025, reach no district committee).
    const int now = static_cast<int>(fx.service->list(service::ListFilter{}).size());
    CHECK(now > base + 1);
    CHECK(count_lines(list_at(fx, Date{2025, 7, 31})) == now);
    const auto april = build_at(fx, Date{2025, 4, 30}, first).totals;
    const auto june = build_at(fx, Date{2025, 6, 30}, first).totals;
    int april_total = 0, june_total = 0;
    for (int b = 0; b < 5; ++b) april_total += april.buckets[b], june_total += june.buckets[b];
    CHECK(april_total == base);
    CHECK(june_total == base + 1);
    // 1.1's two agencies (due that very day), 1.3 (due 15/07) and 1.2's districts.
    CHECK(june.count(Bucket::OpenOnTime) == 3 + (base - 3));
    CHECK(june.count(Bucket::OpenOverdue) == 0);
    const auto august = build_at(fx, Date{2025, 8, 31}, first).totals;
    CHECK(august.count(Bucket::OpenOverdue) == 2);  // finance (30/06) and 1.3 (15/07); building moved to 30/09
    CHECK(august.count(Bucket::OpenOnTime) == 1 + (base - 3));
    // The task count of the summary follows the task added later, and the second directive is
    // absent from the summary before its date.
    const auto s = [&](Date d, const std::string& code) {
        for (const auto& dir_record : fx.service->directives())
            if (dir_record.code == code) return fx.service->summary(dir_record, d);
        return service::DirectiveSummary{};
    };
    CHECK(s(Date{2025, 5, 19}, first).tasks == 3);
    CHECK(s(Date{2025, 5, 20}, first).tasks == 4);
    CHECK(s(Date{2025, 7, 7}, second).tasks == 0);
    CHECK(s(Date{2025, 7, 8}, second).tasks == 3);
    // Reminders: the task added later is not overdue at 30/06 (it did not exist at 19/05 at all).
    CHECK(reminders_at(fx, Date{2025, 5, 19}).find(" " + std::to_string(added) + " ") == std::string::npos);
    CHECK(reminders_at(fx, Date{2025, 7, 20}).find("0 " + std::to_string(added) + " -5 ") != std::string::npos);
}

namespace {
// Every field the rewind restores, for every row existing at the date.
std::string full_state_at(test::Fixture& fx, Date as_of) {
    service::ListFilter f;
    f.as_of = as_of;
    std::ostringstream out;
    for (const auto& v : fx.service->list(f)) {
        const auto& r = v.record;
        out << r.id << '|' << to_string(r.status) << '|' << r.progress << '|' << r.owner << '|'
            << (r.due ? r.due->iso() : "-") << '|' << (r.completed_on ? r.completed_on->iso() : "-") << '|' << r.review_note
            << '|' << r.difficulties << '|' << r.proposals << '|' << r.extension_count << '|' << static_cast<int>(v.bucket)
            << '\n';
    }
    return out.str();
}

// 2025-04-06 was a Sunday: the kept days are Sundays.
bool kept(test::Fixture& fx, Date sunday) { return fx.store->assignment_states(sunday).has_value(); }
}  // namespace

TEST_CASE("the kept states and the full replay give the same past, also after a backdated change or a late import") {
    test::Fixture fx;
    const Id finance = fx.assignment_of("1.1", "Sở Tài chính");
    const Id building = fx.assignment_of("1.1", "Sở Xây dựng");
    const Id trade = fx.assignment_of("2.1", "Sở Công Thương");
    const auto stc = fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
    // Every kind of change the journal holds, on days spread over several weeks.
    auto on = [&](Date d, const std::function<void()>& f) {
        test::FixedClock clock(d);
        f();
    };
    auto change = [&](Id id, std::optional<Status> st, std::optional<int> pr, std::optional<std::string> owner = {},
                      std::optional<Date> due = {}, std::optional<Date> done = {}) {
        service::AssignmentChange c;
        c.status = st;
        c.progress = pr;
        c.owner = owner;
        c.due = due;
        c.completed_on = done;
        fx.service->update(fx.admin, id, c, std::nullopt);
    };
    on(Date{2025, 4, 8}, [&] { change(finance, Status::InProgress, 10, "Hà"); });
    on(Date{2025, 4, 16}, [&] { change(building, Status::InProgress, 20, "Bình", Date{2025, 7, 31}); });
    on(Date{2025, 4, 20}, [&] {  // a Sunday: a change on a kept day itself
        fx.service->propose(stc, finance, {std::string("Thiếu vốn đối ứng"), std::string("Bổ sung 12 tỷ")}, std::nullopt);
    });
    on(Date{2025, 5, 2}, [&] {
        service::EvidenceInput e;
        e.note = "Báo cáo tháng 4";
        e.doc_ref = "40/BC-STC";
        fx.service->add_evidence(fx.admin, finance, e);
        change(finance, Status::Done, 100, std::nullopt, std::nullopt, Date{2025, 5, 2});
    });
    on(Date{2025, 5, 21}, [&] { fx.service->send_back(fx.admin, finance, "Thiếu số liệu", std::nullopt); });
    on(Date{2025, 6, 3}, [&] {
        const Id r = fx.service->request_extension(fx.admin, finance, Date{2025, 9, 30}, "Chờ quy hoạch");
        fx.service->decide_extension(fx.admin, r, service::Decision::Approve, "Đồng ý");
        change(trade, Status::Blocked, 5, "Cường");
    });
    on(Date{2025, 6, 24}, [&] {
        fx.service->propose(stc, finance, {std::string(""), std::string("Bổ sung 15 tỷ")}, std::nullopt);
        change(building, std::nullopt, 60, "");
    });
    on(Date{2025, 7, 9}, [&] { change(trade, Status::InProgress, 30); });

    test::FixedClock today(Date{2025, 8, 1});
    auto same_past = [&](const char* when) {
        for (Date d{2025, 4, 1}; d < Date{2025, 8, 1}; d = d.plus_days(2)) {
            CAPTURE(when);
            CAPTURE(d.iso());
            fx.service->use_kept_states(false);
            const auto replayed = full_state_at(fx, d);
            fx.service->use_kept_states(true);
            CHECK(full_state_at(fx, d) == replayed);
        }
    };
    same_past("first reads: the kept days are made");
    for (Date sunday : {Date{2025, 4, 6}, Date{2025, 5, 4}, Date{2025, 6, 29}, Date{2025, 7, 27}}) CHECK(kept(fx, sunday));
    CHECK_FALSE(kept(fx, Date{2025, 8, 3}));  // not over yet
    same_past("second reads: from the kept days");

    // A change dated 10/06 arriving now (a clock set back): the kept days from 10/06 on are
    // forgotten, the earlier ones stay, and the past is still the replay's.
    {
        test::FixedClock back(Date{2025, 6, 10});
        change(building, Status::Blocked, std::nullopt);
    }
    CHECK(kept(fx, Date{2025, 6, 8}));
    CHECK_FALSE(kept(fx, Date{2025, 6, 15}));
    CHECK_FALSE(kept(fx, Date{2025, 7, 27}));
    same_past("after a backdated change");

    // A directive issued on 01/05 imported now: its rows count from 01/05, so the kept days from
    // then on are forgotten.
    auto outline = test::small_outline();
    outline.directive.code = "101/CT-TEST";
    outline.directive.issued_on = Date{2025, 5, 1};
    fx.service->import_directive(fx.admin, outline);
    CHECK(kept(fx, Date{2025, 4, 27}));
    CHECK_FALSE(kept(fx, Date{2025, 5, 4}));
    same_past("after a late import");
    CHECK(count_lines(full_state_at(fx, Date{2025, 5, 1})) > count_lines(full_state_at(fx, Date{2025, 4, 30})));
}
