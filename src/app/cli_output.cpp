// What dtrack prints: JSON for scripts, aligned text for people.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>

#include <cstdio>
#include <iostream>

#include "app/cli_commands.h"
#include "app/cli_words.h"
#include "core/numbers.h"

namespace dt::cli {

using nlohmann::json;

namespace {
json date_or_null(const std::optional<Date>& d) { return d ? json(d->iso()) : json(nullptr); }

// Width in terminal columns of UTF-8 text, counting code points (Vietnamese is precomposed after NFC).
std::size_t columns(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

}  // namespace

std::string fit(const std::string& s, std::size_t width, bool right) {
    std::string out;
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if ((c & 0xC0) != 0x80) {
            if (n == width) break;
            ++n;
        }
        out += s[i];
    }
    if (columns(s) > width && !out.empty()) {
        // Replace the last code point with an ellipsis.
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
        if (!out.empty()) out.pop_back();
        out += "…";
    }
    const std::string pad(width - std::min(width, columns(out)), ' ');
    return right ? pad + out : out + pad;
}

namespace {
json assignment_object(const service::AssignmentView& v) {
    const auto& r = v.record;
    return json{{"id", r.id},
                {"directive", r.directive_code},
                {"task_ref", r.task_ref},
                {"section", r.section},
                {"agency", r.agency},
                {"role", to_string(r.role)},
                {"status", to_string(r.status)},
                {"bucket", to_string(v.bucket)},
                {"progress", r.progress},
                {"due", date_or_null(r.due)},
                {"completed_on", date_or_null(r.completed_on)},
                {"owner", r.owner},
                {"version", r.version},
                {"title", r.title},
                {"evidence_count", r.evidence_count},
                {"original_due", date_or_null(r.original_due)},
                {"extensions", r.extension_count},
                {"review_note", r.review_note.empty() ? json(nullptr) : json(r.review_note)},
                {"closed_on", date_or_null(r.closed_on)},
                {"closed_reason", r.closed_on ? json(r.closed_reason) : json(nullptr)}};
}
}  // namespace

// {"every": "month", "day": 25} or {"every": "half_year", "dates": ["06-15", "12-15"]}; null
// without a recurrence (docs/INPUT.md).
json recurrence_rule(const importer::Task& t) {
    if (t.recurrence == Recurrence::None) return nullptr;
    static const std::map<Recurrence, std::string> every = {
        {Recurrence::Weekly, "week"}, {Recurrence::Monthly, "month"}, {Recurrence::Quarterly, "quarter"},
        {Recurrence::HalfYearly, "half_year"}, {Recurrence::Yearly, "year"}};
    json rule{{"every", every.at(t.recurrence)}};
    if (t.recurrence_day > 0) rule["day"] = t.recurrence_day;
    if (!t.recurrence_dates.empty()) {
        json dates = json::array();
        for (auto [d, m] : t.recurrence_dates) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "%02d-%02d", m % 100, d % 100);
            dates.push_back(buf);
        }
        rule["dates"] = dates;
    }
    return rule;
}

