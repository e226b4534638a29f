// The PDF writer read back with poppler-utils (pdftotext, pdfinfo, pdffonts): Vietnamese text
// as typed, A4, Liberation Serif embedded, tables continuing with their header, nothing drawn
// outside the margins, and no file left behind by a failed write.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <random>
#include <regex>
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

std::string quoted(const fs::path& p) {
    std::string out = "'";
    for (char c : p.string()) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// The standard output of a poppler tool on `pdf`; fails the test when the tool fails.
std::string tool(const std::string& command, const fs::path& pdf, const std::string& after = "") {
    const std::string line = command + " " + quoted(pdf) + " " + after + " 2>/dev/null";
    FILE* pipe = popen(line.c_str(), "r");
    REQUIRE_MESSAGE(pipe != nullptr, line);
    std::string out;
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
    const int status = pclose(pipe);
    REQUIRE_MESSAGE(status == 0, line << " failed (poppler-utils installed?)");
    return out;
}

std::string layout_text(const fs::path& pdf) { return tool("pdftotext -layout", pdf, "-"); }

// Text in drawing order with every run of white space made one space: a table cell's text
// wrapped over several lines reads back as one string.
std::string flat_text(const fs::path& pdf) {
    const std::string raw = tool("pdftotext -raw", pdf, "-");
    std::string out;
    for (char c : raw) {
        const bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t';
        if (!space) out += c;
        else if (!out.empty() && out.back() != ' ') out += ' ';
    }
    return out;
}

int page_count(const fs::path& pdf) {
    std::smatch m;
    const std::string info = tool("pdfinfo", pdf);
    REQUIRE(std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")));
    return std::stoi(m[1]);
}

std::vector<std::string> pages_of(const std::string& text) {
    std::vector<std::string> pages(1);
    for (char c : text) {
        if (c == '\f') pages.emplace_back();
        else pages.back() += c;
    }
    while (!pages.empty() && pages.back().find_first_not_of(" \n") == std::string::npos) pages.pop_back();
    return pages;
}

std::string first_line(const std::string& page) {
    const auto start = page.find_first_not_of(" \n");
    if (start == std::string::npos) return "";
    const auto end = page.find('\n', start);
    std::string line = page.substr(start, end == std::string::npos ? std::string::npos : end - start);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line;
}

// Every word pdftotext finds lies inside the page's margins (30 mm left, 15 mm right, 20 mm
// at the bottom; the top margin holds the page number).
void check_inside_margins(const fs::path& pdf) {
    const std::string boxes = tool("pdftotext -bbox", pdf, "-");
    const std::regex word(R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">)re");
    int words = 0;
    int outside = 0;
    for (auto it = std::sregex_iterator(boxes.begin(), boxes.end(), word); it != std::sregex_iterator(); ++it) {
        ++words;
        const double x0 = std::stod((*it)[1]), y0 = std::stod((*it)[2]);
        const double x1 = std::stod((*it)[3]), y1 = std::stod((*it)[4]);
        const bool inside = x0 >= 85.0 - 2 && x1 <= 595.28 - 42.52 + 2 && y0 >= 20 && y1 <= 841.89 - 56.69 + 2;
        if (!inside) {
            ++outside;
            if (outside <= 5) MESSAGE("outside the margins: " << (*it).str());
        }
    }
    CHECK(words > 100);
    CHECK(outside == 0);
}

}  // namespace

TEST_CASE("PDF: the sample report reads back in Vietnamese, on A4, with Liberation Serif embedded") {
    Scratch dir;
    const auto pdf = dir / "bao-cao.pdf";
    report::write_pdf(test::sample_report(60), pdf);
    REQUIRE(fs::exists(pdf));

    const std::string info = tool("pdfinfo", pdf);
    CHECK(info.find("Page size:       595.28 x 841.89 pts (A4)") != std::string::npos);
    CHECK(page_count(pdf) > 2);

    // Only Liberation Serif, every face embedded as a subset with a Unicode map.
    const std::string fonts = tool("pdffonts", pdf);
    int faces = 0;
    std::size_t at = fonts.find("\n---");
    REQUIRE(at != std::string::npos);
    at = fonts.find('\n', at + 1);
    while (at != std::string::npos && at + 1 < fonts.size()) {
        const auto end = fonts.find('\n', at + 1);
        const std::string line = fonts.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
        at = end;
        if (line.empty()) continue;
        ++faces;
        CAPTURE(line);
        CHECK(line.find("LiberationSerif") != std::string::npos);
        CHECK(line.find(" yes yes yes ") != std::string::npos);
    }
    CHECK(faces >= 2);

    // The header block and the closing, line by line as they are laid out.
    const std::string layout = layout_text(pdf);
    for (const char* s : {"ỦY BAN NHÂN DÂN", "TỈNH CAO BẰNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                          "Số: …/BC-UBND", "Cao Bằng, ngày 03 tháng 10 năm 2025", "BÁO CÁO",
                          "Tình hình thực hiện Chỉ thị số 07/CT-UBND", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"}) {
        CAPTURE(s);
        CHECK(layout.find(s) != std::string::npos);
    }
    // Table cells wrap, so the rest is read in drawing order.
    const std::string text = flat_text(pdf);
    for (const char* s : {"Sở Nông nghiệp và Môi trường", "Ngân hàng Nhà nước chi nhánh Khu vực V",
                          "<script>alert('x')</", "Huyện Ví dụ Núi Đá (giả định)", "Ban QLDA Ví dụ Giao thông (giả định)",
                          "Nguyễn Văn Ví Dụ", "- Văn phòng Chính phủ;", "- Lưu: VT.", "215/BC-STC ngày 30/06/2025",
                          "Sở Xây dựng (phối hợp)", "Vướng mắc (quá hạn)", "37,5 %", "(Số liệu tính đến ngày 30/09/2025",
                          "46.209", "290.000", "Đơn vị tính: triệu đồng", "18/04/2025 → 31/07/2025",
                          "215/BC-STC: <b>báo cáo</b>", "Hoàn thành đúng hạn", "Chưa hoàn thành, quá hạn",
                          "Không giao thời hạn", "Tỷ lệ hoàn thành đúng hạn", "Chưa thực hiện", "Đang thực hiện"}) {
        const std::string expected = s;
        CAPTURE(expected);
        CHECK(text.find(expected) != std::string::npos);
    }
    // The 10,000-character note is cut to about 300 characters and ends with "…".
    std::string letters;
    for (char c : text)
        if (c != ' ') letters += c;
    std::size_t longest = 0;
    for (std::size_t i = 0; i < letters.size();) {
        std::size_t j = i;
        while (j < letters.size() && letters[j] == 'a') ++j;
        longest = std::max(longest, j - i);
        i = j == i ? i + 1 : j;
    }
    CHECK(longest >= 280);
    CHECK(longest <= 300);
    CHECK(letters.find(std::string(longest, 'a') + "…") != std::string::npos);

    check_inside_margins(pdf);
}

TEST_CASE("PDF: tables continue over pages with their header row, pages numbered from page 2") {
    Scratch dir;
    const auto pdf = dir / "r.pdf";
    report::write_pdf(test::sample_report(60), pdf);
    const auto pages = pages_of(layout_text(pdf));
    REQUIRE(pages.size() == static_cast<std::size_t>(page_count(pdf)));
    REQUIRE(pages.size() > 2);

    CHECK(first_line(pages[0]).starts_with("ỦY BAN NHÂN DÂN"));  // no number on page 1
    int continued = 0;
    for (std::size_t i = 1; i < pages.size(); ++i) {
        CAPTURE(i + 1);
        CHECK(first_line(pages[i]) == std::to_string(i + 1));  // centred in the top margin
        // A page carrying rows of the section table starts with that table's header row.
        if (pages[i].find("Nhiệm vụ thử") != std::string::npos) {
            ++continued;
            CHECK(pages[i].find("Nội dung") != std::string::npos);
            CHECK(pages[i].find("Minh chứng mới") != std::string::npos);
            CHECK(pages[i].find("Thời hạn") != std::string::npos);
        }
    }
    CHECK(continued >= 2);
    // No row is lost at a page break.
    const std::string text = flat_text(pdf);
    for (int i = 0; i < 60; ++i) {
        CAPTURE(i);
        CHECK(text.find("1.a." + std::to_string(10 + i) + " Nhiệm vụ thử nghiệm số " + std::to_string(i) + " ") !=
              std::string::npos);
    }
}

TEST_CASE("PDF: a task given to many agencies is summed up in one row, its overdue agencies named together") {
    Scratch dir;
    auto r = test::sample_report(0);
    report::TaskPart wide{"4.b", "Phổ biến pháp luật về đầu tư công", "…", std::nullopt, {}};
    for (int i = 0; i < 12; ++i) {
        const bool late = i < 5;
        wide.shares.push_back({500 + i, "UBND xã Ví Dụ " + std::to_string(i), i == 11 ? AssignmentRole::Coordinate : AssignmentRole::Lead,
                               late ? Status::InProgress : Status::Done, late ? Bucket::OpenOverdue : Bucket::DoneOnTime,
                               late ? 40 : 100, "", Date{2025, 6, 30 - (i == 0 ? 10 : 0)}, std::nullopt, std::nullopt});
        if (late) r.overdue.push_back({"4.b", wide.title, wide.shares.back(), 92});
    }
    r.sections[1].tasks.push_back(wide);
    const auto pdf = dir / "gop.pdf";
    report::write_pdf(r, pdf);
    const std::string text = flat_text(pdf);
    // The sections' row: how many, where they stand, the mean progress, the span of deadlines.
    CHECK(text.find("4.b Phổ biến pháp luật về đầu tư công 12 đơn vị (1 phối hợp) 7 hoàn thành 5 đang thực hiện (5 quá hạn) 75 "
                    "20/06/2025 – 30/06/2025 0/12 đơn vị có minh chứng") != std::string::npos);
    // Five overdue agencies: each on its row (within the limit of eight) and nowhere in the sections' table.
    CHECK(text.find("UBND xã Ví Dụ 0") != std::string::npos);
    CHECK(text.find("UBND xã Ví Dụ 4") != std::string::npos);
    CHECK(text.find("UBND xã Ví Dụ 7") == std::string::npos);  // done, in the summary only

    // Twelve overdue: one row naming them all.
    for (std::size_t i = 5; i < 12; ++i) {
        r.sections[1].tasks.back().shares[i].bucket = Bucket::OpenOverdue;
        r.overdue.push_back({"4.b", wide.title, r.sections[1].tasks.back().shares[i], 92});
    }
    report::write_pdf(r, pdf);
    const std::string grouped = flat_text(pdf);
    CHECK(grouped.find("12 đơn vị: UBND xã Ví Dụ 0; UBND xã Ví Dụ 1;") != std::string::npos);
    CHECK(grouped.find("UBND xã Ví Dụ 11 (phối hợp)") != std::string::npos);
    check_inside_margins(pdf);
}

TEST_CASE("PDF: a row taller than a page is split over pages, neither lost nor drawn off the page") {
    Scratch dir;
    auto r = test::sample_report(2);
    std::string title;
    for (int i = 0; i < 900; ++i) title += "mốc" + std::to_string(i) + " ";
    r.sections[0].tasks[0].title = title + "HẾT";
    const auto pdf = dir / "dai.pdf";
    report::write_pdf(r, pdf);
    CHECK(page_count(pdf) >= 4);
    const std::string text = flat_text(pdf);
    std::size_t at = 0;
    for (int i = 0; i < 900; i += 50) {
        CAPTURE(i);
        const auto found = text.find("mốc" + std::to_string(i) + " ", at);
        CHECK(found != std::string::npos);
        if (found != std::string::npos) at = found;
    }
    CHECK(text.find("HẾT") != std::string::npos);
    check_inside_margins(pdf);
}

TEST_CASE("PDF: text is drawn as typed, and an empty report still makes a document") {
    Scratch dir;
    SUBCASE("markup, ampersands, control characters and broken UTF-8") {
        auto r = test::sample_report(0);
        r.settings.issuing_body = "Ủy ban nhân dân xã Ví Dụ";
        r.sections[0].tasks[0].shares[0].latest_evidence->note = "<b>đậm</b> & <i>nghiêng</i>\x01 lỗi\xff" "byte";
        const auto pdf = dir / "r.pdf";
        report::write_pdf(r, pdf);
        const std::string layout = layout_text(pdf);
        CHECK(layout.find("ỦY BAN NHÂN DÂN") != std::string::npos);
        CHECK(layout.find("XÃ VÍ DỤ") != std::string::npos);  // upper case, on its own line
        const std::string text = flat_text(pdf);
        CHECK(text.find("<b>đậm</b> & <i>nghiêng</i>") != std::string::npos);
        CHECK(text.find("lỗi") != std::string::npos);
        CHECK(text.find("byte") != std::string::npos);
    }
    SUBCASE("nothing to list") {
        report::Report r;
        r.as_of = Date{2025, 9, 30};
        r.generated_on = Date{2025, 10, 3};
        r.directive_code = "07/CT-UBND";
        r.settings.recipients.clear();
        const auto pdf = dir / "rong.pdf";
        report::write_pdf(r, pdf);
        CHECK(page_count(pdf) <= 2);
        const std::string text = flat_text(pdf);
        CHECK(text.find("Không có.") != std::string::npos);
        // The signature keeps the closing sentence with it, on the same page.
        const auto pages = pages_of(layout_text(pdf));
        REQUIRE(!pages.empty());
        CHECK(pages.back().find("Nơi nhận:") != std::string::npos);
        CHECK(pages.back().find("Trên đây là báo cáo") != std::string::npos);
        CHECK(text.find("GIẢI NGÂN") == std::string::npos);  // no disbursement part without figures
        check_inside_margins(pdf);
    }
}

TEST_CASE("PDF: a missing folder throws and leaves nothing, a failed write leaves no temporary file") {
    Scratch dir;
    const auto r = test::sample_report(1);
    CHECK_THROWS_AS(report::write_pdf(r, dir / "khong-co" / "r.pdf"), Error);
    CHECK_FALSE(fs::exists(dir / "khong-co"));
    CHECK(fs::is_empty(dir.path()));

    // The PDF is written, then cannot take the place of a folder of the same name.
    fs::create_directory(dir / "r.pdf");
    CHECK_THROWS_AS(report::write_pdf(r, dir / "r.pdf"), Error);
    // The PDF is complete, then the write fails before the rename.
    CHECK_THROWS_AS(report::write_atomically(dir / "x.pdf",
                                             [&](const fs::path& temp) {
                                                 report::write_pdf(r, temp);
                                                 CHECK(fs::file_size(temp) > 1000);
                                                 throw Error(ErrorKind::Storage, "interrupted");
                                             }),
                    Error);
    std::vector<std::string> left;
    for (const auto& e : fs::directory_iterator(dir.path())) left.push_back(e.path().filename().string());
    CHECK(left == std::vector<std::string>{"r.pdf"});
    CHECK(fs::is_directory(dir / "r.pdf"));
}
