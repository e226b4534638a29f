#include <map>

#include "report/labels.h"
#include "report/pdf_layout.h"
#include "report/reminders.h"
#include "report/writers.h"

namespace dt::report {

using namespace pdf;

const char* reminder_kind_vi(service::ReminderKind kind) {
    switch (kind) {
    case service::ReminderKind::Overdue: return "Quá hạn";
    case service::ReminderKind::DueSoon: return "Sắp đến hạn";
    case service::ReminderKind::SentBack: return "Văn phòng trả lại, cần bổ sung";
    case service::ReminderKind::ExtensionDecided: return "Đã có quyết định về đề nghị gia hạn";
    }
    return "";
}

namespace {
std::string days_text(const service::Reminder& r) {
    if (!r.assignment.due) return "–";
    if (r.days < 0) return "quá " + std::to_string(-r.days) + " ngày";
    if (r.days == 0) return "hôm nay";
    return "còn " + std::to_string(r.days) + " ngày";
}

std::string what_text(const service::Reminder& r) {
    const auto& a = r.assignment;
    std::string out = a.directive_code + " mục " + a.task_ref + ": " + a.title;
    if (a.role == AssignmentRole::Coordinate) out += " (phối hợp)";
    if (r.kind == service::ReminderKind::SentBack && !a.review_note.empty()) out += "\nLý do trả lại: " + a.review_note;
    if (r.extension) {
        const auto& e = *r.extension;
        out += std::string("\n") + (e.status == store::ExtensionStatus::Approved ? "Đồng ý" : "Không đồng ý") +
               " gia hạn đến " + e.requested_due.vn();
        if (!e.decision_note.empty()) out += ": " + e.decision_note;
    }
    return out;
}

void agency_page(Document& doc, const ReminderDigest& d, const std::string& agency,
                 const std::vector<const service::Reminder*>& list) {
    Style title;
    title.size = 14;
    title.bold = true;
    title.align = Align::Center;
    Style plain;
    plain.size = 12;
    plain.align = Align::Center;
    Style body;
    body.size = 12;
    if (!d.issuer.empty()) doc.flow(upper_text(d.issuer), plain, mm(4));
    doc.flow("NHẮC VIỆC", title, mm(1));
    doc.flow("Kính gửi: " + agency, plain, mm(1));
    doc.flow("Tình hình đến hết ngày " + d.as_of.vn() + "; các việc đến hạn trong " + std::to_string(d.within) +
                 " ngày tới (đến " + d.as_of.plus_days(d.within).vn() + ").",
             plain, mm(5));
    if (list.empty()) {
        doc.flow("Không có việc cần nhắc.", body, mm(3));
        return;
    }
    for (auto kind : {service::ReminderKind::Overdue, service::ReminderKind::DueSoon, service::ReminderKind::SentBack,
                      service::ReminderKind::ExtensionDecided}) {
        std::vector<const service::Reminder*> rows;
        for (const auto* r : list)
            if (r->kind == kind) rows.push_back(r);
        if (rows.empty()) continue;
        Style heading = body;
        heading.bold = true;
        doc.keep(mm(25));
        doc.flow(std::string(reminder_kind_vi(kind)) + " (" + std::to_string(rows.size()) + ")", heading, mm(1));
        Table table(doc, {{"TT", 9, Align::Center}, {"Nhiệm vụ", 95}, {"Hạn", 24, Align::Center},
                          {"Còn / quá", 22, Align::Center}, {"Trạng thái", 28}},
                    10.5);
        int n = 0;
        for (const auto* r : rows)
            table.add({std::to_string(++n), what_text(*r), date_vi(r->assignment.due), days_text(*r),
                       std::string(status_vi(r->assignment.status)) + ", " + std::to_string(r->assignment.progress) + "%"});
        table.close(mm(4));
    }
}
}  // namespace

void write_reminder_pdf(const ReminderDigest& d, const std::filesystem::path& out) {
    // By agency, in the order the service gave (its name).
    std::vector<std::pair<std::string, std::vector<const service::Reminder*>>> agencies;
    for (const auto& r : d.reminders) {
        if (agencies.empty() || agencies.back().first != r.assignment.agency) agencies.push_back({r.assignment.agency, {}});
        agencies.back().second.push_back(&r);
    }
    write_atomically(out, [&](const std::filesystem::path& temp) {
        Document doc(temp, "Nhắc việc " + d.as_of.vn());
        if (agencies.empty()) agency_page(doc, d, "các đơn vị", {});
        for (std::size_t i = 0; i < agencies.size(); ++i) {
            if (i > 0) doc.new_page();
            agency_page(doc, d, agencies[i].first, agencies[i].second);
        }
        doc.finish();
    });
}

}  // namespace dt::report