std::string outline_json(const importer::Outline& o) {
    json sections = json::array();
    for (const auto& s : o.sections) sections.push_back({{"label", s.label}, {"title", s.title}});
    json tasks = json::array();
    for (const auto& t : o.tasks) {
        json agencies = json::array();
        for (const auto& a : t.agencies) {
            json share{{"name", a.name}, {"role", to_string(a.role)}};
            if (!a.registered) share["registered"] = false;
            agencies.push_back(std::move(share));
        }
        tasks.push_back({{"ref", t.ref},
                         {"section", t.section},
                         {"parent", t.parent ? json(*t.parent) : json(nullptr)},
                         {"text", t.text},
                         {"deadline", date_or_null(t.deadline)},
                         {"recurrence", t.recurrence == Recurrence::None ? json(nullptr) : json(to_string(t.recurrence))},
                         {"recurrence_rule", recurrence_rule(t)},
                         {"agencies", agencies}});
    }
    json out{{"directive", {{"code", o.directive.code},
                            {"issued_on", date_or_null(o.directive.issued_on)},
                            {"title", o.directive.title},
                            {"issuer", o.directive.issuer}}},
             {"sections", sections},
             {"tasks", tasks},
             {"agencies", o.agencies},
             {"warnings", said(o.warnings)}};
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string assignments_json(const std::vector<service::AssignmentView>& rows) {
    json out = json::array();
    for (const auto& v : rows) out.push_back(assignment_object(v));
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string assignment_json(const service::AssignmentView& view, const std::vector<store::EvidenceRecord>& evidence) {
    json out = assignment_object(view);
    out["text"] = view.record.text;
    json items = json::array();
    for (const auto& e : evidence)
        items.push_back({{"id", e.id}, {"note", e.note}, {"doc_ref", e.doc_ref}, {"doc_date", date_or_null(e.doc_date)},
                         {"file_name", e.file_name ? json(*e.file_name) : json(nullptr)}, {"file_size", e.file_size},
                         {"sha256", e.file_sha256}, {"created_at", e.created_at}, {"created_by", e.created_by},
                         {"withdrawn_at", e.withdrawn_at ? json(*e.withdrawn_at) : json(nullptr)},
                         {"withdrawn_by", e.withdrawn() ? json(e.withdrawn_by) : json(nullptr)},
                         {"withdrawal_reason", e.withdrawn() ? json(e.withdrawal_reason) : json(nullptr)}});
    out["evidence"] = items;
    return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

void print_assignments(const std::vector<service::AssignmentView>& rows) {
    // Nothing found is said in a sentence, not as an empty table.
    if (rows.empty()) {
        std::cout << say("Không có phân công nào khớp với điều kiện lọc (mỗi từ tìm kiếm phải có mặt).",
                         "No assignment matches the filter (every word searched for must be found).")
                  << "\n";
        return;
    }
    // Words in the CLI's language (cli_words.h); JSON keeps the codes.
    std::cout << fit("ID", 6) << fit(say("Mục", "Ref"), 10) << fit(say("Đơn vị", "Agency"), 28)
              << fit(say("Vai trò", "Role"), 11) << fit(say("Trạng thái", "Status"), 15) << fit(say("Hạn", "Due"), 12)
              << fit(say("Tiến độ", "Progress"), 9) << say("Nội dung", "Title") << "\n";
    for (const auto& v : rows) {
        const auto& r = v.record;
        std::cout << fit(std::to_string(r.id), 6) << fit(r.task_ref, 10) << fit(r.agency, 27) << " " << fit(word(r.role), 11)
                  << fit(word(r.status), 15) << fit(r.due ? r.due->vn() : "—", 12)
                  << fit(std::to_string(r.progress) + "%", 9) << fit(r.title, 60) << "\n";
    }
    std::cout << count(static_cast<long long>(rows.size())) << say(" phân công", " assignment(s)") << "\n";
}

void print_assignment(const service::AssignmentView& v, const std::vector<store::EvidenceRecord>& evidence) {
    const auto& r = v.record;
    std::cout << say("Phân công ", "Assignment ") << r.id << say(" (phiên bản ", " (version ") << r.version << ")\n"
              << say("  Chỉ thị:    ", "  Directive:  ") << r.directive_code << say(", mục ", ", task ") << r.task_ref
              << say(" (nhóm ", " (section ") << r.section << ")\n"
              << say("  Đơn vị:     ", "  Agency:     ") << r.agency << " — " << word(r.role) << "\n"
              << say("  Trạng thái: ", "  Status:     ") << word(r.status) << ", " << r.progress << "%, " << word(v.bucket)
              << "\n"
              << say("  Hạn:        ", "  Due:        ") << (r.due ? r.due->vn() : "—")
              << (r.completed_on ? say(", hoàn thành ", ", completed ") + r.completed_on->vn() : std::string()) << "\n";
    if (r.original_due != r.due || r.extension_count > 0)
        std::cout << say("  Hạn ban đầu: ", "  First due:  ") << (r.original_due ? r.original_due->vn() : "—") << " ("
                  << count(r.extension_count) << say(" lần gia hạn được đồng ý)", " extension(s) approved)") << "\n";
    if (!r.review_note.empty()) std::cout << say("  Bị trả lại: ", "  Sent back:  ") << r.review_note << "\n";
    if (r.closed_on)
        std::cout << say("  Đã đóng:    ", "  Closed:     ") << r.closed_on->vn() << " — " << r.closed_reason
                  << say(" (không còn tính là việc đang làm)", " (no longer counted as open work)") << "\n";
    std::cout << say("  Người phụ trách: ", "  Owner:      ") << (r.owner.empty() ? "—" : r.owner) << "\n"
              << say("  Nội dung:", "  Task:") << "\n    " << r.text << "\n";
    std::cout << say("  Minh chứng (", "  Evidence (") << count(static_cast<long long>(evidence.size())) << "):\n";
    for (const auto& e : evidence) {
        std::cout << "    #" << e.id << " " << e.created_at << " " << e.created_by << ": " << e.note;
        if (!e.doc_ref.empty()) std::cout << " [" << e.doc_ref << (e.doc_date ? say(" ngày ", " of ") + e.doc_date->vn() : "") << "]";
        if (e.file_name)
            std::cout << " (" << *e.file_name << ", " << count(e.file_size) << say(" byte)", " bytes)");
        if (e.withdrawn()) std::cout << say(" (đã rút: ", " (withdrawn: ") << e.withdrawal_reason << ")";
        std::cout << "\n";
    }
}

void print_summary(const service::DirectiveSummary& s, Date as_of) {
    const auto& d = s.directive;
    std::cout << say(Msg::OutSummaryHeading, {d.code}) << (d.issued_on ? say(Msg::OutIssuedOn, {*d.issued_on}) : "")
              << " — " << d.issuer << "\n"
              << d.title << "\n\n";
    for (const auto& line : s.sections)
        std::cout << "  " << fit(line.label + ".", 5) << fit(line.title, 70) << " "
                  << say(Msg::OutSectionCounts, {MsgArg::grouped(line.tasks), MsgArg::grouped(line.assignments)}) << "\n";
    std::cout << "\n"
              << say(Msg::OutSummaryAsOf, {MsgArg::grouped(s.tasks), MsgArg::grouped(s.assignments), as_of}) << "\n";
    for (int b = 0; b < 5; ++b) std::cout << "  " << fit(word(static_cast<Bucket>(b)), 30) << count(s.bucket_counts[b]) << "\n";
    // "37,5 %" / "37.5 %", as the GUI and the reports write it
    std::cout << "  " << say(Msg::OutOnTimeRate, {MsgArg::percent(s.on_time_rate)}) << "\n";
}

}  // namespace dt::cli
