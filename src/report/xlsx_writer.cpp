// XLSX through libxlsxwriter: a summary sheet, then one sheet per section and per list, each with
// a bold frozen header row and an autofilter. Numbers are numbers and dates are dates (with a
// dd/mm/yyyy format), so the workbook can be sorted, filtered and summed as it is.
#include <glib.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdint>

#include "core/error.h"
#include "core/money.h"
#include "report/labels.h"
#include "report/writers.h"

namespace dt::report {

namespace {

constexpr std::size_t kMaxCellChars = 32000;  // Excel holds 32,767 characters in a cell
constexpr double kMaxWidth = 60;              // columns wider than this wrap their text
constexpr std::size_t kMaxSheetName = 31;

void check(lxw_error error, const std::string& what) {
    if (error != LXW_NO_ERROR)
        fail(ErrorKind::System, Msg::XlsxWriteFailed, {what, lxw_strerror(error)});
}

// Valid UTF-8, cut to what a cell holds.
std::string cell_text(const std::string& text) {
    gchar* valid = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
    std::string out(valid);
    g_free(valid);
    if (static_cast<std::size_t>(g_utf8_strlen(out.c_str(), -1)) > kMaxCellChars) {
        out.resize(static_cast<std::size_t>(g_utf8_offset_to_pointer(out.c_str(), kMaxCellChars) - out.c_str()));
        out += "…";
    }
    return out;
}

// Code points in the longest line: how wide a column must be to show the text.
std::size_t display_chars(const std::string& text) {
    std::size_t longest = 0;
    std::size_t current = 0;
    for (unsigned char c : text) {
        if (c == '\n') {
            longest = std::max(longest, current);
            current = 0;
        } else if ((c & 0xC0) != 0x80) {
            ++current;
        }
    }
    return std::max(longest, current);
}

struct Value {
    enum class Kind { Blank, Text, Integer, Amount, Rate, Date };
    Kind kind = Kind::Blank;
    std::string text;
    double number = 0;
    Date date;
};

Value blank() { return {}; }
Value text(const std::string& s) { return {Value::Kind::Text, s, 0, {}}; }
Value integer(std::int64_t n) { return {Value::Kind::Integer, {}, static_cast<double>(n), {}}; }
Value amount(std::int64_t vnd) { return {Value::Kind::Amount, {}, static_cast<double>(vnd), {}}; }
Value rate(double percent) { return {Value::Kind::Rate, {}, percent / 100.0, {}}; }  // shown as 37.5%
Value date(const std::optional<Date>& d) { return d ? Value{Value::Kind::Date, {}, 0, *d} : blank(); }

// A sheet of one header row and data rows below it.
struct Table {
    std::string name;
    std::vector<std::string> headers;
    std::vector<std::vector<Value>> rows;
    std::string title{};  // printed at the top of every page (a section's full title)
};

class Book {
public:
    explicit Book(const std::filesystem::path& file) : wb_(workbook_new(file.c_str())) {
        if (!wb_) fail(ErrorKind::System, Msg::XlsxCreateFailed, {file.string()});
        header_ = format();
        format_set_bold(header_);
        format_set_text_wrap(header_);
        format_set_align(header_, LXW_ALIGN_CENTER);
        format_set_align(header_, LXW_ALIGN_VERTICAL_CENTER);
        format_set_bg_color(header_, 0xDDEBF7);
        format_set_border(header_, LXW_BORDER_THIN);
        title_ = format();
        format_set_bold(title_);
        format_set_font_size(title_, 14);
        bold_ = format();
        format_set_bold(bold_);
        text_ = format();
        wrap_ = format();
        format_set_text_wrap(wrap_);
        integer_ = format();
        format_set_num_format(integer_, "0");
        amount_ = format();
        format_set_num_format(amount_, "#,##0");
        rate_ = format();
        format_set_num_format(rate_, "0.0%");
        date_ = format();
        format_set_num_format(date_, "dd/mm/yyyy");
    }

    ~Book() {
        if (wb_) lxw_workbook_free(wb_);  // an exception on the way: nothing is written
    }
    Book(const Book&) = delete;
    Book& operator=(const Book&) = delete;

