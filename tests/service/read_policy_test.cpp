// The read policy of service/service.h, read by read: each read that takes an Actor returns
// only what that actor may see, on both backends (DT_TEST_PG). And the one write door: command
// line sessions and seeding are journalled through the service.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "core/error.h"
#include "service/sessions.h"
#include "support.h"

using namespace dt;
using test::kind_of;
using store::Id;

namespace {
struct Readers : test::Fixture {
    service::Actor stc = add_user("stc", UserRole::Agency, "Sở Tài chính");
    service::Actor sct = add_user("sct", UserRole::Agency, "Sở Công Thương");
    service::Actor viewer = add_user("lanhdao", UserRole::Viewer);
    Id own = assignment_of("1.1", "Sở Tài chính");      // due 30/06/2025
    Id other = assignment_of("2.1", "Sở Công Thương");  // no deadline

    std::vector<store::JournalRecord> journal(const std::string& field) const {
        return service->journal_between(Date{2000, 1, 1}, Date{2999, 12, 31}, field);
    }
};

std::set<std::string> agencies_of(const std::vector<service::Reminder>& reminders) {
    std::set<std::string> out;
    for (const auto& r : reminders) out.insert(r.assignment.agency);
    return out;
}
}  // namespace

TEST_CASE("read policy: users are the administrators' to list, without password hashes") {
    Readers fx;
    CHECK(kind_of([&] { fx.service->users(fx.stc); }) == ErrorKind::Denied);
    CHECK(kind_of([&] { fx.service->users(fx.viewer); }) == ErrorKind::Denied);
    const auto all = fx.service->users(fx.admin);
    CHECK(all.size() >= 4);
    CHECK(std::all_of(all.begin(), all.end(), [](const auto& u) { return u.password_hash.empty(); }));
}

TEST_CASE("read policy: an agency user's extensions and reminders are its own agency's, the office and viewers see all") {
    Readers fx;
    fx.service->request_extension(fx.stc, fx.own, Date{2025, 9, 30}, "Chờ ý kiến của Bộ Tài chính");
    CHECK(fx.service->extensions(fx.stc, false).size() == 1);
    CHECK(fx.service->extensions(fx.sct, false).empty());
    CHECK(fx.service->extensions(fx.viewer, false).size() == 1);
    CHECK(fx.service->extensions(fx.admin, true).size() == 1);

    const Date as_of{2025, 7, 15};  // 1.1 (Sở Tài chính) overdue, the districts' 1.2 not yet due
    const auto office = agencies_of(fx.service->reminders(fx.admin, std::nullopt, 366, as_of));
    CHECK(office.size() > 1);
    CHECK(office.count("Sở Tài chính") == 1);
    CHECK(agencies_of(fx.service->reminders(fx.stc, std::nullopt, 366, as_of)) == std::set<std::string>{"Sở Tài chính"});
    CHECK(fx.service->reminders(fx.sct, std::nullopt, 366, as_of).empty());  // its 2.1 has no deadline
    CHECK(kind_of([&] { fx.service->reminders(fx.stc, std::string("UBND huyện Hòa An"), 366, as_of); }) ==
          ErrorKind::Denied);
    CHECK(agencies_of(fx.service->reminders(fx.viewer, std::string("UBND huyện Hòa An"), 366, as_of)) ==
          std::set<std::string>{"UBND huyện Hòa An"});
}

TEST_CASE("read policy: reads without an actor rule are the same for everyone (no Actor to pass)") {
    // The open rule, held where it could break: another agency's assignment, history and
    // evidence read the same as the office's (the service has no per-actor variant of them).
    Readers fx;
    fx.service->add_evidence(fx.sct, fx.other, service::EvidenceInput{"Báo cáo 12/BC-SCT", "12/BC-SCT", {}, {}});
    CHECK(fx.service->evidence(fx.other).size() == 1);
    CHECK(fx.service->history(fx.other).size() == 1);
    CHECK(fx.service->get(fx.other).record.agency == "Sở Công Thương");
    CHECK_FALSE(fx.service->can_edit(fx.stc, fx.service->get(fx.other).record));
    CHECK(fx.service->can_edit(fx.sct, fx.service->get(fx.other).record));
    CHECK_FALSE(fx.service->can_edit(fx.viewer, fx.service->get(fx.other).record));
}

TEST_CASE("one write door: a session is opened and revoked through the service's journal, a deactivated account opens none") {
    Readers fx;
    service::Sessions sessions(*fx.service);
    const auto opened = sessions.open(fx.stc);
    const auto opened_rows = fx.journal("session_opened");
    REQUIRE(opened_rows.size() == 1);
    CHECK(opened_rows[0].entity == "session");
    CHECK(opened_rows[0].user_id == fx.stc.user_id);
    CHECK(opened_rows[0].new_value == "until " + opened.expires_at);
    CHECK(sessions.resume("stc", opened.token).has_value());

    CHECK(sessions.revoke(opened.token));
    CHECK_FALSE(sessions.revoke(opened.token));  // once
    const auto revoked_rows = fx.journal("session_revoked");
    REQUIRE(revoked_rows.size() == 1);
    CHECK(revoked_rows[0].user_id == fx.stc.user_id);
    CHECK_FALSE(sessions.resume("stc", opened.token).has_value());

    // The service's journal refuses a stale actor (here deactivated: a stale actor on both
    // backends), and with it the whole transaction.
    fx.service->set_user_active(fx.admin, "stc", false);
    CHECK(kind_of([&] { sessions.open(fx.stc); }) == ErrorKind::Denied);
    CHECK(fx.journal("session_opened").size() == 1);
}

TEST_CASE("one write door: seeding the registry is journalled, as the system") {
    Readers fx;  // seeded by the fixture through Service::seed_registry
    const auto created = fx.journal("created");
    const auto agencies = std::count_if(created.begin(), created.end(), [](const auto& j) { return j.entity == "agency"; });
    CHECK(static_cast<std::size_t>(agencies) == fx.service->agencies().size());
    const auto seeded = std::find_if(created.begin(), created.end(), [](const auto& j) { return j.entity == "agency"; });
    REQUIRE(seeded != created.end());
    CHECK_FALSE(seeded->user_id.has_value());
}
