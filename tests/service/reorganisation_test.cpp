// The registry since 1/7/2025 (assets/agencies-cao-bang.csv): district committees kept but
// inactive, communes and wards in "UBND các xã, phường". Runs on both backends (DT_TEST_PG).
#include <doctest/doctest.h>

#include <algorithm>

#include "support.h"

using namespace dt;

namespace {
importer::Outline dated(const std::string& code, Date issued, const std::string& group) {
    importer::Outline o;
    o.directive = {code, issued, "Về việc thử", "UBND tỉnh Cao Bằng", "Nguyễn Văn A"};
    o.sections = {{"1", "Nhiệm vụ"}};
    o.tasks.push_back({"1", "1", std::nullopt, "Rà soát", "Rà soát hồ sơ", std::nullopt, Recurrence::None,
                       {{group, AssignmentRole::Lead}}, 0, {}});
    o.agencies = {group};
    o.body = "1. Rà soát hồ sơ";
    return o;
}

std::size_t rows_of(test::Fixture& fx, const std::string& code) {
    const auto all = fx.service->list(service::ListFilter{});
    return static_cast<std::size_t>(
        std::count_if(all.begin(), all.end(), [&](const auto& v) { return v.record.directive_code == code; }));
}
}  // namespace

TEST_CASE("a group reaches its retired districts only in a directive of before 1/7/2025, communes after") {
    test::Fixture fx;
    const auto districts = fx.service->agencies();
    CHECK(std::count_if(districts.begin(), districts.end(), [](const auto& a) { return a.kind == "commune"; }) == 53);
    CHECK(std::none_of(districts.begin(), districts.end(),
                       [](const auto& a) { return a.kind == "district" && a.active; }));

    fx.service->import_directive(fx.admin, dated("1/CT-OLD", Date{2025, 6, 30}, "UBND các huyện, thành phố"));
    CHECK(rows_of(fx, "1/CT-OLD") == 10);  // nine districts and the former city

    const auto later = fx.service->import_directive(fx.admin, dated("2/CT-NEW", Date{2025, 7, 1}, "UBND các huyện, thành phố"));
    CHECK(rows_of(fx, "2/CT-NEW") == 0);
    CHECK(std::any_of(later.warnings.begin(), later.warnings.end(), [](const dt::Notice& w) {
        return w.english().find("has no active member") != std::string::npos;
    }));

    fx.service->import_directive(fx.admin, dated("3/CT-NEW", Date{2025, 9, 1}, "UBND các xã, phường"));
    CHECK(rows_of(fx, "3/CT-NEW") == 56);  // 53 communes and 3 wards
}