    void close() {
        lxw_workbook* wb = wb_;
        wb_ = nullptr;  // workbook_close frees it, whatever it returns
        check(workbook_close(wb), "saving the file");
    }

    // A sheet name Excel accepts: at most 31 characters, none of []:*?/\, not quoted, unique.
    lxw_worksheet* sheet(const std::string& wanted) {
        std::string base = cell_text(wanted);
        for (char& c : base)
            if (std::string_view("[]:*?/\\\n").find(c) != std::string_view::npos) c = '-';
        while (!base.empty() && base.front() == '\'') base.erase(0, 1);
        while (!base.empty() && base.back() == '\'') base.pop_back();
        if (base.empty()) base = "Trang";
        std::string name;
        for (int n = 1;; ++n) {
            const std::string suffix = n == 1 ? "" : " (" + std::to_string(n) + ")";
            const auto room = static_cast<glong>(kMaxSheetName - suffix.size());
            name = base;
            if (g_utf8_strlen(name.c_str(), -1) > room)
                name.resize(static_cast<std::size_t>(g_utf8_offset_to_pointer(name.c_str(), room) - name.c_str()));
            while (!name.empty() && (name.back() == ' ' || name.back() == '\'')) name.pop_back();
            name += suffix;
            gchar* folded = g_utf8_casefold(name.c_str(), -1);
            const std::string key = folded;
            g_free(folded);
            if (std::find(used_.begin(), used_.end(), key) == used_.end()) {
                used_.push_back(key);
                break;
            }
        }
        lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
        if (!ws) fail(ErrorKind::System, Msg::XlsxSheetFailed, {name});
        return ws;
    }

    void write(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const Value& v, lxw_format* text_format) {
        const std::string where = "cell " + std::to_string(row + 1) + ":" + std::to_string(col + 1);
        switch (v.kind) {
        case Value::Kind::Blank: return;
        case Value::Kind::Text:
            if (v.text.empty()) return;
            return check(worksheet_write_string(ws, row, col, cell_text(v.text).c_str(), text_format), where);
        case Value::Kind::Integer: return check(worksheet_write_number(ws, row, col, v.number, integer_), where);
        case Value::Kind::Amount: return check(worksheet_write_number(ws, row, col, v.number, amount_), where);
        case Value::Kind::Rate: return check(worksheet_write_number(ws, row, col, v.number, rate_), where);
        case Value::Kind::Date: {
            lxw_datetime day{v.date.year, v.date.month, v.date.day, 0, 0, 0.0};
            return check(worksheet_write_datetime(ws, row, col, &day, date_), where);
        }
        }
    }

    // A header row, frozen and filtered, then the rows; columns as wide as their text (capped,
    // wrapping beyond the cap).
    void table(const Table& t) {
        lxw_worksheet* ws = sheet(t.name);
        const auto columns = static_cast<lxw_col_t>(t.headers.size());
        for (lxw_col_t c = 0; c < columns; ++c) {
            double width = static_cast<double>(display_chars(t.headers[c])) + 4;  // room for the filter button
            bool wrap = false;
            for (const auto& row : t.rows) {
                if (c >= row.size()) continue;
                width = std::max(width, natural_width(row[c]));
                wrap |= row[c].kind == Value::Kind::Text && row[c].text.find('\n') != std::string::npos;
            }
            wrap |= width > kMaxWidth;
            width = std::clamp(width, 6.0, kMaxWidth);
            check(worksheet_set_column(ws, c, c, width, nullptr), "column widths");
            check(worksheet_write_string(ws, 0, c, cell_text(t.headers[c]).c_str(), header_), "header");
            lxw_row_t r = 1;
            for (const auto& row : t.rows) {
                if (c < row.size()) write(ws, r, c, row[c], wrap ? wrap_ : text_);
                ++r;
            }
        }
        worksheet_freeze_panes(ws, 1, 0);
        check(worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(t.rows.size()), columns - 1), "autofilter");
        // Printed: A4 landscape, as wide as one page, the header row on every page.
        worksheet_set_paper(ws, 9);
        worksheet_set_landscape(ws);
        worksheet_fit_to_pages(ws, 1, 0);
        check(worksheet_repeat_rows(ws, 0, 0), "print titles");
        if (!t.title.empty()) {
            // A sheet name holds 31 characters; the page header holds the section's whole title
            // ('&' is a header code in Excel: doubled to print itself).
            std::string header = "&C";
            for (char ch : cell_text(t.title)) header += ch == '&' ? std::string("&&") : std::string(1, ch);
            if (header.size() < 250) check(worksheet_set_header(ws, header.c_str()), "page header");
        }
    }

