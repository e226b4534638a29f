// The XLSX writer read back with unzip: the sheets by name, shared strings escaped, a frozen and
// filtered header row, dates and amounts as numbers with their formats, valid sheet names,
// and no file left behind by a failed write.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "core/error.h"
#include "report/writers.h"
#include "sample_report.h"
#include "support.h"

namespace fs = std::filesystem;
using namespace dt;

namespace {

// A temporary folder, removed with everything in it.
using Scratch = test::TempDir;

// One part of the workbook's zip, through `unzip -p`.
std::string part(const fs::path& xlsx, const std::string& name) {
    std::string line = "unzip -p '";
    for (char c : xlsx.string()) line += c == '\'' ? std::string("'\\''") : std::string(1, c);
    line += "' '" + name + "' 2>/dev/null";
    FILE* pipe = popen(line.c_str(), "r");
    REQUIRE_MESSAGE(pipe != nullptr, line);
    std::string out;
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
    REQUIRE_MESSAGE(pclose(pipe) == 0, line << " failed (unzip installed?)");
    return out;
}

std::vector<std::smatch> all(const std::string& text, const std::regex& re) {
    std::vector<std::smatch> out;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) out.push_back(*it);
    return out;
}

// The workbook opened the way a reader does: sheet names in order, each with its XML.
struct Workbook {
    std::vector<std::string> names;
    std::map<std::string, std::string> sheets;  // name → worksheet XML
    std::string shared;
    std::vector<std::string> formats;  // cell style index → number format code ("" when built in)

