// HTML: one printable page, every value escaped.
#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/money.h"
#include "report/labels.h"
#include "report/writers.h"

namespace dt::report {

namespace {
std::string esc(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\n': out += "<br>"; break;
        default: out += c;
        }
    }
    return out;
}

// A count, a percentage or an amount ("12", "37,5 %", "46.209"): right-aligned, as in the PDF.
bool numeric(const std::string& s) {
    if (s.empty() || !std::isdigit(static_cast<unsigned char>(s.front()))) return false;
    // A date (30/06/2025) or a reference (215/BC-STC) is text.
    return s.find_first_not_of("0123456789.,% ") == std::string::npos;
}

void table(std::ostringstream& h, std::initializer_list<const char*> head, const std::vector<std::vector<std::string>>& rows) {
    h << "<table><thead><tr>";
    for (const char* c : head) h << "<th>" << esc(c) << "</th>";
    h << "</tr></thead><tbody>";
    for (const auto& r : rows) {
        h << "<tr>";
        for (const auto& c : r) h << (numeric(c) ? "<td class=\"num\">" : "<td>") << esc(c) << "</td>";
        h << "</tr>";
    }
    if (rows.empty()) h << "<tr><td colspan=\"" << head.size() << "\">Không có.</td></tr>";
    h << "</tbody></table>\n";
}

// The title bar holds one line: "BÁO CÁO Tình hình thực hiện …", no <br>.
std::string one_line(std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    return s;
}

std::vector<std::vector<std::string>> issue_rows(const std::vector<Issue>& issues, bool with_days) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& i : issues)
        rows.push_back({i.ref, i.title, i.share.agency, date_vi(i.share.due),
                        with_days ? std::to_string(i.days_overdue) : status_vi(i.share.status),
                        !with_days && !i.share.proposals.empty() ? i.share.proposals : evidence_vi(i.share.latest_evidence)});
    return rows;
}

std::vector<std::vector<std::string>> change_rows(const std::vector<Change>& changes) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : changes) rows.push_back({c.ref, c.title, c.agency, c.what, c.when});
    return rows;
}
}  // namespace

