// A closed assignment in the report (issue 13): out of the figures from the day it was closed,
// named with its reason among the changes since the previous report.
#include <doctest/doctest.h>

#include "report/build.h"
#include "support.h"

using namespace dt;

TEST_CASE("report: a closed assignment leaves the figures and is listed, with its reason, among the changes") {
    test::Fixture fx;
    const auto stc = fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
    const auto id = fx.assignment_of("1.1", "Sở Tài chính");
    service::EvidenceInput e;
    e.note = "Báo cáo số 215/BC-STC";
    fx.service->add_evidence(stc, id, e);

    report::Request req;
    req.as_of = Date::today();
    req.since = Date::today().plus_days(-1);
    const auto before = report::build_report(*fx.service, fx.admin, req);
    CHECK(before.changes);
    CHECK(before.changes->closed.empty());

    fx.service->unassign(fx.admin, fx.service->find_task("99/CT-TEST", "1.1").id, "Sở Tài chính", "Giao nhầm: việc của Sở Nội vụ");
    const auto after = report::build_report(*fx.service, fx.admin, req);
    CHECK(after.totals.total == before.totals.total - 1);
    REQUIRE(after.changes);
    REQUIRE(after.changes->closed.size() == 1);
    CHECK(after.changes->closed[0].agency == "Sở Tài chính");
    CHECK(after.changes->closed[0].ref == "1.1");
    CHECK(after.changes->closed[0].what == "Đã đóng: Giao nhầm: việc của Sở Nội vụ");
    // As of yesterday it was still open work.
    req.as_of = Date::today().plus_days(-1);
    req.since.reset();
    req.since_last_report = false;
    CHECK(report::build_report(*fx.service, fx.admin, req).totals.total == before.totals.total);
}
