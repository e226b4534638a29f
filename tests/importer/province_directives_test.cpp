// Fifteen directives of several provinces and years (tests/data/directives/*.txt), each with its
// expected outline beside it (*.expected.json): every task's lead and coordinating agencies,
// deadline and recurrence compared field by field. scripts/score_directives.py gives the shares.
#include <nlohmann/json.hpp>

#include <set>

#include "importer_test_support.h"

using namespace importer_test;
using nlohmann::json;

namespace {
std::vector<std::string> names_with_role(const Task& t, dt::AssignmentRole role) {
    std::vector<std::string> out;
    for (const auto& a : t.agencies)
        if (a.role == role) out.push_back(a.name);
    return out;
}

std::vector<std::string> strings(const json& array) {
    std::vector<std::string> out;
    for (const auto& s : array) out.push_back(s.get<std::string>());
    return out;
}

std::vector<std::filesystem::path> expected_files() {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(DT_TEST_DATA) / "directives"))
        if (e.path().string().ends_with(".expected.json")) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}
}  // namespace

TEST_CASE("fifteen directives of several provinces read as they are written") {
    const auto files = expected_files();
    REQUIRE(files.size() >= 15);
    for (const auto& path : files) {
        const auto name = path.filename().string();
        const auto text_name = name.substr(0, name.size() - std::string(".expected.json").size()) + ".txt";
        INFO("directive " << text_name);
        const auto expected = json::parse(read_bytes(path));
        const auto o = parse(test_directive(text_name));

        CHECK(o.directive.code == expected["directive"]["code"].get<std::string>());
        CHECK(iso(o.directive.issued_on) == expected["directive"]["issued_on"].get<std::string>());
        if (expected["directive"].contains("title"))
            CHECK(o.directive.title == expected["directive"]["title"].get<std::string>());
        for (const auto& w : expected.value("warnings_contain", json::array())) CHECK(has_warning(o, w.get<std::string>()));

        std::vector<std::string> want_refs;
        for (const auto& t : expected["tasks"]) want_refs.push_back(t["ref"].get<std::string>());
        CHECK(refs(o) == want_refs);
        for (const auto& t : expected["tasks"]) {
            const auto ref = t["ref"].get<std::string>();
            INFO("task " << ref);
            if (!has_task(o, ref)) continue;
            const auto& got = task(o, ref);
            CHECK(names_with_role(got, dt::AssignmentRole::Lead) == strings(t["lead"]));
            CHECK(names_with_role(got, dt::AssignmentRole::Coordinate) == strings(t["coordinate"]));
            CHECK(iso(got.deadline) == (t["deadline"].is_null() ? "none" : t["deadline"].get<std::string>()));
            CHECK(std::string(dt::to_string(got.recurrence)) ==
                  (t["recurrence"].is_null() ? "" : t["recurrence"].get<std::string>()));
            if (t.contains("recurrence_day")) CHECK(got.recurrence_day == t["recurrence_day"].get<int>());
        }
    }
}

TEST_CASE("a former name leads to its successor, with a warning, a deadline before the issue date is warned") {
    const auto o = parse(test_directive("na-2024-12-ct-giai-ngan-web.txt"));
    CHECK(has_warning(o, "1: 'Sở Kế hoạch và Đầu tư' is a former name (merged in 2025): read as Sở Tài chính."));
    CHECK(has_warning(o, "2: 'Sở Lao động - Thương binh và Xã hội' is a former name"));
    CHECK(has_warning(o, "5: 'Sở Tài nguyên và Môi trường' is a former name"));
    const auto late = parse(test_directive("ls-2026-02-ct-viet-tat.txt"));
    CHECK(has_warning(late, "1: the deadline 31/03/2026 is before the directive's date (14/04/2026)"));
    CHECK_FALSE(has_warning(late, "3: the deadline"));
}

TEST_CASE("recurrences carry their day: monthly on the 25th, half-yearly on 15/6 and 15/12") {
    const auto o = parse(test_directive("lc-2025-45-kh-pdf.txt"));
    CHECK(task(o, "3").recurrence == dt::Recurrence::HalfYearly);
    CHECK(task(o, "3").recurrence_dates == std::vector<std::pair<int, int>>{{15, 6}, {15, 12}});
    CHECK_FALSE(task(o, "3").deadline.has_value());
    const auto c = parse(test_directive("cb-2026-03-ct-chuyen-doi-so.txt"));
    CHECK(task(c, "2.b").recurrence_day == 25);
}
