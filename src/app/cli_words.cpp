#include "app/cli_words.h"

#include <cstdlib>
#include <string_view>

namespace dt::cli {

namespace {
Lang g_lang = Lang::En;
}

void set_lang(std::optional<std::string> flag) {
    if (flag) {
        g_lang = *flag == "vi" ? Lang::Vi : Lang::En;
        return;
    }
    // LC_ALL overrides both, as the C library reads them.
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value && *value) {
            g_lang = std::string_view(value).starts_with("vi") ? Lang::Vi : Lang::En;
            return;
        }
    }
    g_lang = Lang::En;
}

Lang lang() { return g_lang; }
NumberStyle numbers() { return g_lang == Lang::Vi ? NumberStyle::Vi : NumberStyle::En; }
const char* say(const char* vi, const char* en) { return g_lang == Lang::Vi ? vi : en; }

const char* word(Status s) {
    switch (s) {
    case Status::NotStarted: return say("Chưa thực hiện", "Not started");
    case Status::InProgress: return say("Đang thực hiện", "In progress");
    case Status::Done: return say("Hoàn thành", "Done");
    case Status::Blocked: return say("Vướng mắc", "Blocked");
    }
    return "";
}

const char* word(Bucket b) {
    switch (b) {
    case Bucket::DoneOnTime: return say("Hoàn thành đúng hạn", "Done on time");
    case Bucket::DoneLate: return say("Hoàn thành quá hạn", "Done late");
    case Bucket::OpenOnTime: return say("Chưa hoàn thành, trong hạn", "Open, on time");
    case Bucket::OpenOverdue: return say("Chưa hoàn thành, quá hạn", "Open, overdue");
    case Bucket::NoDeadline: return say("Không giao thời hạn", "No deadline");
    }
    return "";
}

const char* word(AssignmentRole r) {
    return r == AssignmentRole::Lead ? say("Chủ trì", "Lead") : say("Phối hợp", "Coordinate");
}

const char* word(service::ReminderKind k) {
    switch (k) {
    case service::ReminderKind::Overdue: return say("Quá hạn", "Overdue");
    case service::ReminderKind::DueSoon: return say("Sắp đến hạn", "Due soon");
    case service::ReminderKind::SentBack: return say("Bị trả lại", "Sent back");
    case service::ReminderKind::ExtensionDecided: return say("Đã có quyết định gia hạn", "Extension decided");
    }
    return "";
}

}  // namespace dt::cli