    explicit Workbook(const fs::path& xlsx) {
        const std::string book = part(xlsx, "xl/workbook.xml");
        const std::string rels = part(xlsx, "xl/_rels/workbook.xml.rels");
        std::map<std::string, std::string> targets;
        for (const auto& m : all(rels, std::regex(R"re(<Relationship Id="(\w+)" Type="[^"]*/worksheet" Target="([^"]+)")re")))
            targets[m[1]] = m[2];
        for (const auto& m : all(book, std::regex(R"re(<sheet name="([^"]*)" sheetId="\d+" r:id="(\w+)")re"))) {
            names.push_back(m[1]);
            REQUIRE(targets.count(m[2]) == 1);
            sheets[m[1]] = part(xlsx, "xl/" + targets[m[2]]);
        }
        shared = part(xlsx, "xl/sharedStrings.xml");
        const std::string styles = part(xlsx, "xl/styles.xml");
        std::map<std::string, std::string> codes;
        for (const auto& m : all(styles, std::regex(R"re(<numFmt numFmtId="(\d+)" formatCode="([^"]*)")re"))) codes[m[1]] = m[2];
        const auto from = styles.find("<cellXfs");
        const auto to = styles.find("</cellXfs>");
        REQUIRE(from != std::string::npos);
        REQUIRE(to != std::string::npos);
        const std::string xfs = styles.substr(from, to - from);
        for (const auto& m : all(xfs, std::regex(R"re(<xf numFmtId="(\d+)")re")))
            formats.push_back(codes.count(m[1]) ? codes[m[1]] : "");
    }

    const std::string& sheet(const std::string& name) const {
        const auto it = sheets.find(name);
        REQUIRE_MESSAGE(it != sheets.end(), "no sheet " << name);
        return it->second;
    }

    // The number format of a numeric cell holding exactly `value` on a sheet ("" when none).
    std::optional<std::string> numeric_format(const std::string& name, const std::string& value) const {
        std::smatch m;
        const std::string& xml = sheet(name);
        std::string literal;
        for (char c : value) literal += c == '.' ? std::string("\\.") : std::string(1, c);
        if (!std::regex_search(xml, m, std::regex(R"re(<c r="[A-Z]+\d+" s="(\d+)"><v>)re" + literal + "</v></c>")))
            return std::nullopt;
        const auto index = static_cast<std::size_t>(std::stoi(m[1]));
        REQUIRE(index < formats.size());
        return formats[index];
    }
};

std::size_t code_points(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace

TEST_CASE("XLSX: named sheets, escaped strings, frozen filtered headers, real dates and amounts") {
    Scratch dir;
    const auto xlsx = dir / "bao-cao.xlsx";
    report::write_xlsx(test::sample_report(60), xlsx);
    const Workbook wb(xlsx);

    CHECK(wb.names == std::vector<std::string>{"Tổng hợp", "Nhóm 1", "Nhóm 2", "Quá hạn", "Vướng mắc", "Đề xuất, kiến nghị", "Đơn vị", "Giải ngân",
                                               "Thay đổi"});
    CHECK(wb.shared.find("Sở Tài chính") != std::string::npos);
    CHECK(wb.shared.find("Ngân hàng Nhà nước chi nhánh Khu vực V") != std::string::npos);
    CHECK(wb.shared.find("&lt;script&gt;alert('x')&lt;/script&gt;") != std::string::npos);
    CHECK(wb.shared.find("<script>") == std::string::npos);
    CHECK(wb.shared.find(std::string(10000, 'a')) != std::string::npos);  // the whole note: a spreadsheet has room

    // Every list sheet: the header row frozen, an autofilter over header and rows, widths capped.
    for (std::size_t i = 1; i < wb.names.size(); ++i) {
        CAPTURE(wb.names[i]);
        const std::string& xml = wb.sheet(wb.names[i]);
        CHECK(std::regex_search(xml, std::regex(R"re(<pane ySplit="1" topLeftCell="A2"[^>]*state="frozen")re")));
        CHECK(std::regex_search(xml, std::regex(R"re(<autoFilter ref="A1:[A-Z]+\d+"/>)re")));
        for (const auto& m : all(xml, std::regex(R"re(width="([\d.]+)")re"))) CHECK(std::stod(m[1]) <= 61.0);
    }
    std::smatch m;
    REQUIRE(std::regex_search(wb.sheet("Nhóm 1"), m, std::regex(R"re(<autoFilter ref="A1:([A-Z]+)(\d+)"/>)re")));
    CHECK(m[2] == "64");  // the header and 63 shares

    // Dates are numbers with a date format: 30/09/2025 is day 45930, 18/04/2025 is 45765.
    CHECK(wb.numeric_format("Tổng hợp", "45930") == "dd/mm/yyyy");  // as-of date
    CHECK(wb.numeric_format("Tổng hợp", "45933") == "dd/mm/yyyy");  // generated on 03/10/2025
    CHECK(wb.numeric_format("Nhóm 1", "45765") == "dd/mm/yyyy");    // due
    CHECK(wb.numeric_format("Nhóm 1", "45764") == "dd/mm/yyyy");    // completed 17/04/2025
    CHECK(wb.numeric_format("Quá hạn", "45765") == "dd/mm/yyyy");
    CHECK(wb.numeric_format("Thay đổi", "45858") == "dd/mm/yyyy");  // 20/07/2025
    CHECK(wb.numeric_format("Giải ngân", "45991") == std::nullopt);  // the milestone is on the summary
    CHECK(wb.numeric_format("Tổng hợp", "45991") == "dd/mm/yyyy");  // next milestone 30/11/2025
    // Counts, progress, amounts and rates are numbers too.
    CHECK(wb.numeric_format("Tổng hợp", "0.375") == "0.0%");
    CHECK(wb.numeric_format("Tổng hợp", "33").has_value());
    CHECK(wb.numeric_format("Nhóm 1", "100").has_value());  // progress
    CHECK(wb.numeric_format("Quá hạn", "165").has_value());  // days overdue
    CHECK(wb.numeric_format("Giải ngân", "46209000000") == "#,##0");
    CHECK(wb.numeric_format("Giải ngân", "290000000000") == "#,##0");  // the province total
    CHECK(wb.numeric_format("Giải ngân", "12000000000") == "#,##0");   // movement since the last report
    CHECK(wb.numeric_format("Đơn vị", "4").has_value());
    CHECK(wb.shared.find("46.209") == std::string::npos);
    CHECK(wb.shared.find("Huyện Ví dụ Núi Đá (giả định)") != std::string::npos);
}

TEST_CASE("XLSX: awkward section labels and oversized text still make a valid workbook") {
    Scratch dir;
    auto r = test::sample_report(1);
    r.sections[0].label = "1/2: [a]*?\\";
    r.sections[1].label = "'Một nhãn rất dài, dài hơn ba mươi mốt ký tự của Excel'";
    r.sections.push_back(r.sections[1]);  // the same label twice
    r.sections.push_back(r.sections[0]);
    r.sections.back().label = "";
    r.sections[0].tasks[0].shares[0].latest_evidence->note = std::string(40000, 'b');  // over Excel's 32,767
    const auto xlsx = dir / "r.xlsx";
    report::write_xlsx(r, xlsx);
    const Workbook wb(xlsx);
    REQUIRE(wb.names.size() == 11);
    std::set<std::string> seen;
    for (const auto& name : wb.names) {
        CAPTURE(name);
        CHECK(code_points(name) <= 31);
        CHECK(name.find_first_of("[]:*?/\\") == std::string::npos);
        CHECK(name.front() != '\'');
        CHECK(name.back() != '\'');
        CHECK(seen.insert(name).second);
    }
    // The 40,000-character note is cut to what a cell holds, ending in "…".
    const auto at = wb.shared.find(std::string(100, 'b'));
    REQUIRE(at != std::string::npos);
    const auto start = wb.shared.find('>', wb.shared.rfind("<t", at)) + 1;
    const std::string cell = wb.shared.substr(start, wb.shared.find("</t>", at) - start);
    CHECK(code_points(cell) == 32001);
    CHECK(cell.starts_with("215/BC-STC ngày 30/06/2025: bbb"));
    CHECK(cell.ends_with("b…"));
}

TEST_CASE("XLSX: a missing folder throws and leaves nothing, a failed write leaves no temporary file") {
    Scratch dir;
    const auto r = test::sample_report(1);
    CHECK_THROWS_AS(report::write_xlsx(r, dir / "khong-co" / "r.xlsx"), Error);
    CHECK(fs::is_empty(dir.path()));

    fs::create_directory(dir / "r.xlsx");  // the workbook is written, then cannot replace a folder
    CHECK_THROWS_AS(report::write_xlsx(r, dir / "r.xlsx"), Error);
    CHECK_THROWS_AS(report::write_atomically(dir / "x.xlsx",
                                             [&](const fs::path& temp) {
                                                 report::write_xlsx(r, temp);
                                                 CHECK(fs::file_size(temp) > 1000);
                                                 throw Error(ErrorKind::Storage, "interrupted");
                                             }),
                    Error);
    std::vector<std::string> left;
    for (const auto& e : fs::directory_iterator(dir.path())) left.push_back(e.path().filename().string());
    CHECK(left == std::vector<std::string>{"r.xlsx"});
}
