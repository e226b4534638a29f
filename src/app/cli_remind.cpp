// dtrack remind: nhắc việc for scripts (JSON, each object with its assignment's id) and people
// (grouped by agency and reason, in the CLI's language); --pdf hands over to dtrack-report.
#include <nlohmann/json.hpp>

#include <iostream>

#include "app/cli_commands.h"
#include "app/cli_words.h"
#include "core/numbers.h"
#include "core/error.h"
#include "core/text.h"

namespace dt::cli {

using nlohmann::json;

namespace {
json reminder_object(const service::Reminder& r) {
    const auto& a = r.assignment;
    json out{{"id", a.id},
             {"kind", r.kind == service::ReminderKind::Overdue       ? "overdue"
                      : r.kind == service::ReminderKind::DueSoon     ? "due_soon"
                      : r.kind == service::ReminderKind::SentBack    ? "sent_back"
                                                                     : "extension_decided"},
             {"agency", a.agency},
             {"directive", a.directive_code},
             {"task_ref", a.task_ref},
             {"title", a.title},
             {"role", to_string(a.role)},
             {"status", to_string(a.status)},
             {"bucket", to_string(r.bucket)},
             {"progress", a.progress},
             {"due", a.due ? json(a.due->iso()) : json(nullptr)},
             {"days", a.due ? json(r.days) : json(nullptr)},
             {"review_note", a.review_note.empty() ? json(nullptr) : json(a.review_note)}};
    if (r.extension)
        out["extension"] = {{"status", to_string(r.extension->status)},
                            {"requested_due", r.extension->requested_due.iso()},
                            {"decided_at", r.extension->decided_at ? json(*r.extension->decided_at) : json(nullptr)},
                            {"note", r.extension->decision_note}};
    return out;
}

std::string days_text(const service::Reminder& r) {
    if (!r.assignment.due) return "";
    const std::string n = format_integer(r.days < 0 ? -r.days : r.days, numbers());
    if (r.days < 0) return say("quá ", "overdue by ") + n + say(" ngày", " day(s)");
    if (r.days == 0) return say("hôm nay", "today");
    return say("còn ", "in ") + n + say(" ngày", " day(s)");
}

void print_reminders(const std::vector<service::Reminder>& rows, Date as_of, int within) {
    std::cout << say("Nhắc việc đến hết ngày ", "Reminders as of ") << as_of.vn() << say(", hạn trong ", ", due within ")
              << count(within) << say(" ngày tới", " days") << "\n";
    std::string agency;
    std::optional<service::ReminderKind> kind;
    for (const auto& r : rows) {
        const auto& a = r.assignment;
        if (a.agency != agency) {
            agency = a.agency;
            kind.reset();
            std::cout << "\n" << agency << "\n";
        }
        if (kind != r.kind) {
            kind = r.kind;
            std::cout << "  " << word(r.kind) << ":\n";
        }
        std::cout << "    " << fit("#" + std::to_string(a.id), 7) << fit(a.task_ref, 8) << fit(a.title, 44) << " "
                  << fit(a.due ? a.due->vn() : "—", 11) << fit(days_text(r), 22) << word(a.status) << ", "
                  << a.progress << "%";
        if (a.role == AssignmentRole::Coordinate) std::cout << " (" << word(a.role) << ")";
        std::cout << "\n";
        if (r.kind == service::ReminderKind::SentBack) std::cout << "      " << say("Lý do: ", "Reason: ") << a.review_note << "\n";
        if (r.extension)
            std::cout << "      " << word(r.extension->status) << " → " << r.extension->requested_due.vn()
                      << (r.extension->decision_note.empty() ? "" : ": " + r.extension->decision_note) << "\n";
    }
    std::cout << "\n" << count(static_cast<long long>(rows.size())) << say(" việc cần nhắc", " reminder(s)") << "\n";
}
}  // namespace

int within_days(const std::string& text) {
    return static_cast<int>(whole_or_fail(text, Msg::WithinNotDays, {service::kMaxReminderDays}, 1, service::kMaxReminderDays));
}

int run_remind(const Context& ctx, const RemindOptions& o) {
    const int within = within_days(o.within);
    const Date as_of = o.as_of ? parse_date_or_fail(*o.as_of, "The as-of date") : Date::today();
    if (o.pdf) return run_remind_pdf(ctx, o);
    auto s = open_session(ctx);
    const auto rows = s.service->reminders(s.actor, o.agency, within, as_of);
    if (o.json) {
        json out = json::array();
        for (const auto& r : rows) out.push_back(reminder_object(r));
        std::cout << out.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
    } else {
        print_reminders(rows, as_of, within);
    }
    return 0;
}

}  // namespace dt::cli
