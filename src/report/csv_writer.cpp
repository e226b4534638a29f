// CSV: one row per assignment, RFC 4180, UTF-8 with a BOM so Excel reads Vietnamese right.
#include <fstream>

#include "core/csv.h"
#include "core/error.h"
#include "report/labels.h"
#include "report/writers.h"

namespace dt::report {

// OWASP's advice against CSV injection: a text cell that a spreadsheet would take as a formula
// (it starts with =, +, -, @, a tab or a carriage return) gets a leading apostrophe, which
// spreadsheets show as text and do not evaluate. Only text cells: the numbers this report
// writes are never negative, and dates never start with those characters.
std::string csv_text_cell(const std::string& text) {
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) return "'" + text;
    return text;
}

void write_csv(const Report& r, const std::filesystem::path& out) {
    write_atomically(out, [&](const std::filesystem::path& temp) {
        std::ofstream f(temp, std::ios::binary);
        auto row = [&](std::initializer_list<std::string> fields) {
            bool first = true;
            for (const auto& field : fields) {
                if (!first) f << ',';
                f << csv_field(field);
                first = false;
            }
            f << "\r\n";
        };
        f << "\xEF\xBB\xBF";
        row({"Chỉ thị", "Nhóm", "Mục", "Nội dung", "Đơn vị", "Vai trò", "Trạng thái", "Tiến độ thời hạn", "Tiến độ (%)",
             "Thời hạn", "Ngày hoàn thành", "Người phụ trách", "Minh chứng mới nhất", "Tính đến ngày",
             // Added last, so that scripts reading the older columns by position keep working.
             "Thời hạn ban đầu", "Số lần gia hạn", "Mã lượt giao"});
        for (const auto& s : r.sections)
            for (const auto& t : s.tasks)
                for (const auto& sh : t.shares)
                    row({csv_text_cell(r.directive_code), csv_text_cell(s.label), csv_text_cell(t.ref), csv_text_cell(t.title),
                         csv_text_cell(sh.agency), role_vi(sh.role), status_vi(sh.status), bucket_vi(sh.bucket),
                         std::to_string(sh.progress), date_vi(sh.due), date_vi(sh.completed_on), csv_text_cell(sh.owner),
                         csv_text_cell(evidence_vi(sh.latest_evidence)), r.as_of.vn(), date_vi(sh.original_due),
                         std::to_string(sh.extensions), std::to_string(sh.assignment_id)});
        f.flush();
        if (!f) fail(ErrorKind::System, Msg::ReportWriteFailed, {"CSV"});
    });
}

}  // namespace dt::report