void write_html(const Report& r, const std::filesystem::path& out) {
    std::ostringstream h;
    h << "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>" << esc(one_line(report_title(r))) << "</title>\n"
      << "<style>@page{size:A4;margin:20mm 15mm 20mm 30mm}body{font-family:'Liberation Serif','Times New Roman',serif;"
         "font-size:13pt;line-height:1.3}header{display:flex;justify-content:space-between;text-align:center}"
         "h1{text-align:center;font-size:14pt}.sub{text-align:center;font-style:italic}table{border-collapse:collapse;"
         "width:100%;margin:6pt 0;font-size:11pt}th,td{border:1px solid #444;padding:2pt 4pt;vertical-align:top}"
         "thead{display:table-header-group}tr{page-break-inside:avoid}.num{text-align:right}"
         ".sign{display:flex;justify-content:space-between;margin-top:18pt}</style></head><body>\n";
    h << "<header><div><b>" << esc(r.settings.issuing_body) << "</b><br>Số: " << esc(r.settings.number) << "</div>"
      << "<div><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b><br><i>"
      << esc(place_and_date(r)) << "</i></div></header>\n";
    h << "<h1>" << esc(report_title(r)) << "</h1><p class=\"sub\">" << esc(report_subtitle(r)) << "</p>\n";

    h << "<h2>I. Kết quả chung</h2>";
    std::vector<std::vector<std::string>> summary;
    for (auto b : {Bucket::DoneOnTime, Bucket::DoneLate, Bucket::OpenOnTime, Bucket::OpenOverdue, Bucket::NoDeadline})
        summary.push_back({bucket_vi(b), std::to_string(r.totals.count(b))});
    summary.push_back({"Tổng số phân công", std::to_string(r.totals.total)});
    summary.push_back({"Tỷ lệ hoàn thành đúng hạn", percent_vi(r.totals.on_time_rate)});
    table(h, {"Chỉ tiêu", "Số lượng"}, summary);

    h << "<h2>II. Kết quả theo nhóm nhiệm vụ</h2>";
    for (const auto& s : r.sections) {
        h << "<h3>" << esc(s.label) << ". " << esc(s.title) << "</h3>";
        std::vector<std::vector<std::string>> rows;
        for (const auto& t : s.tasks)
            for (const auto& sh : t.shares)
                rows.push_back({t.ref, t.title, sh.agency + (sh.role == AssignmentRole::Coordinate ? " (phối hợp)" : ""),
                                status_vi(sh.status), std::to_string(sh.progress) + " %", date_vi(sh.due),
                                date_vi(sh.original_due), std::to_string(sh.extensions), evidence_vi(sh.latest_evidence)});
        table(h, {"Mục", "Nội dung", "Đơn vị", "Trạng thái", "Tiến độ", "Thời hạn", "Thời hạn ban đầu", "Số lần gia hạn",
                  "Minh chứng mới nhất"},
              rows);
    }
    h << "<h2>III. Nhiệm vụ quá hạn, vướng mắc</h2><h3>1. Quá hạn</h3>";
    table(h, {"Mục", "Nội dung", "Đơn vị", "Thời hạn", "Số ngày quá hạn", "Minh chứng mới nhất"}, issue_rows(r.overdue, true));
    h << "<h3>2. Vướng mắc</h3>";
    table(h, {"Mục", "Nội dung", "Đơn vị", "Thời hạn", "Trạng thái", "Đề xuất, kiến nghị"}, issue_rows(r.blocked, false));
    h << "<h3>3. Khó khăn, vướng mắc; đề xuất, kiến nghị của các đơn vị</h3>";
    if (r.proposals.empty()) h << "<p><i>Không có.</i></p>";
    for (const auto& a : r.proposals) {
        h << "<h4>" << esc(a.agency) << "</h4>";
        std::vector<std::vector<std::string>> rows;
        for (const auto& i : a.items) rows.push_back({i.ref, i.title, i.difficulties, i.proposals});
        table(h, {"Mục", "Nội dung", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"}, rows);
    }
    h << "<h2>IV. Kết quả theo đơn vị</h2>";
    std::vector<std::vector<std::string>> agencies;
    for (const auto& a : r.agencies)
        agencies.push_back({a.agency, std::to_string(a.counts.count(Bucket::OpenOverdue)), std::to_string(a.counts.total),
                            percent_vi(a.counts.on_time_rate)});
    table(h, {"Đơn vị", "Quá hạn", "Tổng số", "Tỷ lệ đúng hạn"}, agencies);
    if (r.disbursement) {
        const auto& d = *r.disbursement;
        h << "<h2>V. Giải ngân vốn đầu tư công</h2><p>Mốc yêu cầu tại ngày " << esc(r.as_of.vn()) << ": "
          << d.required_percent << " % kế hoạch vốn được giao; " << d.behind << " chủ đầu tư chậm so với mốc.</p>";
        std::vector<std::vector<std::string>> rows;
        for (const auto& i : d.investors)
            rows.push_back({std::to_string(i.rank), i.investor, group_thousands(i.plan_assigned), group_thousands(i.plan_total),
                            group_thousands(i.disbursed), percent_vi(i.rate_assigned), percent_vi(i.rate_total),
                            i.disbursed_since ? group_thousands(*i.disbursed_since) : ""});
        const auto& p = d.province;
        rows.push_back({"", p.investor, group_thousands(p.plan_assigned), group_thousands(p.plan_total),
                        group_thousands(p.disbursed), percent_vi(p.rate_assigned), percent_vi(p.rate_total),
                        p.disbursed_since ? group_thousands(*p.disbursed_since) : ""});
        table(h, {"TT", "Chủ đầu tư", "KH TTg giao (đồng)", "Tổng KH (đồng)", "Đã giải ngân (đồng)", "% KH giao", "% tổng KH",
                  "Tăng từ kỳ trước"},
              rows);
    }
    if (r.changes) {
        h << "<h2>VI. Thay đổi từ ngày " << esc(r.changes->since.vn()) << "</h2>";
        const std::pair<const char*, const std::vector<Change>*> parts[] = {
            {"1. Mới hoàn thành", &r.changes->newly_done}, {"2. Mới quá hạn", &r.changes->newly_overdue},
            {"3. Điều chỉnh thời hạn", &r.changes->deadline_changes}, {"4. Minh chứng mới", &r.changes->new_evidence},
            {"5. Phân công đã đóng", &r.changes->closed}};
        for (const auto& [title, list] : parts) {
            h << "<h3>" << title << "</h3>";
            table(h, {"Mục", "Nội dung", "Đơn vị", "Chi tiết", "Ngày"}, change_rows(*list));
        }
    }
    h << "<div class=\"sign\"><div><b><i>Nơi nhận:</i></b><br>";
    for (const auto& rec : r.settings.recipients) h << "- " << esc(rec) << "<br>";
    h << "</div><div style=\"text-align:center\"><b>" << esc(r.settings.signer_authority) << "<br>"
      << esc(r.settings.signer_title) << "</b><br><br><br><br><b>" << esc(r.settings.signer_name) << "</b></div></div>";
    h << "</body></html>\n";

    write_atomically(out, [&](const std::filesystem::path& temp) {
        std::ofstream f(temp, std::ios::binary);
        f << h.str();
        f.flush();
        if (!f) fail(ErrorKind::System, Msg::ReportWriteFailed, {"HTML"});
    });
}

}  // namespace dt::report