    void properties(std::string title) {
        std::replace(title.begin(), title.end(), '\n', ' ');
        title = cell_text(title);
        std::string program = "directive-tracker";
        lxw_doc_properties properties{};
        properties.title = title.data();
        properties.comments = program.data();
        check(workbook_set_properties(wb_, &properties), "document properties");
    }

    void summary(const Report& r);

private:
    lxw_format* format() {
        lxw_format* f = workbook_add_format(wb_);
        if (!f) fail(ErrorKind::System, Msg::XlsxFormatFailed);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        return f;
    }

    static double natural_width(const Value& v) {
        switch (v.kind) {
        case Value::Kind::Text: return static_cast<double>(display_chars(v.text)) + 2;
        case Value::Kind::Amount: return static_cast<double>(group_thousands(static_cast<std::int64_t>(v.number)).size()) + 3;
        case Value::Kind::Date: return 12;
        case Value::Kind::Rate: return 8;
        case Value::Kind::Integer: return static_cast<double>(std::to_string(static_cast<std::int64_t>(v.number)).size()) + 3;
        case Value::Kind::Blank: return 0;
        }
        return 0;
    }

    lxw_workbook* wb_;
    lxw_format* header_ = nullptr;
    lxw_format* title_ = nullptr;
    lxw_format* bold_ = nullptr;
    lxw_format* text_ = nullptr;
    lxw_format* wrap_ = nullptr;
    lxw_format* integer_ = nullptr;
    lxw_format* amount_ = nullptr;
    lxw_format* rate_ = nullptr;
    lxw_format* date_ = nullptr;
    std::vector<std::string> used_;  // sheet names, case-folded
};

// "Tổng hợp": title, dates, the bucket counts and the on-time rate, the disbursement in brief.
void Book::summary(const Report& r) {
    lxw_worksheet* ws = sheet("Tổng hợp");
    worksheet_set_paper(ws, 9);  // A4 portrait, one page wide, as every sheet prints
    worksheet_fit_to_pages(ws, 1, 0);
    check(worksheet_set_column(ws, 0, 0, 40, nullptr), "column widths");
    check(worksheet_set_column(ws, 1, 1, kMaxWidth, wrap_), "column widths");
    lxw_row_t row = 0;
    std::string title = report_title(r);
    std::replace(title.begin(), title.end(), '\n', ' ');
    check(worksheet_write_string(ws, row++, 0, cell_text(title).c_str(), title_), "title");
    check(worksheet_write_string(ws, row++, 0, cell_text(report_subtitle(r)).c_str(), text_), "subtitle");
    ++row;
    auto line = [&](const std::string& label, const Value& v, lxw_format* label_format = nullptr) {
        check(worksheet_write_string(ws, row, 0, cell_text(label).c_str(), label_format ? label_format : text_), label);
        write(ws, row, 1, v, wrap_);
        ++row;
    };
    line("Cơ quan ban hành", text(r.settings.issuing_body));
    line("Số", text(r.settings.number));
    line("Chỉ thị", text(r.directive_code));
    line("Trích yếu", text(r.directive_title));
    line("Ngày số liệu", date(r.as_of));
    line("Ngày lập báo cáo", date(r.generated_on));
    if (r.changes) line("Thay đổi từ ngày", date(r.changes->since));
    ++row;
    check(worksheet_write_string(ws, row, 0, "Chỉ tiêu", header_), "header");
    check(worksheet_write_string(ws, row, 1, "Số lượng", header_), "header");
    ++row;
    for (auto b : {Bucket::DoneOnTime, Bucket::DoneLate, Bucket::OpenOnTime, Bucket::OpenOverdue, Bucket::NoDeadline})
        line(bucket_vi(b), integer(r.totals.count(b)));
    line("Tổng số", integer(r.totals.total), bold_);
    line("Đã đến hạn", integer(r.totals.deadline_passed));
    line("Tỷ lệ hoàn thành đúng hạn", r.totals.deadline_passed > 0 ? rate(r.totals.on_time_rate) : blank(), bold_);
    if (r.disbursement) {
        const auto& d = *r.disbursement;
        ++row;
        line("Giải ngân vốn đầu tư công", blank(), bold_);
        line("Tỷ lệ phải đạt tại ngày số liệu", rate(d.required_percent));
        if (d.next_milestone) {
            line("Mốc tiếp theo", date(d.next_milestone));
            line("Tỷ lệ phải đạt tại mốc tiếp theo", rate(d.next_percent));
        }
        line("Toàn tỉnh đã giải ngân (đồng)", amount(d.province.disbursed));
        line("Tỷ lệ giải ngân / KH TTg giao", rate(d.province.rate_assigned));
        line("Số chủ đầu tư chưa đạt yêu cầu", integer(d.behind));
    }
}

Table section_table(const SectionPart& s, std::size_t index) {
    Table t{"Nhóm " + (s.label.empty() ? std::to_string(index + 1) : s.label),
            {"Mục", "Nội dung", "Đơn vị", "Vai trò", "Trạng thái", "Tiến độ (%)", "Thời hạn", "Tình trạng",
             "Ngày hoàn thành", "Minh chứng mới nhất", "Người phụ trách", "Thời hạn ban đầu", "Số lần gia hạn"},
            {},
            (s.label.empty() ? "" : s.label + ". ") + s.title};
    for (const auto& task : s.tasks) {
        const std::string what = task.title.empty() ? task.text : task.title;
        if (task.shares.empty()) t.rows.push_back({text(task.ref), text(what), blank(), blank(), blank(), blank(), date(task.deadline)});
        for (const auto& sh : task.shares)
            t.rows.push_back({text(task.ref), text(what), text(sh.agency), text(role_vi(sh.role)), text(status_vi(sh.status)),
                              integer(sh.progress), date(sh.due), text(bucket_vi(sh.bucket)), date(sh.completed_on),
                              text(evidence_vi(sh.latest_evidence)), text(sh.owner), date(sh.original_due),
                              integer(sh.extensions)});
    }
    return t;
}

// Part III: what each agency wrote, under its name.
Table proposal_table(const std::vector<AgencyProposals>& agencies) {
    Table t{"Đề xuất, kiến nghị", {"Đơn vị", "Mục", "Nội dung", "Khó khăn, vướng mắc", "Đề xuất, kiến nghị"}, {}};
    for (const auto& a : agencies)
        for (const auto& i : a.items)
            t.rows.push_back({text(a.agency), text(i.ref), text(i.title), text(i.difficulties), text(i.proposals)});
    return t;
}

Table issue_table(const std::string& name, const std::vector<Issue>& issues, bool proposals) {
    Table t{name,
            {"Mục", "Nội dung", "Đơn vị", "Vai trò", "Thời hạn", "Số ngày quá hạn", "Trạng thái", "Tiến độ (%)",
             proposals ? "Đề xuất, kiến nghị" : "Minh chứng mới nhất"},
            {}};
    for (const auto& i : issues) {
        const auto& sh = i.share;
        std::string last = !proposals ? evidence_vi(sh.latest_evidence)
                           : !sh.proposals.empty() ? sh.proposals
                           : sh.latest_evidence  ? sh.latest_evidence->note
                                                 : "";
        t.rows.push_back({text(i.ref), text(i.title), text(sh.agency), text(role_vi(sh.role)), date(sh.due),
                          i.days_overdue > 0 ? integer(i.days_overdue) : blank(), text(status_vi(sh.status)),
                          integer(sh.progress), text(last)});
    }
    return t;
}

Table agency_table(const std::vector<AgencyLine>& agencies) {
    Table t{"Đơn vị",
            {"Đơn vị", "Tổng số", "Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Chưa hoàn thành, trong hạn",
             "Chưa hoàn thành, quá hạn", "Không giao thời hạn", "Đã đến hạn", "Tỷ lệ hoàn thành đúng hạn"},
            {}};
    for (const auto& a : agencies) {
        const auto& c = a.counts;
        t.rows.push_back({text(a.agency), integer(c.total), integer(c.count(Bucket::DoneOnTime)),
                          integer(c.count(Bucket::DoneLate)), integer(c.count(Bucket::OpenOnTime)),
                          integer(c.count(Bucket::OpenOverdue)), integer(c.count(Bucket::NoDeadline)),
                          integer(c.deadline_passed), c.deadline_passed > 0 ? rate(c.on_time_rate) : blank()});
    }
    return t;
}

Table disbursement_table(const Disbursement& d) {
    bool since = d.province.disbursed_since.has_value();
    for (const auto& i : d.investors) since |= i.disbursed_since.has_value();
    Table t{"Giải ngân",
            {"TT", "Chủ đầu tư", "KH TTg giao (đồng)", "Tổng KH (đồng)", "Đã giải ngân (đồng)", "Tỷ lệ / KH TTg giao",
             "Tỷ lệ / tổng KH", "Chưa đạt yêu cầu"},
            {}};
    if (since) t.headers.push_back("Tăng từ kỳ trước (đồng)");
    auto add = [&](const InvestorLine& line, Value number) {
        std::vector<Value> row{number,
                               text(line.investor),
                               amount(line.plan_assigned),
                               amount(line.plan_total),
                               amount(line.disbursed),
                               rate(line.rate_assigned),
                               rate(line.rate_total),
                               text(line.behind ? "Chưa đạt" : "")};
        if (since) row.push_back(line.disbursed_since ? amount(*line.disbursed_since) : blank());
        t.rows.push_back(row);
    };
    int n = 0;
    for (const auto& i : d.investors) add(i, integer(i.rank > 0 ? i.rank : ++n));
    add(d.province, blank());
    return t;
}

Table change_table(const Changes& c) {
    Table t{"Thay đổi", {"Loại", "Mục", "Nội dung", "Đơn vị", "Chi tiết", "Ngày"}, {}};
    const std::pair<const char*, const std::vector<Change>*> lists[] = {{"Mới hoàn thành", &c.newly_done},
                                                                         {"Mới quá hạn", &c.newly_overdue},
                                                                         {"Điều chỉnh thời hạn", &c.deadline_changes},
                                                                         {"Minh chứng mới", &c.new_evidence},
                                                                         {"Phân công đã đóng", &c.closed}};
    for (const auto& [kind, list] : lists)
        for (const auto& ch : *list) {
            // "when" is dd/mm/yyyy: a real date when it reads as one.
            const auto when = Date::parse_user(ch.when);
            t.rows.push_back({text(kind), text(ch.ref), text(ch.title), text(ch.agency), text(ch.what),
                              when ? date(when) : text(ch.when)});
        }
    return t;
}

}  // namespace

void write_xlsx(const Report& r, const std::filesystem::path& out) {
    write_atomically(out, [&](const std::filesystem::path& temp) {
        Book book(temp);
        book.properties(report_title(r));
        book.summary(r);
        for (std::size_t i = 0; i < r.sections.size(); ++i) book.table(section_table(r.sections[i], i));
        book.table(issue_table("Quá hạn", r.overdue, false));
        book.table(issue_table("Vướng mắc", r.blocked, true));
        book.table(proposal_table(r.proposals));
        book.table(agency_table(r.agencies));
        if (r.disbursement) book.table(disbursement_table(*r.disbursement));
        if (r.changes) book.table(change_table(*r.changes));
        book.close();
    });
}

}  // namespace dt::report
