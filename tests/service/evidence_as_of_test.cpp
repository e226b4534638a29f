// An assignment's evidence count at a past date is the count of that day: evidence added later
// did not exist yet, evidence withdrawn later was still there (Đơn vị của tôi shows it).
#include <doctest/doctest.h>

#include "support.h"

using namespace dt;
using store::Id;

namespace {
int evidence_at(test::Fixture& fx, Id id, Date as_of) {
    service::ListFilter filter;
    filter.as_of = as_of;
    for (const auto& v : fx.service->list(filter))
        if (v.record.id == id) return v.record.evidence_count;
    return -1;
}
}  // namespace

TEST_CASE("the evidence count at a past date counts what was there that day") {
    test::Fixture fx;
    const Id id = fx.assignment_of("1.1", "Sở Tài chính");
    Id second = 0;
    {
        test::FixedClock clock(Date{2025, 5, 10});
        fx.service->add_evidence(fx.admin, id, {"Kế hoạch triển khai", "15/KH-STC", std::nullopt, std::nullopt});
    }
    {
        test::FixedClock clock(Date{2025, 6, 20});
        second = fx.service->add_evidence(fx.admin, id, {"Báo cáo quý II", "30/BC-STC", std::nullopt, std::nullopt});
    }
    {
        test::FixedClock clock(Date{2025, 8, 5});
        fx.service->add_evidence(fx.admin, id, {"Báo cáo tháng 7", "41/BC-STC", std::nullopt, std::nullopt});
        fx.service->withdraw_evidence(fx.admin, second, "Nhầm số liệu");  // (true: it reopened a done one)
    }
    test::FixedClock today(Date{2025, 9, 1});
    CHECK(evidence_at(fx, id, Date{2025, 5, 1}) == 0);
    CHECK(evidence_at(fx, id, Date{2025, 5, 10}) == 1);
    CHECK(evidence_at(fx, id, Date{2025, 7, 1}) == 2);   // the second not yet withdrawn
    CHECK(evidence_at(fx, id, Date{2025, 8, 5}) == 2);   // one withdrawn, one added that day
    CHECK(evidence_at(fx, id, Date{2025, 9, 1}) == 2);   // today's: the first and the third
    CHECK(fx.service->get(id, Date{2025, 6, 1}).record.evidence_count == 1);
    CHECK(fx.service->get(id).record.evidence_count == 2);
}
