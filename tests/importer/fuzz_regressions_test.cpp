// Inputs the fuzzers (tests/fuzz/) found, minimised, with what the program must do with them.
#include "importer_test_support.h"
#include "support.h"

using namespace importer_test;

TEST_CASE("fuzz: a percentage above 100 is not a disbursement milestone") {
    // fuzz_importer, minimised: the ladder got 108 %, which the database refuses (CHECK 0..100),
    // so importing such a text failed as a storage error (exit 5) instead of being imported.
    const auto o = parse("1.Đến ngày 3/1/2026 Giải ngân 108%");
    REQUIRE(o.tasks.size() == 1);
    CHECK(iso(o.tasks[0].deadline) == "2026-01-03");
    CHECK(o.ladder.empty());

    // "tối thiểu" above 100 is skipped too, and a later share of the plan still counts.
    const auto p = parse("1. Các chủ đầu tư:\n- Đến hết ngày 30/6/2026: giải ngân tối thiểu 150% so với cùng kỳ, đạt 60%.\n");
    REQUIRE(p.ladder.size() == 1);
    CHECK(p.ladder[0].percent == 60);

    dt::test::Fixture fx;
    const auto text = parse("Số: 30/CT-UBND\n1. Các chủ đầu tư: Đến hết ngày 3/1/2026 giải ngân đạt 108% kế hoạch vốn.\n");
    const auto summary = fx.service->import_directive(fx.admin, text);
    CHECK(summary.tasks == 1);
    CHECK(summary.assignments > 1);  // the group fans out
}
