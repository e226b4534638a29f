// Server mode's speed as counts, not times (docs/PERFORMANCE.md): how many requests a use case
// sends to the database server, held to a number whatever the machine's load, with the
// guarantees the fewer requests must keep (version, journal, the rows read). On a file every
// count is 0. Run on both backends (scripts/pg_tests.sh runs service/ on PostgreSQL).
#include <doctest/doctest.h>

#include <algorithm>

#include "core/error.h"
#include "store/store.h"
#include "support.h"

using namespace dt;
using service::AssignmentChange;
using store::Id;
using test::kind_of;

namespace {
// Requests `fn` sent to the server.
template <class Fn>
std::uint64_t trips_of(const test::Fixture& fx, Fn fn) {
    const auto before = store::server_round_trips(*fx.store);
    fn();
    return store::server_round_trips(*fx.store) - before;
}

bool has_reminder(const std::vector<service::Reminder>& list, Id id, service::ReminderKind kind) {
    return std::any_of(list.begin(), list.end(), [&](const auto& r) { return r.assignment.id == id && r.kind == kind; });
}
}  // namespace

TEST_CASE("a status update is five requests to a server and keeps version, journal and the row it returns") {
    test::Fixture fx;
    const Id id = fx.assignment_of("1.1", "Sở Tài chính");
    const auto before = fx.service->get(id).record;
    test::FixedClock clock(Date::today());
    AssignmentChange c;
    c.status = Status::InProgress;
    service::AssignmentView after;
    const auto trips = trips_of(fx, [&] { after = fx.service->update(fx.admin, id, c, before.version); });
    // Begin with the journal's clock, the user checked once, the assignment read, the update, commit.
    if (fx.pg) CHECK(trips == 5);
    else CHECK(trips == 0);

    // What update returns is what a read finds afterwards (it no longer reads the row again).
    const auto stored = fx.service->get(id);
    CHECK(after.record.version == before.version + 1);
    CHECK(after.record.version == stored.record.version);
    CHECK(after.record.updated_at == stored.record.updated_at);
    CHECK(after.record.updated_at == Date::today().iso() + "T12:00:00Z");
    CHECK(after.record.status == Status::InProgress);
    CHECK(after.bucket == stored.bucket);
    CHECK(after.record.evidence_count == stored.record.evidence_count);

    // The journal names the user and the time (on a server its trigger writes the row).
    const auto history = fx.service->history(id);
    REQUIRE(history.size() == 1);
    CHECK(history[0].field == "status");
    CHECK(history[0].new_value == "in_progress");
    CHECK(history[0].at == Date::today().iso() + "T12:00:00Z");
    CHECK(history[0].user_name == (fx.pg ? *fx.store->server_user() : std::string("admin")));

    // The version read before is stale now: refused, nothing written.
    AssignmentChange again;
    again.status = Status::Blocked;
    CHECK(kind_of([&] { fx.service->update(fx.admin, id, again, before.version); }) == ErrorKind::Conflict);
    CHECK(fx.service->get(id).record.status == Status::InProgress);
    CHECK(fx.service->history(id).size() == 1);
}

TEST_CASE("the office's change of a deadline still lands, journalled, and a stale one is refused") {
    test::Fixture fx;
    const Id id = fx.assignment_of("1.1", "Sở Tài chính");
    const auto before = fx.service->get(id).record;
    AssignmentChange c;
    c.due = Date{2025, 9, 30};
    const auto trips = trips_of(fx, [&] { fx.service->update(fx.admin, id, c, before.version); });
    // The usual update touches nothing when the deadline moves: the stored row is read and the
    // update sent again with the deadline (two requests more).
    if (fx.pg) CHECK(trips == 7);
    const auto after = fx.service->get(id).record;
    CHECK(after.due == Date{2025, 9, 30});
    CHECK(after.version == before.version + 1);
    const auto history = fx.service->history(id);
    REQUIRE(history.size() == 1);
    CHECK(history[0].field == "due");
    CHECK(history[0].new_value == "2025-09-30");

    // From the version before: refused, whether the deadline would change or not.
    AssignmentChange later;
    later.due = Date{2025, 10, 31};
    CHECK(kind_of([&] { fx.service->update(fx.admin, id, later, before.version); }) == ErrorKind::Conflict);
    AssignmentChange same;
    same.due = Date{2025, 9, 30};
    same.owner = "Người khác";
    CHECK(kind_of([&] { fx.service->update(fx.admin, id, same, before.version); }) == ErrorKind::Conflict);
    CHECK(fx.service->get(id).record.due == Date{2025, 9, 30});
    CHECK(fx.service->get(id).record.owner == after.owner);

    // The store itself: a stale version writes nothing and says so.
    auto stale = after;
    stale.progress = 30;
    CHECK_FALSE(fx.store->update_assignment(stale, before.version));
    CHECK(fx.service->get(id).record.progress == after.progress);
}

