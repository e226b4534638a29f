// PDF: the report as a Vietnamese administrative document (Decree 30/2020/NĐ-CP): A4, Liberation
// Serif, the issuing body and the national motto side by side, "Số:", place and date, title,
// numbered parts, ruled tables, the recipients and the signature. Layout in pdf_layout.h.
#include <glib.h>

#include <cstdio>

#include "core/money.h"
#include "report/labels.h"
#include "report/pdf_layout.h"
#include "report/writers.h"

namespace dt::report {

namespace {

using namespace pdf;

constexpr double kBody = 13;      // body text, points
constexpr double kTable = 11;     // table text
constexpr double kSpacing = 1.2;  // body line spacing
constexpr std::size_t kNoteChars = 300;
// A task given to more agencies than this (a group: "Các sở, ban, ngành", the districts) is
// summed up in one row of the sections' tables, and its overdue agencies are named together:
// a row per agency made such reports thousands of pages long. The XLSX keeps every row.
constexpr std::size_t kAgenciesInDetail = 8;

Style body(bool bold = false, bool italic = false) {
    Style s;
    s.size = kBody;
    s.bold = bold;
    s.italic = italic;
    s.align = Align::Justify;
    s.line_spacing = kSpacing;
    return s;
}

Style centred(double size, bool bold, bool italic = false) {
    Style s;
    s.size = size;
    s.bold = bold;
    s.italic = italic;
    s.align = Align::Center;
    return s;
}

const char* roman(int n) {
    static const char* numerals[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
    return numerals[(n - 1) % 10];
}







// "215/BC-STC ngày 30/06/2025: …" with the note cut to about 300 characters.
Runs evidence_runs(const std::optional<Evidence>& e) {
    if (!e) return {};
    Evidence shown = *e;
    shown.note = cut_text(shown.note, kNoteChars);
    return {Run{evidence_vi(shown)}};
}

// "30/06/2025" when every date is the same, "30/06/2025 – 31/12/2025" otherwise, "–" for none.
std::string date_span(const std::vector<const Share*>& shares) {
    std::optional<Date> lo, hi;
    for (const auto* s : shares) {
        if (!s->due) continue;
        if (!lo || *s->due < *lo) lo = s->due;
        if (!hi || *hi < *s->due) hi = s->due;
    }
    if (!lo) return "–";
    return *lo == *hi ? lo->vn() : lo->vn() + " – " + hi->vn();
}

// "20 hoàn thành\n15 đang thực hiện …", in the order of the statuses; the overdue among them last.
std::string status_counts(const std::vector<const Share*>& shares) {
    std::string out;
    for (auto st : {Status::Done, Status::InProgress, Status::Blocked, Status::NotStarted}) {
        int n = 0;
        for (const auto* s : shares) n += s->status == st ? 1 : 0;
        if (n > 0) out += std::string(out.empty() ? "" : "\n") + std::to_string(n) + " " + lower_first(status_vi(st));
    }
    int overdue = 0;
    for (const auto* s : shares) overdue += s->bucket == Bucket::OpenOverdue ? 1 : 0;
    if (overdue > 0) out += "\n(" + std::to_string(overdue) + " quá hạn)";
    return out;
}

std::vector<const Share*> pointers(const std::vector<Share>& shares) {
    std::vector<const Share*> out;
    for (const auto& s : shares) out.push_back(&s);
    return out;
}

class Writer {
public:
    Writer(Document& doc, const Report& r) : doc_(doc), r_(r) {}

    void write() {
        header();
        title();
        summary();
        sections();
        issues();
        proposals();
        agencies();
        if (r_.disbursement) disbursement(*r_.disbursement);
        if (r_.changes) changes(*r_.changes);
        closing();
    }

private:
    void heading(const std::string& text) {
        doc_.keep(mm(30));
        doc_.skip(mm(2));
        doc_.flow(text, body(true), mm(1));
    }
    void part(const std::string& title) { heading(std::string(roman(++part_)) + ". " + upper_text(title)); }
    void none() { doc_.flow("Không có.", body(false, true), mm(2)); }

    // Page 1: the issuing body and "Số:" on the left, the national motto and the date on the right.
    void header() {
        const double x = doc_.left();
        const double left_w = mm(62);
        const double right_x = x + mm(62);
        const double right_w = doc_.width() - mm(62);
        double left_y = doc_.top();
        if (!r_.settings.parent_body.empty()) {
            const Block parent = doc_.block(upper_text(r_.settings.parent_body), centred(12, false), left_w);
            parent.draw(doc_.cairo(), x, left_y);
            left_y += parent.height();
        }
        const Block body_name = doc_.block(issuing_lines(r_.settings.issuing_body), centred(12, true), left_w);
        body_name.draw(doc_.cairo(), x, left_y);
        left_y += body_name.height() + 3;
        const double rule = std::max(body_name.widest() * 0.4, mm(12));
        doc_.hline(x + (left_w - rule) / 2, x + (left_w + rule) / 2, left_y, 0.6);

        double right_y = doc_.top();
        const Block nation = doc_.block("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", centred(12, true), right_w);
        nation.draw(doc_.cairo(), right_x, right_y);
        right_y += nation.height();
        const Block motto = doc_.block("Độc lập - Tự do - Hạnh phúc", centred(13, true), right_w);
        motto.draw(doc_.cairo(), right_x, right_y);
        right_y += motto.height() + 3;
        const double motto_w = motto.widest();
        doc_.hline(right_x + (right_w - motto_w) / 2, right_x + (right_w + motto_w) / 2, right_y, 0.6);

        const double line_y = std::max(left_y, right_y) + mm(3);
        const Block number = doc_.block("Số: " + r_.settings.number, centred(13, false), left_w);
        number.draw(doc_.cairo(), x, line_y);
        const Block date = doc_.block(place_and_date(r_), centred(13, false, true), right_w);
        date.draw(doc_.cairo(), right_x, line_y);
        doc_.skip(line_y + std::max(number.height(), date.height()) + mm(8) - doc_.y());
    }

    void title() {
        // The kind of document, its summary, and under them a short rule (a third of the line).
        const Block t = doc_.block(report_title(r_), centred(14, true), doc_.width() - mm(10));
        doc_.flow(t, doc_.left() + mm(5));
        const double rule = t.widest() / 3;
        doc_.skip(3);
        doc_.hline(doc_.left() + (doc_.width() - rule) / 2, doc_.left() + (doc_.width() + rule) / 2, doc_.y(), 0.6);
        doc_.skip(mm(2));
        doc_.flow(doc_.block(report_subtitle(r_), centred(kBody, false, true), doc_.width()), doc_.left());
        doc_.skip(mm(6));

        std::string intro = "Thực hiện Chỉ thị số " + r_.directive_code;
        if (r_.directive_issued_on) intro += " ngày " + r_.directive_issued_on->vn();
        if (!r_.directive_issuer.empty()) intro += " của " + r_.directive_issuer;
        if (!r_.directive_title.empty()) intro += " " + lower_first(r_.directive_title);
        intro += ", kết quả thực hiện tính đến ngày " + r_.as_of.vn() + " như sau:";
        Style s = body();
        s.indent = mm(10);
        doc_.flow(intro, s, mm(1));
    }

    void summary() {
        part("Kết quả thực hiện chung");
        const auto& t = r_.totals;
        Style s = body();
        s.indent = mm(10);
        doc_.flow("Tổng số lượt giao nhiệm vụ cho các đơn vị: " + std::to_string(t.total) + "; trong đó đã đến hạn: " +
                      std::to_string(t.deadline_passed) + ".",
                  s, mm(1));
        Table table(doc_, {{"Chỉ tiêu", 120}, {"Số lượng", 45, Align::Center}}, 12);
        for (auto b : {Bucket::DoneOnTime, Bucket::DoneLate, Bucket::OpenOnTime, Bucket::OpenOverdue, Bucket::NoDeadline})
            table.add({bucket_vi(b), std::to_string(t.count(b))});
        table.add({"Tổng số", std::to_string(t.total)}, true);
        table.add({"Tỷ lệ hoàn thành đúng hạn", t.deadline_passed > 0 ? percent_vi(t.on_time_rate) : "–"}, true);
        table.close(mm(1));
        Style note = body(false, true);
        note.size = 11;
        doc_.flow("(Tỷ lệ hoàn thành đúng hạn = số hoàn thành đúng hạn / số nhiệm vụ đã đến hạn.)", note, mm(2));
    }

    static std::string counts_line(const Counts& c) {
        return "Số lượt giao: " + std::to_string(c.total) + "; hoàn thành đúng hạn: " +
               std::to_string(c.count(Bucket::DoneOnTime)) + "; hoàn thành quá hạn: " +
               std::to_string(c.count(Bucket::DoneLate)) + "; chưa hoàn thành trong hạn: " +
               std::to_string(c.count(Bucket::OpenOnTime)) + "; quá hạn: " + std::to_string(c.count(Bucket::OpenOverdue)) +
               "; không giao thời hạn: " + std::to_string(c.count(Bucket::NoDeadline)) + ".";
    }

    void sections() {
        part("Kết quả thực hiện theo từng nhóm nhiệm vụ");
        if (r_.sections.empty()) return none();
        bool summed_up = false;
        for (const auto& section : r_.sections)
            for (const auto& task : section.tasks) summed_up |= task.shares.size() > kAgenciesInDetail;
        if (summed_up) {
            Style note = body(false, true);
            note.size = 11;
            doc_.flow("(Nhiệm vụ giao cho trên " + std::to_string(kAgenciesInDetail) +
                          " đơn vị được tổng hợp trên một dòng: số đơn vị theo trạng thái, tiến độ bình quân, "
                          "thời hạn sớm nhất – muộn nhất; các đơn vị quá hạn được nêu tên ở phần nhiệm vụ quá hạn, "
                          "chi tiết từng đơn vị trong bản báo cáo Excel.)",
                      note, mm(2));
        }
        for (const auto& section : r_.sections) {
            doc_.keep(mm(35));
            doc_.flow((section.label.empty() ? "" : section.label + ". ") + section.title, body(true), mm(0.5));
            Style s = body(false, true);
            s.indent = mm(10);
            doc_.flow(counts_line(section.counts), s, mm(1));
            if (section.tasks.empty()) {
                none();
                continue;
            }
            Table table(doc_, {{"Mục", 12, Align::Center},
                               {"Nội dung", 38},
                               {"Đơn vị", 25},
                               {"Trạng thái", 25},
                               {"Tiến độ (%)", 12, Align::Center},
                               {"Thời hạn", 21, Align::Center},
                               {"Minh chứng mới nhất", 32}},
                        kTable);
            for (const auto& task : section.tasks) {
                const std::string what = task.title.empty() ? task.text : task.title;  // whole: the table wraps it
                if (task.shares.empty()) {
                    table.add({task.ref, what, "Chưa giao đơn vị", "", "", task.deadline ? task.deadline->vn() : "–", ""});
                    continue;
                }
                if (task.shares.size() > kAgenciesInDetail) {
                    table.add(task_summary(task, what));
                    continue;
                }
                bool first = true;
                for (const auto& share : task.shares) {
                    // Further agencies of the task leave its number and text to the row above;
                    // at the top of a page they repeat the start of the text.
                    std::vector<Cell> row{Cell{{Run{task.ref}}, !first, {}},
                                          Cell{{Run{what}}, !first, {Run{cut_text(what, 100)}}},
                                          text_cell(agency_text(share)),
                                          text_cell(status_text(share)),
                                          text_cell(std::to_string(share.progress)),
                                          text_cell(share.due ? share.due->vn() : "–"),
                                          Cell{evidence_runs(share.latest_evidence), false, {}}};
                    table.add(row);
                    first = false;
                }
            }
            table.close(mm(3));
        }
    }

    // One row for a task given to many agencies: how many, where they stand, their deadlines.
    static std::vector<Cell> task_summary(const TaskPart& task, const std::string& what) {
        const auto shares = pointers(task.shares);
        int coordinating = 0, with_evidence = 0, progress = 0;
        for (const auto* s : shares) {
            coordinating += s->role == AssignmentRole::Coordinate ? 1 : 0;
            with_evidence += s->latest_evidence ? 1 : 0;
            progress += s->progress;
        }
        const int n = static_cast<int>(shares.size());
        std::string agencies = std::to_string(n) + " đơn vị";
        if (coordinating > 0) agencies += " (" + std::to_string(coordinating) + " phối hợp)";
        return {text_cell(task.ref), text_cell(what), text_cell(agencies), text_cell(status_counts(shares)),
                text_cell(std::to_string((progress + n / 2) / n)), text_cell(date_span(shares)),
                text_cell(std::to_string(with_evidence) + "/" + std::to_string(n) + " đơn vị có minh chứng")};
    }

    // The overdue list, a row per agency; a task overdue at many agencies names them in one row.
    void overdue_rows(Table& table) const {
        const auto& all = r_.overdue;
        for (std::size_t i = 0; i < all.size();) {
            std::size_t end = i;
            while (end < all.size() && all[end].ref == all[i].ref && all[end].title == all[i].title) ++end;
            if (end - i <= kAgenciesInDetail) {
                for (; i < end; ++i)
                    table.add({all[i].ref, all[i].title, agency_text(all[i].share),
                               all[i].share.due ? all[i].share.due->vn() : "–", std::to_string(all[i].days_overdue),
                               status_vi(all[i].share.status)});
                continue;
            }
            std::vector<const Share*> shares;
            std::string names = std::to_string(end - i) + " đơn vị: ";
            int least = all[i].days_overdue, most = all[i].days_overdue;
            for (std::size_t k = i; k < end; ++k) {
                shares.push_back(&all[k].share);
                names += (k > i ? "; " : "") + agency_text(all[k].share);
                least = std::min(least, all[k].days_overdue);
                most = std::max(most, all[k].days_overdue);
            }
            const std::string days = least == most ? std::to_string(most) : std::to_string(least) + "–" + std::to_string(most);
            table.add({all[i].ref, all[i].title, names, date_span(shares), days, status_counts(shares)});
            i = end;
        }
    }

    void issues() {
        part("Nhiệm vụ quá hạn, vướng mắc và đề xuất, kiến nghị");
        doc_.keep(mm(30));
        doc_.flow("1. Nhiệm vụ quá hạn (" + std::to_string(r_.overdue.size()) + ")", body(true), mm(1));
        if (r_.overdue.empty()) {
            none();
        } else {
            Table table(doc_, {{"Mục", 12, Align::Center},
                               {"Nội dung", 50},
                               {"Đơn vị", 36},
                               {"Hạn", 21, Align::Center},
                               {"Số ngày quá hạn", 18, Align::Center},
                               {"Trạng thái", 28}},
                        kTable);
            overdue_rows(table);
            table.close(mm(3));
        }
        doc_.keep(mm(30));
        doc_.flow("2. Nhiệm vụ vướng mắc (" + std::to_string(r_.blocked.size()) + ")",
                  body(true), mm(1));
        if (r_.blocked.empty()) return none();
        Table table(doc_, {{"Mục", 12, Align::Center},
                           {"Nội dung", 42},
                           {"Đơn vị", 33},
                           {"Hạn", 21, Align::Center},
                           {"Đề xuất, kiến nghị", 57}},
                    kTable);
        for (const auto& i : r_.blocked) {
            Runs proposal;
            if (!i.share.proposals.empty()) proposal.push_back(Run{i.share.proposals});
            else if (i.share.latest_evidence) proposal.push_back(Run{cut_text(i.share.latest_evidence->note, kNoteChars)});
            table.add({text_cell(i.ref), text_cell(i.title), text_cell(agency_text(i.share)),
                       text_cell(i.share.due ? i.share.due->vn() : "–"), Cell{proposal, false, {}}});
        }
        table.close(mm(3));
    }

    // What each agency wrote about its assignments, under its name.
    void proposals() {
        doc_.keep(mm(30));
        doc_.flow("3. Khó khăn, vướng mắc; đề xuất, kiến nghị của các đơn vị", body(true), mm(1));
        if (r_.proposals.empty()) return none();
        for (const auto& agency : r_.proposals) {
            doc_.keep(mm(25));
            doc_.flow(agency.agency, body(true, true), mm(0.5));
            Table table(doc_, {{"Mục", 12, Align::Center}, {"Nội dung", 45}, {"Khó khăn, vướng mắc", 54}, {"Đề xuất, kiến nghị", 54}},
                        kTable);
            for (const auto& i : agency.items) table.add({i.ref, i.title, i.difficulties, i.proposals});
            table.close(mm(3));
        }
    }

    void agencies() {
        part("Đơn vị có nhiều nhiệm vụ quá hạn");
        std::vector<const AgencyLine*> lines;
        for (const auto& a : r_.agencies)
            if (a.counts.count(Bucket::OpenOverdue) > 0) lines.push_back(&a);
        if (lines.empty()) return none();
        Table table(doc_, {{"STT", 12, Align::Center},
                           {"Đơn vị", 85},
                           {"Quá hạn", 20, Align::Center},
                           {"Tổng", 20, Align::Center},
                           {"Tỷ lệ đúng hạn", 28, Align::Center}},
                    kTable);
        int n = 0;
        for (const auto* a : lines)
            table.add({std::to_string(++n), a->agency, std::to_string(a->counts.count(Bucket::OpenOverdue)),
                       std::to_string(a->counts.total),
                       a->counts.deadline_passed > 0 ? percent_vi(a->counts.on_time_rate) : "–"});
        table.close(mm(3));
    }

    void disbursement(const Disbursement& d) {
        part("Tình hình giải ngân vốn đầu tư công");
        std::string text = "Theo lộ trình giải ngân, đến ngày " + r_.as_of.vn() + " các chủ đầu tư phải giải ngân đạt tối thiểu " +
                           std::to_string(d.required_percent) + "% kế hoạch vốn được Thủ tướng Chính phủ giao";
        if (d.next_milestone)
            text += "; mốc tiếp theo: đạt " + std::to_string(d.next_percent) + "% đến ngày " + d.next_milestone->vn();
        text += ". Toàn tỉnh đã giải ngân " + millions(d.province.disbursed) + " triệu đồng, đạt " +
                percent_vi(d.province.rate_assigned) + " kế hoạch vốn giao; có " + std::to_string(d.behind) +
                " chủ đầu tư chưa đạt tỷ lệ yêu cầu.";
        Style s = body();
        s.indent = mm(10);
        doc_.flow(text, s, mm(1));

        bool since = d.province.disbursed_since.has_value();
        for (const auto& i : d.investors) since |= i.disbursed_since.has_value();
        Style unit = body(false, true);
        unit.size = 11;
        unit.align = Align::Right;
        doc_.keep(mm(30));
        doc_.flow("Đơn vị tính: triệu đồng; tỷ lệ in đậm: chưa đạt tỷ lệ yêu cầu", unit, 2);
        std::vector<Column> columns{{"TT", 8, Align::Center},
                                    {"Chủ đầu tư", since ? 55.0 : 72.0},
                                    {"KH TTg giao", 19, Align::Right},
                                    {"Tổng KH", 19, Align::Right},
                                    {"Đã giải ngân", 19, Align::Right},
                                    {"% KH giao", 14, Align::Right},
                                    {"% tổng KH", 14, Align::Right}};
        if (since) columns.push_back({"Tăng từ kỳ trước", 17, Align::Right});
        Table table(doc_, columns, kTable);
        auto row = [&](const InvestorLine& line, const std::string& number, bool total) {
            std::vector<Cell> cells{text_cell(number, total),
                                    text_cell(line.investor, total),
                                    text_cell(millions(line.plan_assigned), total),
                                    text_cell(millions(line.plan_total), total),
                                    text_cell(millions(line.disbursed), total),
                                    text_cell(decimal_vi(line.rate_assigned), total || line.behind),
                                    text_cell(decimal_vi(line.rate_total), total)};
            if (since) cells.push_back(text_cell(line.disbursed_since ? millions(*line.disbursed_since) : "", total));
            table.add(cells);
        };
        row(d.province, "", true);
        int n = 0;
        for (const auto& i : d.investors) row(i, std::to_string(i.rank > 0 ? i.rank : ++n), false);
        table.close(mm(3));
    }

    void changes(const Changes& c) {
        part("Thay đổi so với kỳ báo cáo trước");
        Style s = body(false, true);
        s.indent = mm(10);
        doc_.flow("(Từ ngày " + c.since.vn() + " đến ngày " + r_.as_of.vn() + ")", s, mm(1));
        const std::pair<const char*, const std::vector<Change>*> lists[] = {
            {"1. Nhiệm vụ mới hoàn thành", &c.newly_done},
            {"2. Nhiệm vụ mới quá hạn", &c.newly_overdue},
            {"3. Điều chỉnh thời hạn", &c.deadline_changes},
            {"4. Minh chứng mới", &c.new_evidence},
            {"5. Phân công đã đóng", &c.closed}};
        for (const auto& [title, list] : lists) {
            doc_.keep(mm(25));
            doc_.flow(std::string(title) + " (" + std::to_string(list->size()) + ")", body(true), mm(1));
            if (list->empty()) {
                none();
                continue;
            }
            Table table(doc_, {{"Mục", 12, Align::Center},
                               {"Nội dung", 54},
                               {"Đơn vị", 35},
                               {"Chi tiết", 43},
                               {"Ngày", 21, Align::Center}},
                        kTable);
            for (const auto& ch : *list) table.add({ch.ref, ch.title, ch.agency, cut_text(ch.what, kNoteChars), ch.when});
            table.close(mm(3));
        }
    }

    // "Trên đây là …", then the recipients on the left and the signature on the right, kept on
    // one page with the closing sentence so the signature never stands alone.
    void closing() {
        Style s = body();
        s.indent = mm(10);
        const Block last = doc_.block("Trên đây là báo cáo tình hình thực hiện Chỉ thị số " + r_.directive_code +
                                          ", tính đến ngày " + r_.as_of.vn() + "./.",
                                      s, doc_.width());
        const auto& st = r_.settings;
        const double half = doc_.width() / 2;
        Style recipients_style;
        recipients_style.size = 11;
        std::string recipients;
        for (const auto& line : st.recipients) recipients += (recipients.empty() ? "- " : "\n- ") + line;
        const Block to_label = doc_.block(Runs{Run{"Nơi nhận:"}}, Style{12, true, true}, half);
        const Block to_list = doc_.block(recipients, recipients_style, half - mm(5));
        const Block authority = doc_.block(upper_text(st.signer_authority) + "\n" + upper_text(st.signer_title),
                                           centred(13, true), half + mm(5));
        const Block name = doc_.block(st.signer_name, centred(13, true), half + mm(5));
        const double gap = mm(25);  // room for the signature and the seal
        const double left_h = to_label.height() + to_list.height();
        const double right_h = authority.height() + gap + name.height();
        const double sign_h = std::max(left_h, right_h);
        const double x_right = doc_.left() + half - mm(5);

        const double together = mm(1) + last.height() + mm(4) + sign_h;
        if (together <= doc_.page_room()) doc_.keep(together);
        doc_.skip(mm(1));
        doc_.flow(last, doc_.left());
        doc_.skip(mm(4));
        if (sign_h <= doc_.page_room()) {
            doc_.keep(sign_h);
            const double y = doc_.y();
            to_label.draw(doc_.cairo(), doc_.left(), y);
            to_list.draw(doc_.cairo(), doc_.left(), y + to_label.height());
            authority.draw(doc_.cairo(), x_right, y);
            name.draw(doc_.cairo(), x_right, y + authority.height() + gap);
            doc_.skip(sign_h);
            return;
        }
        // A recipients list longer than a page: the signature first, then the list flowing on.
        doc_.keep(right_h);
        authority.draw(doc_.cairo(), x_right, doc_.y());
        name.draw(doc_.cairo(), x_right, doc_.y() + authority.height() + gap);
        doc_.skip(right_h + mm(4));
        doc_.flow(to_label, doc_.left());
        doc_.flow(to_list, doc_.left());
    }

    Document& doc_;
    const Report& r_;
    int part_ = 0;
};

}  // namespace

void write_pdf(const Report& report, const std::filesystem::path& out) {
    write_atomically(out, [&](const std::filesystem::path& temp) {
        Document doc(temp, report_title(report));
        Writer(doc, report).write();
        doc.finish();
    });
}

}  // namespace dt::report
