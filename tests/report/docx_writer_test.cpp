// The DOCX report read back: word/document.xml through `unzip -p` (every figure and Vietnamese
// string exact, A4 and Decree 30/2020's margins, header rows that repeat), LibreOffice turning
// it into a PDF without complaint, and the agencies' proposals in Part III of PDF, DOCX and XLSX.
#include <doctest/doctest.h>

#include <cstdio>
#include <regex>
#include <sstream>

#include "report/build.h"
#include "report/writers.h"
#include "support.h"

using namespace dt;
using store::Id;
namespace fs = std::filesystem;

namespace {
std::string quoted(const fs::path& p) {
    std::string out = "'";
    for (char c : p.string()) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// The standard output of a shell command; fails the test when the command fails.
std::string run(const std::string& line) {
    FILE* pipe = popen((line + " 2>/dev/null").c_str(), "r");
    REQUIRE_MESSAGE(pipe != nullptr, line);
    std::string out;
    char buf[4096];
    for (std::size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
    REQUIRE_MESSAGE(pclose(pipe) == 0, line << " failed");
    return out;
}

std::string part_of(const fs::path& zip, const std::string& part) { return run("unzip -p " + quoted(zip) + " '" + part + "'"); }

// The text of every <w:t>, unescaped, in document order.
std::vector<std::string> word_texts(const std::string& xml) {
    std::vector<std::string> out;
    static const std::regex t("<w:t(?: [^>]*)?>([^<]*)</w:t>");
    for (std::sregex_iterator it(xml.begin(), xml.end(), t), end; it != end; ++it) {
        std::string s = (*it)[1].str();
        for (const auto& [from, to] : {std::pair<std::string, std::string>{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
                                       {"&apos;", "'"}, {"&amp;", "&"}})
            for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
        out.push_back(s);
    }
    return out;
}

bool has(const std::vector<std::string>& texts, const std::string& s) {
    return std::find(texts.begin(), texts.end(), s) != texts.end();
}

std::size_t index_of(const std::vector<std::string>& texts, const std::string& s, std::size_t from = 0) {
    for (std::size_t i = from; i < texts.size(); ++i)
        if (texts[i] == s) return i;
    return std::string::npos;
}

// Runs of white space made one space: a wrapped table cell reads back as one string.
std::string flat(const std::string& raw) {
    std::string out;
    for (char c : raw) {
        const bool space = c == ' ' || c == '\n' || c == '\f' || c == '\t';
        if (!space) out += c;
        else if (!out.empty() && out.back() != ' ') out += ' ';
    }
    return out;
}

const std::string kHardDifficulty = "Thiếu vốn đối ứng & nhân lực <chuyên môn> \"kỹ thuật\"";

struct Prepared {
    test::Fixture fx;
    report::Report report;
    Prepared() {
        const auto finance = fx.add_user("stc", UserRole::Agency, "Sở Tài chính");
        const auto building = fx.add_user("sxd", UserRole::Agency, "Sở Xây dựng");
        fx.service->propose(finance, fx.assignment_of("1.1", "Sở Tài chính"),
                            {kHardDifficulty, "Đề nghị UBND tỉnh bổ sung 12 tỷ đồng"}, std::nullopt);
        fx.service->propose(building, fx.assignment_of("1.1", "Sở Xây dựng"),
                            {std::nullopt, "Đề nghị gia hạn đến 31/7/2025"}, std::nullopt);
        // Another agency may not write for Sở Tài chính.
        CHECK(test::kind_of([&] {
                  fx.service->propose(building, fx.assignment_of("1.1", "Sở Tài chính"), {"x", "y"}, std::nullopt);
              }) == ErrorKind::Denied);
        report::Request req;
        req.as_of = Date::today();
        req.generated_on = Date{2025, 7, 5};
        auto settings = report::load_settings(*fx.service);
        settings.number = "15/BC-UBND";
        settings.signer_name = "Nguyễn Văn Anh";
        settings.issued_on = Date{2025, 7, 5};
        req.settings = settings;
        report = report::build_report(*fx.service, fx.admin, req);
    }
};
}  // namespace

TEST_CASE("the DOCX report: document.xml holds every figure and string exactly, on A4 with Decree 30's margins") {
    Prepared p;
    test::TempDir dir;
    const auto docx = dir / "bao-cao.docx";
    report::write_docx(p.report, docx);
    const std::string xml = part_of(docx, "word/document.xml");
    const auto texts = word_texts(xml);

    for (const std::string s : {"ỦY BAN NHÂN DÂN", "TỈNH CAO BẰNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                          "Độc lập - Tự do - Hạnh phúc", "Số: 15/BC-UBND", "Cao Bằng, ngày 05 tháng 7 năm 2025", "BÁO CÁO",
                          "I. KẾT QUẢ THỰC HIỆN CHUNG", "Chỉ tiêu", "Số lượng", "Nơi nhận:", "- Lưu: VT.", "CHỦ TỊCH",
                          "Nguyễn Văn Anh", "Hoàn thành đúng hạn", "Không giao thời hạn"})
        CHECK_MESSAGE(has(texts, s), s);
    CHECK(has(texts, report::report_subtitle(p.report)));
    // The summary table: each bucket's label, then its count.
    const auto& t = p.report.totals;
    CHECK(texts.at(index_of(texts, "Không giao thời hạn") + 1) == std::to_string(t.count(Bucket::NoDeadline)));
    CHECK(texts.at(index_of(texts, "Tổng số") + 1) == std::to_string(t.total));
    service::ListFilter all;
    CHECK(t.total == static_cast<int>(p.fx.service->list(all).size()));
    // Whole task texts, not the shortened titles.
    CHECK(has(texts, "Tổng hợp báo cáo giải ngân hằng tháng"));
    CHECK(has(texts, "Phát triển hạ tầng thương mại biên giới"));
    // No placeholder is left; the escaped text reads back exactly.
    CHECK(xml.find("{{") == std::string::npos);
    CHECK(has(texts, kHardDifficulty));

    // A4 (11906 × 16838 twentieths of a point); top 20, right 15, bottom 20, left 30 mm.
    CHECK(xml.find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>") != std::string::npos);
    CHECK(xml.find("<w:pgMar w:top=\"1134\" w:right=\"851\" w:bottom=\"1134\" w:left=\"1701\"") != std::string::npos);
    // Every report table repeats its header row on each page.
    std::size_t headers = 0;
    for (auto at = xml.find("<w:tblHeader/>"); at != std::string::npos; at = xml.find("<w:tblHeader/>", at + 1)) ++headers;
    std::size_t styled = 0;
    for (auto at = xml.find("w:val=\"ReportTable\""); at != std::string::npos; at = xml.find("w:val=\"ReportTable\"", at + 1)) ++styled;
    CHECK(styled >= 5);
    CHECK(headers == styled);
    // Times New Roman, 14 pt body, from the template's styles.
    const std::string styles = part_of(docx, "word/styles.xml");
    CHECK(styles.find("w:ascii=\"Times New Roman\"") != std::string::npos);
    CHECK(styles.find("<w:sz w:val=\"28\"/>") != std::string::npos);
}

TEST_CASE("LibreOffice opens the DOCX report and prints it on A4 with its header, motto, title and tables") {
    Prepared p;
    test::TempDir dir;
    const auto docx = dir / "bao-cao.docx";
    report::write_docx(p.report, docx);
    // Its own profile, so that tests running at once do not share LibreOffice's lock.
    const std::string profile = "-env:UserInstallation=file://" + (dir / "lo-profile").string();
    run("soffice --headless --norestore " + quoted(fs::path(profile)) + " --convert-to pdf --outdir " + quoted(dir.path()) + " " +
        quoted(docx));
    const auto pdf = dir / "bao-cao.pdf";
    REQUIRE(fs::exists(pdf));
    const std::string info = run("pdfinfo " + quoted(pdf));
    CHECK(info.find("595.") != std::string::npos);  // "Page size: 595.3 x 841.89 pts (A4)"
    CHECK(info.find("(A4)") != std::string::npos);
    const std::string text = flat(run("pdftotext -raw " + quoted(pdf) + " -"));
    for (const std::string s : {"ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BÁO CÁO",
                          "Số: 15/BC-UBND", "Chỉ tiêu", "Số lượng", "Hoàn thành đúng hạn", "Đề nghị UBND tỉnh bổ sung 12 tỷ đồng",
                          "Nơi nhận:", "Nguyễn Văn Anh"})
        CHECK_MESSAGE(text.find(s) != std::string::npos, s);
}

TEST_CASE("proposals of two agencies appear under their names in Part III of the PDF, DOCX and XLSX") {
    Prepared p;
    REQUIRE(p.report.proposals.size() == 2);
    CHECK(p.report.proposals[0].agency == "Sở Tài chính");
    CHECK(p.report.proposals[1].agency == "Sở Xây dựng");
    test::TempDir dir;

    const auto docx = dir / "r.docx";
    report::write_docx(p.report, docx);
    const auto texts = word_texts(part_of(docx, "word/document.xml"));
    const auto part3 = index_of(texts, "3. Khó khăn, vướng mắc; đề xuất, kiến nghị của các đơn vị");
    REQUIRE(part3 != std::string::npos);
    const auto finance = index_of(texts, "Sở Tài chính", part3);
    const auto building = index_of(texts, "Sở Xây dựng", part3);
    REQUIRE((finance != std::string::npos && building != std::string::npos));
    const auto finance_says = index_of(texts, "Đề nghị UBND tỉnh bổ sung 12 tỷ đồng", part3);
    const auto building_says = index_of(texts, "Đề nghị gia hạn đến 31/7/2025", part3);
    CHECK((finance < finance_says && finance_says < building && building < building_says));
    CHECK(index_of(texts, kHardDifficulty, finance) < building);

    const auto pdf = dir / "r.pdf";
    report::write_pdf(p.report, pdf);
    const std::string text = flat(run("pdftotext -raw " + quoted(pdf) + " -"));
    const auto heading = text.find("3. Khó khăn, vướng mắc; đề xuất, kiến nghị của các đơn vị");
    REQUIRE(heading != std::string::npos);
    const auto pdf_finance = text.find("Sở Tài chính", heading);
    const auto pdf_finance_says = text.find("Đề nghị UBND tỉnh bổ sung 12 tỷ đồng", heading);
    const auto pdf_building = text.find("Sở Xây dựng", pdf_finance_says);
    const auto pdf_building_says = text.find("Đề nghị gia hạn đến 31/7/2025", heading);
    CHECK(pdf_finance < pdf_finance_says);
    CHECK(pdf_finance_says < pdf_building);
    CHECK(pdf_building < pdf_building_says);
    CHECK(pdf_building_says != std::string::npos);

    const auto xlsx = dir / "r.xlsx";
    report::write_xlsx(p.report, xlsx);
    CHECK(part_of(xlsx, "xl/workbook.xml").find("name=\"Đề xuất, kiến nghị\"") != std::string::npos);
    const std::string strings = part_of(xlsx, "xl/sharedStrings.xml");
    for (const std::string s : {"Đề nghị UBND tỉnh bổ sung 12 tỷ đồng", "Đề nghị gia hạn đến 31/7/2025", "Sở Xây dựng"})
        CHECK_MESSAGE(strings.find(s) != std::string::npos, s);
}

TEST_CASE("a recorded report is reissued exactly as it was: its dates, number, signer and figures") {
    test::Fixture fx;
    test::TempDir dir;
    const Id id = fx.assignment_of("1.1", "Sở Tài chính");
    report::Report first;
    {
        test::FixedClock clock(Date{2025, 6, 30});
        auto settings = report::next_document(*fx.service);
        settings.number = "41/BC-UBND";
        settings.signer_name = "Hoàng Thị Lan";
        report::Request req;
        req.as_of = Date{2025, 6, 30};
        req.settings = settings;
        first = report::build_report(*fx.service, fx.admin, req);
        store::ReportRecord record;
        record.as_of = first.as_of;
        record.directive = first.directive_code;
        record.format = "csv";
        record.path = (dir / "first.csv").string();
        record.figures = report::figures_json(first);
        record.document = report::document_json(first);
        fx.service->record_report(fx.admin, record);
        report::write_csv(first, dir / "first.csv");
    }
    {
        test::FixedClock clock(Date{2025, 9, 1});
        service::AssignmentChange c;
        c.status = Status::Blocked;
        fx.service->update(fx.admin, id, c, std::nullopt);
        report::save_setting(*fx.service, fx.admin, "signer_name", "Người khác");
    }
    test::FixedClock today(Date{2025, 9, 2});
    // The next report is prefilled from the last one, its number one higher.
    const auto next = report::next_document(*fx.service);
    CHECK(next.number == "42/BC-UBND");
    CHECK(next.signer_name == "Hoàng Thị Lan");
    const auto records = fx.service->reports();
    REQUIRE(records.size() == 1);
    const auto again = report::build_report(*fx.service, fx.admin, report::reissue_request(*fx.service, records[0].id));
    CHECK(again.settings.number == "41/BC-UBND");
    CHECK(again.settings.signer_name == "Hoàng Thị Lan");
    CHECK(again.generated_on == Date{2025, 6, 30});
    CHECK_FALSE(again.changes.has_value());
    report::write_csv(again, dir / "again.csv");
    CHECK(test::read_text(dir / "again.csv") == test::read_text(dir / "first.csv"));
    CHECK(test::kind_of([&] { report::reissue_request(*fx.service, 999); }) == ErrorKind::Invalid);
}

TEST_CASE("HTML: a one-line title, numbers right-aligned, proposals under their agency, and XLSX section titles printed") {
    Prepared p;
    test::TempDir dir;
    const auto html_path = dir / "r.html";
    report::write_html(p.report, html_path);
    const std::string html = test::read_text(html_path);
    const auto open = html.find("<title>"), close = html.find("</title>");
    REQUIRE((open != std::string::npos && close != std::string::npos));
    const std::string title = html.substr(open + 7, close - open - 7);
    CHECK(title.find("<br>") == std::string::npos);
    CHECK(title.rfind("BÁO CÁO Tình hình thực hiện Chỉ thị số 99/CT-TEST", 0) == 0);
    CHECK(html.find("<td class=\"num\">" + std::to_string(p.report.totals.total) + "</td>") != std::string::npos);
    const auto heading = html.find("3. Khó khăn, vướng mắc; đề xuất, kiến nghị của các đơn vị");
    REQUIRE(heading != std::string::npos);
    const auto finance = html.find("<h4>Sở Tài chính</h4>", heading);
    CHECK(finance < html.find("Đề nghị UBND tỉnh bổ sung 12 tỷ đồng", heading));
    CHECK(html.find("&lt;chuyên môn&gt;") != std::string::npos);

    const auto xlsx = dir / "r.xlsx";
    report::write_xlsx(p.report, xlsx);
    const std::string sheet = part_of(xlsx, "xl/worksheets/sheet2.xml");  // "Nhóm 1"
    CHECK(sheet.find("<oddHeader>&amp;C1. Giải ngân vốn đầu tư công</oddHeader>") != std::string::npos);
    CHECK(sheet.find("paperSize=\"9\"") != std::string::npos);
    const std::string summary = part_of(xlsx, "xl/worksheets/sheet1.xml");
    CHECK(summary.find("paperSize=\"9\"") != std::string::npos);
}

TEST_CASE("the DOCX numbers its pages at the top centre from page 2: a PAGE field in a header that LibreOffice fills") {
    Prepared p;
    test::TempDir dir;
    const auto docx = dir / "so-trang.docx";
    report::write_docx(p.report, docx);
    // The header part holds the PAGE field; the section points at it for every page but the
    // first (titlePg), whose header is empty; the package names the parts.
    const std::string header = part_of(docx, "word/header-page-number.xml");
    CHECK(header.find("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>") != std::string::npos);
    CHECK(header.find("<w:fldChar w:fldCharType=\"begin\"/>") != std::string::npos);
    CHECK(header.find("<w:jc w:val=\"center\"/>") != std::string::npos);
    const std::string first = part_of(docx, "word/header-first-page.xml");
    CHECK(first.find("PAGE") == std::string::npos);
    const std::string xml = part_of(docx, "word/document.xml");
    CHECK(xml.find("<w:headerReference w:type=\"default\" r:id=\"rIdDtrackPageNumber\"/>") != std::string::npos);
    CHECK(xml.find("<w:headerReference w:type=\"first\" r:id=\"rIdDtrackFirstPage\"/>") != std::string::npos);
    CHECK(xml.find("<w:titlePg/>") != std::string::npos);
    CHECK(part_of(docx, "word/_rels/document.xml.rels").find("Target=\"header-page-number.xml\"") != std::string::npos);
    // unzip reads [ ] in a name as a pattern: escaped.
    CHECK(part_of(docx, "\\[Content_Types\\].xml").find("PartName=\"/word/header-page-number.xml\"") != std::string::npos);

    const std::string profile = "-env:UserInstallation=file://" + (dir / "lo-profile").string();
    run("soffice --headless --norestore " + quoted(fs::path(profile)) + " --convert-to pdf --outdir " + quoted(dir.path()) + " " +
        quoted(docx));
    const auto pdf = dir / "so-trang.pdf";
    REQUIRE(fs::exists(pdf));
    const std::string info = run("pdfinfo " + quoted(pdf));
    std::smatch pages;
    REQUIRE(std::regex_search(info, pages, std::regex("Pages:\\s+([0-9]+)")));
    const int count = std::stoi(pages[1].str());
    REQUIRE(count >= 2);
    auto first_line = [&](int page) {
        const std::string text = run("pdftotext -layout -f " + std::to_string(page) + " -l " + std::to_string(page) + " " +
                                     quoted(pdf) + " -");
        std::istringstream in(text);
        for (std::string line; std::getline(in, line);) {
            const auto start = line.find_first_not_of(' ');
            if (start != std::string::npos) return line.substr(start);
        }
        return std::string();
    };
    // Page 1 starts with the letterhead, not a number; page N starts with "N", alone.
    CHECK(first_line(1).starts_with("ỦY BAN NHÂN DÂN"));
    for (int page = 2; page <= count; ++page) CHECK(first_line(page) == std::to_string(page));
    // Centred: the number's column on the page is about the middle of the text (pdftotext -layout).
    const std::string page2 = run("pdftotext -layout -f 2 -l 2 " + quoted(pdf) + " -");
    const auto number_at = page2.find_first_not_of(" \n");
    const auto line_start = page2.rfind('\n', number_at);
    const auto column = number_at - (line_start == std::string::npos ? 0 : line_start + 1);
    CHECK(column > 20);
}
