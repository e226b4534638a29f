// Issue 17, item 8: a viewer's (or an agency's) report does not move the office's "since the
// last report": only reports made by the office are recorded.
#include <doctest/doctest.h>

#include "report/build.h"
#include "support.h"

using namespace dt;

TEST_CASE("reports by a viewer and an agency user are not recorded, the office's 'since' stays its own last report") {
    test::Fixture fx;
    const auto viewer = fx.add_user("lanhdao", UserRole::Viewer);
    const auto stc = fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
    store::ReportRecord office;
    office.as_of = Date{2025, 6, 1};
    office.directive = "99/CT-TEST";
    office.format = "csv";
    office.path = "/tmp/van-phong.csv";
    office.figures = "{}";
    REQUIRE(fx.service->record_report(fx.admin, office).has_value());
    for (const auto& who : {viewer, stc}) {
        auto theirs = office;
        theirs.as_of = Date{2025, 7, 1};
        theirs.path = "/tmp/" + who.name + ".csv";
        CHECK_FALSE(fx.service->record_report(who, theirs).has_value());
    }
    CHECK(fx.service->reports().size() == 1);
    CHECK(fx.service->last_report("99/CT-TEST")->as_of == Date{2025, 6, 1});
    report::Request req;
    req.as_of = Date{2025, 7, 15};
    const auto r = report::build_report(*fx.service, fx.admin, req);
    REQUIRE(r.changes.has_value());
    CHECK(r.changes->since == Date{2025, 6, 1});
}
