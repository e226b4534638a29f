// AgencyCatalog::find_all on folded text: longest matches at word boundaries, left to right.
#include "core/text.h"
#include "importer_test_support.h"

using dt::importer::AgencyCatalog;
using dt::importer::CatalogMatch;
using dt::importer::KnownAgency;

namespace {
AgencyCatalog small_catalog() {
    return AgencyCatalog({
        {"Sở Tài chính", {}, false},
        {"Sở Y tế", {}, false},
        {"Ban Quản lý dự án", {"Ban QLDA"}, false},
        {"Ban Quản lý dự án đầu tư xây dựng các công trình giao thông", {"Ban QLDA giao thông"}, false},
        {"UBND các huyện, thành phố", {"UBND huyện, thành phố"}, true},
        {"Ủy ban nhân dân tỉnh Lạng Sơn", {}, false},
        {"Công an tỉnh", {"Công an tỉnh Cao Bằng"}, false},
        {"Công an", {"Sở Tài chính"}, false},  // an alias already taken by another agency is ignored
    });
}

// The canonical names found in `text`, in order.
std::vector<std::string> names_in(const AgencyCatalog& c, std::string_view text) {
    const std::string folded = dt::fold(text);
    std::vector<std::string> out;
    for (const auto& m : c.find_all(folded)) out.push_back(c.entries()[m.agency].name);
    return out;
}
}  // namespace

TEST_CASE("catalog: the longest name wins over a shorter one it starts with") {
    const auto c = small_catalog();
    CHECK(names_in(c, "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông phối hợp") ==
          std::vector<std::string>{"Ban Quản lý dự án đầu tư xây dựng các công trình giao thông"});
    CHECK(names_in(c, "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng") ==
          std::vector<std::string>{"Ban Quản lý dự án"});
    CHECK(names_in(c, "Công an tỉnh Cao Bằng và Công an huyện") ==
          std::vector<std::string>{"Công an tỉnh", "Công an"});
}

TEST_CASE("catalog: names match only as whole words") {
    const auto c = small_catalog();
    CHECK(names_in(c, "Sở Y tếx").empty());
    CHECK(names_in(c, "XSở Tài chính").empty());
    CHECK(names_in(c, "Sở Tài chính2").empty());
    CHECK(names_in(c, "(Sở Y tế)") == std::vector<std::string>{"Sở Y tế"});
    CHECK(names_in(c, "“Sở Y tế”, Sở Tài chính.") == std::vector<std::string>{"Sở Y tế", "Sở Tài chính"});
}

TEST_CASE("catalog: accents and case do not matter, aliases give the canonical name") {
    const auto c = small_catalog();
    CHECK(names_in(c, "SỞ TÀI CHÍNH") == std::vector<std::string>{"Sở Tài chính"});
    CHECK(names_in(c, "so tai chinh") == std::vector<std::string>{"Sở Tài chính"});
    CHECK(names_in(c, "Ban QLDA giao thông") ==
          std::vector<std::string>{"Ban Quản lý dự án đầu tư xây dựng các công trình giao thông"});
    CHECK(names_in(c, "Sở Tài chính") == std::vector<std::string>{"Sở Tài chính"});  // not "Công an"
}

TEST_CASE("catalog: 'Ủy ban nhân dân' and 'UBND' are the same words, both ways") {
    const auto c = small_catalog();
    CHECK(names_in(c, "Ủy ban nhân dân các huyện, thành phố") ==
          std::vector<std::string>{"UBND các huyện, thành phố"});
    CHECK(names_in(c, "Uỷ ban nhân dân huyện, thành phố") == std::vector<std::string>{"UBND các huyện, thành phố"});
    CHECK(names_in(c, "UBND tỉnh Lạng Sơn") == std::vector<std::string>{"Ủy ban nhân dân tỉnh Lạng Sơn"});
    CHECK(names_in(c, "Ủy ban nhân dân tỉnh").empty());
}

TEST_CASE("catalog: offsets point into the folded text given, left to right, without overlaps") {
    const auto c = small_catalog();
    const std::string folded = dt::fold("Giao Ủy ban nhân dân các huyện, thành phố, Sở Tài chính và Sở Y tế.");
    const auto matches = c.find_all(folded);
    REQUIRE(matches.size() == 3);
    CHECK(folded.substr(matches[0].begin, matches[0].end - matches[0].begin) ==
          "uy ban nhan dan cac huyen, thanh pho");
    CHECK(folded.substr(matches[1].begin, matches[1].end - matches[1].begin) == "so tai chinh");
    CHECK(folded.substr(matches[2].begin, matches[2].end - matches[2].begin) == "so y te");
    for (std::size_t i = 1; i < matches.size(); ++i) CHECK(matches[i - 1].end <= matches[i].begin);
}

TEST_CASE("catalog: the registry knows the seed's addressees and their aliases") {
    const auto& c = importer_test::registry();
    CHECK(names_in(c, "Các chủ đầu tư/đơn vị quản lý vốn") == std::vector<std::string>{"Các chủ đầu tư"});
    CHECK(names_in(c, "các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố") ==
          std::vector<std::string>{"Các sở, ban, ngành", "UBND các huyện, thành phố"});
    CHECK(names_in(c, "Ngân hàng Nhà nước chi nhánh Khu vực V") ==
          std::vector<std::string>{"Ngân hàng Nhà nước chi nhánh Khu vực V"});
    CHECK(names_in(c, "Văn phòng Ủy ban nhân dân tỉnh") == std::vector<std::string>{"Văn phòng UBND tỉnh"});
    CHECK(names_in(c, "UBND huyện Hoà An") == std::vector<std::string>{"UBND huyện Hòa An"});
}

TEST_CASE("catalog: an empty catalog or an empty text finds nothing") {
    CHECK(AgencyCatalog().find_all("so tai chinh").empty());
    CHECK(small_catalog().find_all("").empty());
}
