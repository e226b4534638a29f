// The shipped registry as it is since the 2025 reorganisation: Cao Bằng's 56 communes and wards
// (Nghị quyết 1657/NQ-UBTVQH15) in "UBND các xã, phường", the district committees kept but
// inactive, and names every province has read in another province's directive.
#include <set>

#include "importer_test_support.h"

using namespace importer_test;

namespace {
const std::vector<dt::service::RegistryRow>& rows() {
    static const auto r = dt::service::load_registry_file(dt::service::default_registry_path());
    return r;
}
}  // namespace

TEST_CASE("registry: 53 communes and 3 wards, all in UBND các xã, phường, district committees inactive") {
    std::set<std::string> communes, wards, inactive;
    for (const auto& r : rows()) {
        const bool in_group = std::find(r.groups.begin(), r.groups.end(), "UBND các xã, phường") != r.groups.end();
        if (r.kind == "commune") {
            CHECK(in_group);
            CHECK(r.active);
            communes.insert(r.name);
        }
        if (r.kind == "ward") {
            CHECK(in_group);
            wards.insert(r.name);
        }
        if (!r.active) inactive.insert(r.name);
    }
    CHECK(communes.size() == 53);
    CHECK(wards.size() == 3);
    CHECK(communes.count("UBND xã Bế Văn Đàn"));
    CHECK(communes.count("UBND xã Đàm Thủy"));
    CHECK(communes.count("UBND xã Lũng Nặm"));
    CHECK(inactive.size() == 10);  // nine districts and the former city
    CHECK(inactive.count("UBND huyện Hòa An"));
    CHECK(inactive.count("UBND thành phố Cao Bằng"));
    for (const auto& e : registry().entries())
        if (e.name.starts_with("UBND huyện ")) CHECK_FALSE(e.active);
}

TEST_CASE("registry: a commune named in a directive is assigned, a district committee still read, with a warning") {
    const auto o = parse(
        "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\nSố: 40/CT-UBND    Cao Bằng, ngày 02 tháng 9 năm 2025\n\nCHỈ THỊ\nVề thử\n\n"
        "1. UBND xã Đàm Thuỷ phối hợp với UBND xã Bế Văn Đàn rà soát hộ nghèo.\n"
        "2. UBND huyện Hòa An bàn giao hồ sơ lưu trữ cho UBND xã Hòa An.\n"
        "3. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh giám sát; Báo Cao Bằng tuyên truyền.\n"
        "Chỉ thị này có hiệu lực kể từ ngày ký./.\n");
    CHECK(shares(task(o, "1")) == std::vector<std::string>{"UBND xã Đàm Thủy:lead", "UBND xã Bế Văn Đàn:coordinate"});
    CHECK(shares(task(o, "2")).front() == "UBND huyện Hòa An:lead");
    CHECK(has_warning(o, "2: 'UBND huyện Hòa An' is no longer active in the registry."));
    CHECK(shares(task(o, "3")).front() == "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh:lead");
}

TEST_CASE("registry: the names every province has are read in another province's directive") {
    const auto o = parse(
        "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nSố: 12/CT-UBND    Lạng Sơn, ngày 02 tháng 9 năm 2025\n\nCHỈ THỊ\nVề thử\n\n"
        "1. Sở Tài chính tỉnh Lạng Sơn chủ trì, phối hợp với Công an tỉnh Lạng Sơn rà soát.\n"
        "2. Giám đốc Sở Y tế, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh triển khai.\n"
        "Chỉ thị này có hiệu lực kể từ ngày ký./.\n");
    CHECK(shares(task(o, "1")) == std::vector<std::string>{"Sở Tài chính:lead", "Công an tỉnh:coordinate"});
    CHECK(shares(task(o, "2")) == std::vector<std::string>{"Sở Y tế:lead", "Bộ Chỉ huy Quân sự tỉnh:lead"});
}

TEST_CASE("registry CSV: an 'active' other than yes, no or nothing refuses the file with its line") {
    CHECK_THROWS_WITH_AS(dt::service::parse_registry_csv("name,short_name,kind,group,aliases,active\n"
                                                         "Sở A,SA,department,,,yes\nSở B,SB,department,,,maybe\n"),
                         doctest::Contains("Line 3"), dt::Error);
    const auto ok = dt::service::parse_registry_csv("name,short_name,kind,group,aliases,active\nSở A,SA,department,,,no\n");
    REQUIRE(ok.size() == 1);
    CHECK_FALSE(ok[0].active);
}
