// The ladder rule exists once (service::current_milestone): the milestone in force is the latest
// on or before the date; the service keeps the ladder from going down, so it is also the highest.
// The GUI's model (DisbursementModel::current) and the status both take it from there.
#include <doctest/doctest.h>

#include "support.h"

using namespace dt;
using test::kind_of;

TEST_CASE("the milestone in force is the latest on or before the date, and the status requires its percent") {
    test::Fixture fx;
    for (auto [d, p] : {std::pair{Date{2025, 6, 30}, 50}, {Date{2025, 9, 30}, 75}, {Date{2025, 12, 31}, 95}})
        fx.service->set_milestone(fx.admin, d, p);
    // A later milestone asking less would make "latest" and "highest" differ: refused.
    CHECK(kind_of([&] { fx.service->set_milestone(fx.admin, Date{2025, 10, 15}, 60); }) == ErrorKind::Invalid);
    const auto ladder = fx.service->ladder();
    REQUIRE(ladder.size() == 3);
    CHECK_FALSE(service::current_milestone(ladder, Date{2025, 6, 29}).has_value());
    CHECK(service::required_percent(ladder, Date{2025, 6, 29}) == 0);
    CHECK(service::current_milestone(ladder, Date{2025, 6, 30})->percent == 50);
    CHECK(service::current_milestone(ladder, Date{2025, 10, 20})->due == Date{2025, 9, 30});
    CHECK(service::required_percent(ladder, Date{2025, 10, 20}) == 75);
    CHECK(service::current_milestone(ladder, Date{2026, 3, 1})->percent == 95);
    const auto status = fx.service->disbursement_status(fx.admin, Date{2025, 10, 20});
    CHECK(status.required_percent == 75);
    REQUIRE(status.next.has_value());
    CHECK(status.next->percent == 95);
}
