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

// The domain's words are core's (core/status.h): the GUI and the reports say the same.
const char* word(Status s) { return say(words(s).vi, words(s).en); }
const char* word(Bucket b) { return say(words(b).vi, words(b).en); }
const char* word(AssignmentRole r) { return say(words(r).vi, words(r).en); }

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
