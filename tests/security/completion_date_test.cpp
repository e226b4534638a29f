// Issue 17, item 12: a completion date is bounded (not in the future, not before the directive
// that created the assignment, never before 2000), and the journal records who set which date.
#include <doctest/doctest.h>

#include "support.h"

using namespace dt;

TEST_CASE("completion dates: 1900, the day before the directive and tomorrow are refused and change nothing") {
    test::Fixture fx;  // directive 99/CT-TEST issued 01/04/2025
    const auto stc = fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
    const auto id = fx.assignment_of("1.1", "Sở Tài chính");
    fx.service->add_evidence(stc, id, {"Báo cáo", "", std::nullopt, std::nullopt});
    const auto before = fx.service->get(id).record;
    const int journal = fx.store->journal_count();
    for (const Date bad : {Date{1900, 1, 1}, Date{2025, 3, 31}, Date::today().plus_days(1)}) {
        service::AssignmentChange c;
        c.status = Status::Done;
        c.completed_on = bad;
        CHECK_MESSAGE(test::kind_of([&] { fx.service->update(stc, id, c, std::nullopt); }) == ErrorKind::Invalid, bad.iso());
    }
    const auto after = fx.service->get(id).record;
    CHECK(after.version == before.version);
    CHECK(after.status == before.status);
    CHECK_FALSE(after.completed_on.has_value());
    CHECK(fx.store->journal_count() == journal);

    service::AssignmentChange ok;
    ok.status = Status::Done;
    ok.completed_on = Date{2025, 4, 1};  // the directive's own day is allowed
    CHECK(fx.service->update(stc, id, ok, std::nullopt).record.completed_on == Date{2025, 4, 1});
    bool journalled = false;
    for (const auto& j : fx.service->history(id))
        journalled |= j.field == "completed_on" && j.new_value == "2025-04-01" && j.user_name == "stc";
    CHECK(journalled);
}

TEST_CASE("dtrack update --done-on 01/01/1900 exits 2 and changes nothing") {
    test::TempDir dir;
    const std::string db = "--db '" + (dir / "t.db").string() + "'";
    const std::string env = "DTRACK_PASSWORD='mật khẩu quản trị'";
    REQUIRE(test::run_dtrack(db + " init --admin admin", env).exit_code == 0);
    REQUIRE(test::run_dtrack(db + " --user admin evidence add 7 --note 'Báo cáo'", env).exit_code == 0);
    const auto before = test::run_dtrack(db + " --user admin show 7 --json", env).out;
    const auto r = test::run_dtrack(db + " --user admin update 7 --status done --done-on 01/01/1900", env);
    CHECK(r.exit_code == 2);
    CHECK(test::run_dtrack(db + " --user admin show 7 --json", env).out == before);
}