TEST_CASE("every directive's sections and the latest ladder are one read each") {
    test::Fixture fx;
    const auto directives = fx.service->directives();
    REQUIRE_FALSE(directives.empty());
    std::vector<store::SectionRecord> one_by_one;
    for (const auto& d : directives)
        for (auto& s : fx.service->sections(d.id)) one_by_one.push_back(s);
    std::vector<store::SectionRecord> all;
    const auto trips = trips_of(fx, [&] { all = fx.service->sections(std::nullopt); });
    if (fx.pg) CHECK(trips == 1);
    REQUIRE(all.size() == one_by_one.size());
    REQUIRE(all.size() == 2);
    for (std::size_t i = 0; i < all.size(); ++i) {
        CHECK(all[i].id == one_by_one[i].id);
        CHECK(all[i].label == one_by_one[i].label);
        CHECK(all[i].title == one_by_one[i].title);
    }

    CHECK(fx.service->ladder().empty());
    fx.service->set_milestone(fx.admin, Date{2025, 9, 30}, 60);
    fx.service->set_milestone(fx.admin, Date{2025, 6, 30}, 30);
    std::vector<store::MilestoneRecord> ladder;
    const auto ladder_trips = trips_of(fx, [&] { ladder = fx.service->ladder(); });
    if (fx.pg) CHECK(ladder_trips == 1);
    const auto of_directive = fx.store->ladder(directives.back().id);
    REQUIRE(ladder.size() == 2);
    REQUIRE(of_directive.size() == 2);
    CHECK(ladder[0].due == Date{2025, 6, 30});
    CHECK(ladder[1].percent == 60);
    CHECK(of_directive[0].due == ladder[0].due);
}

TEST_CASE("reminders read only what can be one: overdue, due soon, sent back, never done") {
    test::Fixture fx;
    const Date today = Date::today();
    // 2.1 has no deadline: reminded only once the office sends its 'done' back.
    const Id no_deadline = fx.assignment_of("2.1", "Sở Công Thương");
    const Id overdue = fx.assignment_of("1.1", "Sở Tài chính");
    const Id finished = fx.assignment_of("1.1", "Sở Xây dựng");
    service::EvidenceInput e;
    e.note = "Đã hoàn thành";
    for (const Id id : {no_deadline, finished}) {
        fx.service->add_evidence(fx.admin, id, e);
        AssignmentChange done;
        done.status = Status::Done;
        fx.service->update(fx.admin, id, done, std::nullopt);
    }
    fx.service->send_back(fx.admin, no_deadline, "Thiếu số liệu quý III", std::nullopt);

    const auto list = fx.service->reminders(fx.admin, std::nullopt, 7, today);
    CHECK(has_reminder(list, no_deadline, service::ReminderKind::SentBack));
    CHECK(has_reminder(list, overdue, service::ReminderKind::Overdue));
    CHECK_FALSE(std::any_of(list.begin(), list.end(), [&](const auto& r) { return r.assignment.id == finished; }));
    // Every open row with a passed deadline is there, with its names (read apart on a server).
    service::ListFilter all;
    std::size_t open_overdue = 0;
    for (const auto& v : fx.service->list(all))
        if (v.bucket == Bucket::OpenOverdue) ++open_overdue;
    CHECK(std::count_if(list.begin(), list.end(), [](const auto& r) { return r.kind == service::ReminderKind::Overdue; }) ==
          static_cast<long>(open_overdue));
    for (const auto& r : list) {
        CHECK_FALSE(r.assignment.task_ref.empty());
        CHECK_FALSE(r.assignment.agency.empty());
        CHECK(r.assignment.directive_code == "99/CT-TEST");
    }
}
